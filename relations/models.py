"""The shared vocabulary of the portal: topics, organisations, offices, programmes and projects.

The other apps point at these models; these never point back at them.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from portal.fields import HttpsURLField
from portal.i18n import localized
from portal.media.images import RandomName, StrippedImageField
from portal.redirects.models import KeepsOldURLs


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


class Organisation(KeepsOldURLs, models.Model):
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
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    country = CountryField(_("land"), blank=True)
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

    def for_public_pages(self):
        """Public memberships with what their pages show, in one query plus one for topics."""
        return (
            self.public()
            .select_related("organisation")
            .prefetch_related("topics")
            .order_by("organisation__name", "-since")
        )


class Membership(models.Model):
    """The region's place in an organisation: since when, in what role, represented by whom."""

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


class Programme(KeepsOldURLs, models.Model):
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

    def involving(self, organisation):
        """Projects that ``organisation`` leads or is a partner in."""
        return self.filter(
            Q(lead_partner=organisation) | Q(partners=organisation)
        ).distinct()


class Project(KeepsOldURLs, models.Model):
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
    region_role = models.CharField(_("regionens roll"), max_length=20, choices=Role.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
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
        if errors:
            raise ValidationError(errors)

    @property
    def display_title(self):
        return localized(self, "title")


class Office(models.Model):
    """One of the unit's offices: Göteborg, Bryssel, Stockholm."""

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
