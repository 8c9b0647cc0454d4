"""The shared vocabulary of the portal: topics, organisations, offices, programmes and projects,
and the unit's own work: cooperation agreements with their yearly follow-ups, and positions.

The other apps point at these models; these never point back at them.
"""

import calendar
import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from portal.collation import CollatedCountries
from portal.fields import HttpsURLField
from portal.i18n import localized
from portal.media.images import RandomName, StrippedImageField
from portal.redirects.models import KeepsOldURLs
from portal.search_index import SearchIndexed


class Topic(KeepsOldURLs, models.Model):
    """A policy priority the unit works on (sammanhållningspolitik, transport …)."""

    name = models.CharField(_("namn"), max_length=120, unique=True)
    name_en = models.CharField(_("namn på engelska"), max_length=120, blank=True)
    slug = models.SlugField(_("adressnamn"), max_length=120, unique=True)
    description = models.TextField(_("kort beskrivning"), blank=True)
    description_en = models.TextField(_("kort beskrivning på engelska"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("prioriterad fråga")
        verbose_name_plural = _("prioriterade frågor")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("relations:topic-detail", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        return localized(self, "name")


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """Every organisation has a public page."""
        return self.all()

    def with_current_memberships(self):
        """Prefetch the topics and the current public memberships (``current_memberships``).

        Public pages read memberships through such prefetches of ``Membership.objects.public()``,
        never through ``memberships.all``, so an internal one cannot reach a template by accident.
        """
        return self.prefetch_related(
            "topics",
            Prefetch(
                "memberships",
                queryset=Membership.objects.public().current().order_by("-since"),
                to_attr="current_memberships",
            ),
        )


class Organisation(KeepsOldURLs, SearchIndexed):
    """Anything the unit relates to: a network of regions, an EU body, a region, an authority."""

    class Kind(models.TextChoices):
        NETWORK = "network", _("nätverk eller sammanslutning av regioner")
        INSTITUTION = "institution", _("EU-institution eller EU-organ")
        REGION = "region", _("region")
        AUTHORITY = "authority", _("nationell myndighet")
        OFFICE = "office", _("representationskontor")
        OTHER = "other", _("annan organisation")

    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("namn"), max_length=200)
    name_en = models.CharField(_("namn på engelska"), max_length=200, blank=True)
    acronym = models.CharField(_("förkortning"), max_length=30, blank=True)
    acronym_en = models.CharField(
        _("förkortning på engelska"),
        max_length=30,
        blank=True,
        help_text=_("Där den engelska förkortningen är en annan, till exempel ”CoR” för ReK."),
    )
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    country = CountryField(_("land"), blank=True, countries=CollatedCountries)
    website = HttpsURLField(_("webbplats"), blank=True)
    description = models.TextField(_("beskrivning"), blank=True)
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("prioriterade frågor"), blank=True, related_name="organisations"
    )
    logo = StrippedImageField(_("logotyp"), upload_to=RandomName("logos"), blank=True)
    logo_alt = models.CharField(
        _("alternativtext för logotypen"),
        max_length=200,
        blank=True,
        help_text=_("Beskriv logotypen för den som inte ser den, till exempel ”CPMR:s logotyp”."),
    )

    documents = models.ManyToManyField(
        "portal.Document", verbose_name=_("dokument"), blank=True, related_name="organisations"
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("relations:organisation-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.logo and not self.logo_alt.strip():
            raise ValidationError({"logo_alt": _("En logotyp behöver en alternativtext.")})

    @property
    def display_name(self):
        return localized(self, "name")


class MembershipQuerySet(models.QuerySet):
    def public(self):
        """Memberships the public may see; internal ones stay in the admin."""
        return self.filter(is_public=True)

    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(until__isnull=True) | Q(until__gte=on), since__lte=on)

    def renewal_reminder_due(self, today, notice):
        """Memberships renewed within ``notice`` of ``today`` whose officers are not yet
        reminded of that renewal."""
        return (
            self.filter(renewal_date__gte=today, renewal_date__lte=today + notice)
            .exclude(renewal_reminded_for=F("renewal_date"))
        )

    def for_public_pages(self):
        """Public memberships with what their pages show, in one query plus one for topics."""
        return (
            self.public()
            .select_related("organisation")
            .prefetch_related("topics")
            .order_by("organisation__name", "-since")
        )


class Currency(models.TextChoices):
    EUR = "EUR", _("euro")
    SEK = "SEK", _("kronor")


class Membership(models.Model):
    """The region's place in an organisation: since when, in what role, represented by whom,
    at what yearly fee and until when before it is renewed."""

    class Role(models.TextChoices):
        MEMBER = "member", _("medlem")
        BOARD_MEMBER = "board_member", _("styrelseledamot")
        VICE_PRESIDENT = "vice_president", _("vice ordförande")
        PRESIDENT = "president", _("ordförande")
        WORKING_GROUP_CHAIR = "working_group_chair", _("ordförande i arbetsgrupp")
        OBSERVER = "observer", _("observatör")
        PARTNER = "partner", _("partner")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("regionens roll"), max_length=30, choices=Role.choices)
    role_detail = models.CharField(
        _("rollen i detalj"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”ordförande i arbetsgruppen för transport”."),
    )
    role_detail_en = models.CharField(_("rollen i detalj på engelska"), max_length=200, blank=True)
    since = models.DateField(_("från"))
    until = models.DateField(_("till"), null=True, blank=True)
    representative_name = models.CharField(_("företrädare"), max_length=120, blank=True)
    representative_title = models.CharField(_("företrädarens titel"), max_length=200, blank=True)
    representative_title_en = models.CharField(
        _("företrädarens titel på engelska"), max_length=200, blank=True
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("prioriterade frågor"), blank=True, related_name="memberships"
    )
    public_notes = models.TextField(_("offentlig beskrivning"), blank=True)
    public_notes_en = models.TextField(_("offentlig beskrivning på engelska"), blank=True)
    internal_notes = models.TextField(
        _("interna anteckningar"), blank=True, help_text=_("Visas aldrig för allmänheten.")
    )
    is_public = models.BooleanField(
        _("offentligt"),
        default=True,
        help_text=_("Interna medlemskap visas bara i administrationen."),
    )
    annual_fee = models.DecimalField(
        _("årsavgift"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Avgiften kan inte vara negativ."))],
    )
    fee_currency = models.CharField(
        _("valuta"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    renewal_date = models.DateField(
        _("förnyas eller beslutas senast"),
        null=True,
        blank=True,
        help_text=_("Relationshandläggarna får en påminnelse två månader före."),
    )
    renewal_reminded_for = models.DateField(
        _("påmind om förnyelsen"), null=True, blank=True, editable=False
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-since"]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")

    def __str__(self):
        return f"{self.organisation} – {self.get_role_display()}"

    @property
    def display_role(self):
        """The role in detail when given (”ordförande i arbetsgrupp X”), else the role."""
        return localized(self, "role_detail") or self.get_role_display()

    def clean(self):
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("Slutdatumet kan inte vara före startdatumet.")})


class ProgrammeQuerySet(models.QuerySet):
    def public(self):
        """Every programme has a public page."""
        return self.all()

    def with_grant_totals(self):
        """Each programme with ``project_count`` and ``total_grant`` of the region's projects."""
        return self.annotate(
            project_count=Count("projects", distinct=True),
            total_grant=Sum("projects__eu_grant"),
        )


class Programme(KeepsOldURLs, SearchIndexed):
    """An EU funding programme and period (Interreg Central Baltic 2021–2027, ESF+ …)."""

    class Fund(models.TextChoices):
        ERDF = "erdf", _("Europeiska regionala utvecklingsfonden (Eruf)")
        ESF = "esf", _("Europeiska socialfonden (ESF+)")
        INTERREG = "interreg", _("Interreg (Eruf)")
        JTF = "jtf", _("Fonden för en rättvis omställning")
        HORIZON = "horizon", _("Horisont Europa")
        ERASMUS = "erasmus", _("Erasmus+")
        CEF = "cef", _("Fonden för ett sammanlänkat Europa (FSE)")
        LIFE = "life", _("Life")
        OTHER = "other", _("annan finansiering")

    name = models.CharField(_("namn"), max_length=200)
    name_en = models.CharField(_("namn på engelska"), max_length=200, blank=True)
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    fund = models.CharField(_("fond"), max_length=20, choices=Fund.choices)
    period_start = models.PositiveSmallIntegerField(_("programperiodens första år"))
    period_end = models.PositiveSmallIntegerField(_("programperiodens sista år"))
    region_role = models.CharField(
        _("regionens roll"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”Contact Point” eller ”medlem i övervakningskommittén”."),
    )
    region_role_en = models.CharField(_("regionens roll på engelska"), max_length=200, blank=True)
    description = models.TextField(_("beskrivning"), blank=True)
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)
    website = HttpsURLField(_("webbplats"), blank=True)

    documents = models.ManyToManyField(
        "portal.Document", verbose_name=_("dokument"), blank=True, related_name="programmes"
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "name"]
        verbose_name = _("EU-program")
        verbose_name_plural = _("EU-program")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("relations:programme-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("Programperioden kan inte sluta före den börjar.")}
            )

    @property
    def display_name(self):
        return localized(self, "name")


class ProjectQuerySet(models.QuerySet):
    def public(self):
        """Every project has a public page."""
        return self.all()

    def for_lists(self):
        return self.select_related("programme", "lead_partner").prefetch_related("topics")

    def update_statuses(self, today=None):
        """Bring the status of each project not set by hand in line with its dates.

        Returns how many projects changed status.
        """
        today = today or timezone.localdate()
        automatic = self.filter(status_set_by_hand=False)
        by_dates = {
            Project.Status.PLANNED: Q(start_date__gt=today),
            Project.Status.ONGOING: Q(start_date__lte=today, end_date__gte=today),
            Project.Status.COMPLETED: Q(end_date__lt=today),
        }
        return sum(
            automatic.filter(dates).exclude(status=status).update(status=status)
            for status, dates in by_dates.items()
        )

    def involving(self, organisation):
        """Projects that ``organisation`` leads or is a partner in."""
        return self.filter(
            Q(lead_partner=organisation) | Q(partners=organisation)
        ).distinct()


class Project(KeepsOldURLs, SearchIndexed):
    """An EU-funded project the region leads or takes part in."""

    class Role(models.TextChoices):
        LEAD_PARTNER = "lead_partner", _("huvudpartner")
        PARTNER = "partner", _("partner")
        ASSOCIATED = "associated", _("associerad partner")
        FUNDER = "funder", _("medfinansiär")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planerat")
        ONGOING = "ongoing", _("pågående")
        COMPLETED = "completed", _("avslutat")

        @classmethod
        def for_dates(cls, start_date, end_date, today=None):
            today = today or timezone.localdate()
            if today < start_date:
                return cls.PLANNED
            if today > end_date:
                return cls.COMPLETED
            return cls.ONGOING

    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel på engelska"), max_length=200, blank=True)
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), on_delete=models.PROTECT, related_name="projects"
    )
    start_date = models.DateField(_("startdatum"))
    end_date = models.DateField(_("slutdatum"))
    total_budget = models.DecimalField(
        _("total budget (euro)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0, _("Budgeten kan inte vara negativ."))],
    )
    eu_grant = models.DecimalField(
        _("EU-bidrag (euro)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0, _("EU-bidraget kan inte vara negativt."))],
    )
    lead_partner = models.ForeignKey(
        Organisation,
        verbose_name=_("huvudpartner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
        help_text=_("Lämna tomt när regionen själv är huvudpartner."),
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partner"), blank=True, related_name="projects"
    )
    exchange_rate = models.DecimalField(
        _("växelkurs (kronor per euro)"),
        max_digits=8,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Växelkursen kan inte vara negativ."))],
        help_text=_("Kursen som budgeten räknas om till kronor med, till exempel 11,4900."),
    )
    exchange_rate_date = models.DateField(_("växelkursens datum"), null=True, blank=True)
    region_role = models.CharField(_("regionens roll"), max_length=20, choices=Role.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_("Följer projektets datum, om den inte är satt för hand."),
    )
    status_set_by_hand = models.BooleanField(
        _("status satt för hand"),
        default=False,
        help_text=_("Kryssa i för att behålla statusen, till exempel för ett avbrutet projekt."),
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("prioriterade frågor"), blank=True, related_name="projects"
    )
    description = models.TextField(_("beskrivning"), blank=True)
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)
    results = models.TextField(_("resultat"), blank=True)
    results_en = models.TextField(_("resultat på engelska"), blank=True)
    website = HttpsURLField(_("webbplats"), blank=True)

    documents = models.ManyToManyField(
        "portal.Document", verbose_name=_("dokument"), blank=True, related_name="projects"
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("projekt")
        verbose_name_plural = _("projekt")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.status_set_by_hand:
            self.status = self.Status.for_dates(self.start_date, self.end_date)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("relations:project-detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Slutdatumet kan inte vara före startdatumet.")
        if (
            self.eu_grant is not None
            and self.total_budget is not None
            and self.eu_grant > self.total_budget
        ):
            errors["eu_grant"] = _("EU-bidraget kan inte vara större än den totala budgeten.")
        if (self.exchange_rate is None) != (self.exchange_rate_date is None):
            field = "exchange_rate_date" if self.exchange_rate_date is None else "exchange_rate"
            errors[field] = _("Ange både växelkursen och dess datum, eller ingen av dem.")
        if self.status_set_by_hand and not self.status:
            errors["status"] = _("Välj en status när den sätts för hand.")
        if errors:
            raise ValidationError(errors)

    @property
    def display_title(self):
        return localized(self, "title")

    def _in_kronor(self, amount):
        if self.exchange_rate is None:
            return None
        return (amount * self.exchange_rate).quantize(Decimal("1"))

    @property
    def total_budget_sek(self):
        return self._in_kronor(self.total_budget)

    @property
    def eu_grant_sek(self):
        return self._in_kronor(self.eu_grant)


class Office(models.Model):
    """One of the unit's offices: Göteborg, Bryssel, Stockholm; an office may be shared with
    other regions or organisations, its partners."""

    name = models.CharField(_("namn"), max_length=100)
    name_en = models.CharField(_("namn på engelska"), max_length=100, blank=True)
    slug = models.SlugField(_("adressnamn"), max_length=100, unique=True)
    address = models.TextField(_("adress"), help_text=_("En rad per adressrad."))
    address_en = models.TextField(
        _("adress på engelska"),
        blank=True,
        help_text=_("Bara om adressen skrivs annorlunda på engelska (Brussels, Belgium)."),
    )
    role = models.TextField(_("vad kontoret gör"))
    role_en = models.TextField(_("vad kontoret gör, på engelska"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    map_url = HttpsURLField(_("länk till karta"), blank=True)
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("delas med"),
        blank=True,
        related_name="shared_offices",
        help_text=_("Regioner och organisationer som kontoret delas med."),
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("kontor")
        verbose_name_plural = _("kontor")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return localized(self, "name")

    @property
    def address_lines(self):
        """The address in the page's language, one line per item (commas also split)."""
        text = localized(self, "address")
        return [
            part.strip() for line in text.splitlines() for part in line.split(",") if part.strip()
        ]


class Contact(models.Model):
    """A member of staff whom the public may contact."""

    name = models.CharField(_("namn"), max_length=120)
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel på engelska"), max_length=200, blank=True)
    office = models.ForeignKey(
        Office, verbose_name=_("kontor"), on_delete=models.PROTECT, related_name="contacts"
    )
    email = models.EmailField(_("e-post"))
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("prioriterade frågor"), blank=True, related_name="contacts"
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self):
        return f"{self.name}, {self.title}"

    @property
    def display_title(self):
        return localized(self, "title")


class AgreementQuerySet(models.QuerySet):
    def public(self):
        """Agreements the public may see; internal ones stay in the admin."""
        return self.filter(is_public=True)

    def in_force(self, year):
        """Agreements valid during some part of ``year``."""
        return self.filter(
            Q(valid_until__isnull=True) | Q(valid_until__year__gte=year),
            valid_from__year__lte=year,
        )

    def with_follow_up_for(self, year):
        """Each agreement with ``has_follow_up``: whether ``year``'s follow-up is recorded."""
        return self.annotate(
            has_follow_up=Exists(
                AgreementFollowUp.objects.filter(agreement=OuterRef("pk"), year=year)
            )
        )


class Agreement(SearchIndexed):
    """A cooperation agreement of the region or of a partner: its parties, period and areas.

    It is followed up once a year (``AgreementFollowUp``), by the end of ``follow_up_month``.
    """

    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("överenskommelse")
        LETTER_OF_INTENT = "letter_of_intent", _("avsiktsförklaring")
        COOPERATION = "cooperation", _("samarbetsavtal")
        MEMORANDUM = "memorandum", _("memorandum of understanding")

    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel på engelska"), max_length=200, blank=True)
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    parties = models.ManyToManyField(
        Organisation, verbose_name=_("parter"), blank=True, related_name="agreements"
    )
    internal_parties = models.TextField(
        _("interna parter"),
        blank=True,
        help_text=_("Förvaltningar och enheter som är parter, en per rad."),
    )
    summary = models.TextField(_("sammanfattning"))
    summary_en = models.TextField(_("sammanfattning på engelska"), blank=True)
    documents = models.ManyToManyField(
        "portal.Document", verbose_name=_("dokument"), blank=True, related_name="agreements",
        help_text=_("Det undertecknade dokumentet."),
    )
    decided_by = models.CharField(
        _("beslutande organ"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”regionstyrelsen” eller ”GR:s förbundsstyrelse”."),
    )
    decided_by_en = models.CharField(_("beslutande organ på engelska"), max_length=200, blank=True)
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    signed_on = models.DateField(_("undertecknad"), null=True, blank=True)
    valid_from = models.DateField(_("gäller från"))
    valid_until = models.DateField(
        _("gäller till"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt om den gäller tills vidare."),
    )
    follow_up_month = models.PositiveSmallIntegerField(
        _("uppföljning senast i"),
        choices=MONTHS,
        default=12,
        help_text=_("Årets uppföljning ska vara beslutad före månadens slut."),
    )
    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarig handläggare"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"is_staff": True},
        help_text=_(
            "Får påminnelsen om uppföljningen; utan ansvarig går den till alla "
            "relationshandläggare."
        ),
    )
    follow_up_reminded_for = models.PositiveSmallIntegerField(
        _("påmind om uppföljningen för år"), null=True, blank=True, editable=False
    )
    is_public = models.BooleanField(
        _("offentlig"),
        default=True,
        help_text=_("Interna överenskommelser visas bara i administrationen."),
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from", "title"]
        verbose_name = _("överenskommelse")
        verbose_name_plural = _("överenskommelser")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("relations:agreement-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("Överenskommelsen kan inte upphöra innan den börjar gälla.")}
            )

    @property
    def display_title(self):
        return localized(self, "title")

    @property
    def internal_party_names(self):
        return [line.strip() for line in self.internal_parties.splitlines() if line.strip()]

    def covers_year(self, year):
        return self.valid_from.year <= year and (
            self.valid_until is None or year <= self.valid_until.year
        )

    def follow_up_due(self, year):
        """The last day for ``year``'s follow-up."""
        last_day = calendar.monthrange(year, self.follow_up_month)[1]
        return datetime.date(year, self.follow_up_month, last_day)


class DevelopmentArea(models.Model):
    """One of an agreement's numbered development areas (utvecklingsområden)."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.CASCADE,
        related_name="development_areas",
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("område"), max_length=200)
    title_en = models.CharField(_("område på engelska"), max_length=200, blank=True)
    description = models.TextField(_("beskrivning"), blank=True)
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)

    class Meta:
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"],
                name="relations_development_area_number_unique",
                violation_error_message=_("Överenskommelsen har redan ett område med det numret."),
            )
        ]
        verbose_name = _("utvecklingsområde")
        verbose_name_plural = _("utvecklingsområden")

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def display_title(self):
        return localized(self, "title")


class Forum(models.Model):
    """A group the agreement runs through: a steering group, working group or network."""

    class Kind(models.TextChoices):
        STEERING_GROUP = "steering_group", _("styrgrupp")
        WORKING_GROUP = "working_group", _("arbetsgrupp")
        NETWORK_MEETING = "network_meeting", _("nätverksträffar")

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.CASCADE,
        related_name="forums",
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("namn"), max_length=200)
    name_en = models.CharField(_("namn på engelska"), max_length=200, blank=True)
    description = models.TextField(_("beskrivning"), blank=True)
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)

    class Meta:
        ordering = ["agreement", "kind", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forum")

    def __str__(self):
        return f"{self.name} ({self.agreement})"

    @property
    def display_name(self):
        return localized(self, "name")


class ForumMember(models.Model):
    """A person in a forum; shown only in the admin, and covered by personal-data requests."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("namn"), max_length=120)
    title = models.CharField(_("titel eller roll"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-post"), blank=True)

    class Meta:
        ordering = ["forum", "name"]
        verbose_name = _("forumdeltagare")
        verbose_name_plural = _("forumdeltagare")

    def __str__(self):
        return self.name


class AgreementContact(models.Model):
    """A party's contact person for the agreement; shown only in the admin."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("namn"), max_length=120)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)

    class Meta:
        ordering = ["agreement", "name"]
        verbose_name = _("kontaktperson för överenskommelsen")
        verbose_name_plural = _("kontaktpersoner för överenskommelsen")

    def __str__(self):
        return self.name


class AgreementFollowUpQuerySet(models.QuerySet):
    def public(self):
        return self.filter(agreement__is_public=True)


class AgreementFollowUp(models.Model):
    """An agreement's yearly follow-up: what each area achieved and who decided on it.

    News items (and other apps' content) point at a follow-up from their side; its page
    shows them through their apps' ``related`` modules.
    """

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    year = models.PositiveSmallIntegerField(_("år"))
    summary = models.TextField(_("sammanfattning"), blank=True)
    summary_en = models.TextField(_("sammanfattning på engelska"), blank=True)
    documents = models.ManyToManyField(
        "portal.Document", verbose_name=_("dokument"), blank=True, related_name="follow_ups",
        help_text=_("Uppföljningsrapporten."),
    )
    decided_by = models.CharField(_("beslutad av"), max_length=200, blank=True)
    decided_by_en = models.CharField(_("beslutad av, på engelska"), max_length=200, blank=True)
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    projects = models.ManyToManyField(
        Project,
        verbose_name=_("projekt som överenskommelsen lett till"),
        blank=True,
        related_name="agreement_follow_ups",
    )

    objects = AgreementFollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "year"],
                name="relations_follow_up_year_unique",
                violation_error_message=_("Överenskommelsen har redan en uppföljning för året."),
            )
        ]
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")

    def __str__(self):
        return _("%(agreement)s: uppföljning %(year)s") % {
            "agreement": self.agreement, "year": self.year
        }

    def get_absolute_url(self):
        return reverse(
            "relations:follow-up-detail",
            kwargs={"slug": self.agreement.slug, "year": self.year},
        )

    def clean(self):
        agreement = getattr(self, "agreement", None)
        if agreement and self.year and not agreement.covers_year(self.year):
            until = agreement.valid_until.year if agreement.valid_until else ""
            raise ValidationError({"year": _(
                "Året ligger utanför överenskommelsens giltighetstid (%(start)s–%(end)s)."
            ) % {"start": agreement.valid_from.year, "end": until}})


class AreaResult(models.Model):
    """What one development area achieved in a follow-up's year."""

    follow_up = models.ForeignKey(
        AgreementFollowUp,
        verbose_name=_("uppföljning"),
        on_delete=models.CASCADE,
        related_name="area_results",
    )
    area = models.ForeignKey(
        DevelopmentArea,
        verbose_name=_("utvecklingsområde"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    text = models.TextField(_("vad som uppnåtts"))
    text_en = models.TextField(_("vad som uppnåtts, på engelska"), blank=True)

    class Meta:
        ordering = ["follow_up", "area__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["follow_up", "area"],
                name="relations_area_result_unique",
                violation_error_message=_("Området är redan uppföljt i den här uppföljningen."),
            )
        ]
        verbose_name = _("resultat per område")
        verbose_name_plural = _("resultat per område")

    def __str__(self):
        return str(self.area)

    def clean(self):
        follow_up = getattr(self, "follow_up", None)
        area = getattr(self, "area", None)
        if follow_up and area and area.agreement_id != follow_up.agreement_id:
            raise ValidationError(
                {"area": _("Området hör till en annan överenskommelse.")}
            )


class PositionQuerySet(models.QuerySet):
    def public(self):
        """Every position and consultation response is published as it is recorded."""
        return self.all()

    def for_lists(self):
        return self.prefetch_related("topics")


class Position(SearchIndexed):
    """The region's position on an EU or national matter, or its response to a consultation."""

    class Kind(models.TextChoices):
        POSITION = "position", _("ståndpunkt")
        POSITION_PAPER = "position_paper", _("positionspapper")
        CONSULTATION_RESPONSE = "consultation_response", _("remissvar")

    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=250)
    title_en = models.CharField(_("titel på engelska"), max_length=250, blank=True)
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    date = models.DateField(_("datum"))
    addressee = models.CharField(
        _("mottagare eller remissinstans"),
        max_length=200,
        blank=True,
        help_text=_(
            "Till exempel ”Regeringskansliet, Finansdepartementet” eller ”Europeiska kommissionen”."
        ),
    )
    addressee_en = models.CharField(
        _("mottagare eller remissinstans på engelska"), max_length=200, blank=True
    )
    case_number = models.CharField(
        _("diarienummer hos mottagaren"), max_length=100, blank=True
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("prioriterade frågor"), blank=True, related_name="positions"
    )
    summary = models.TextField(_("sammanfattning"))
    summary_en = models.TextField(_("sammanfattning på engelska"), blank=True)
    documents = models.ManyToManyField(
        "portal.Document", verbose_name=_("dokument"), blank=True, related_name="positions",
        help_text=_("Ställningstagandet eller remissvaret som dokument; minst ett krävs."),
    )

    objects = PositionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("ståndpunkt eller remissvar")
        verbose_name_plural = _("ståndpunkter och remissvar")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("relations:position-detail", kwargs={"slug": self.slug})

    @property
    def display_title(self):
        return localized(self, "title")
