"""Seminars, information meetings, trainings and web seminars, and the registrations to them.

An event is public by its status and publishing time alone, like a news item, so that
scheduled publishing needs no job. Registration is open, full or closed by its times and
the count of confirmed places; the count is only ever taken with the event's row locked
(``events.services``), so that the last place never goes to two people.
"""

import secrets
import zoneinfo

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import calendars
from portal.fields import HttpsURLField
from portal.i18n import localized
from portal.search_index import SearchIndexed

# The time zones an event may be held in: the region's own, and where its offices and
# partners meet. The times are stored in UTC and shown in the event's zone.
TIME_ZONES = [
    ("Europe/Stockholm", _("svensk tid (Stockholm)")),
    ("Europe/Brussels", _("belgisk tid (Bryssel)")),
    ("Europe/London", _("brittisk tid (London)")),
    ("Europe/Helsinki", _("finsk tid (Helsingfors)")),
]

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def retention_months():
    return settings.EVENT_RETENTION_MONTHS


def new_reference():
    """A registration's reference (EV-7K3QX9PA): random, so that it reveals no count."""
    return "EV-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


# What ``Event.registration_state`` and ``accepts_registrations`` read, for a query that
# needs no more of a long list of events (with ``with_confirmed_count``).
REGISTRATION_STATE_FIELDS = [
    "status", "publish_at", "starts_at", "registration_required", "registration_opens_at",
    "registration_closes_at", "capacity", "waiting_list",
]


class EventQuerySet(models.QuerySet):
    def public(self):
        """What the public may see (the name other apps' code asks every model for), by the
        database's clock, as ``NewsItemQuerySet.public``."""
        return self.published(now=Now())

    def published(self, now=None):
        """What the public may see: published, cancelled or postponed, once its time has come.

        A cancelled or postponed event stays public, so that those who planned to come read
        that it is off; only a draft is hidden.
        """
        return self.exclude(status=Event.Status.DRAFT).filter(
            publish_at__lte=now or timezone.now()
        )

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def in_calendar_window(self, now=None):
        """What the calendar feed carries (portal.calendars.in_window)."""
        return self.filter(calendars.in_window(now))

    def upcoming_then_past(self, now=None):
        """Coming events soonest first, then the archive latest first (``is_past`` 0 or 1)."""
        return calendars.upcoming_then_past(self, now)

    def with_confirmed_count(self):
        """``confirmed_count``: the places taken, counted in the same query.

        A subquery per row rather than a join and GROUP BY: the database counts for the rows
        a page shows only, not for every event of the archive before sorting and slicing.
        """
        confirmed = (
            Registration.objects.confirmed()
            .filter(event=OuterRef("pk"))
            .order_by()
            .values("event")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(confirmed_count=Coalesce(Subquery(confirmed), 0))

    def for_calendars(self):
        """Only what an event's calendar entry shows (``services.calendar_event``): the
        public feed reads every public event, and none of their other columns."""
        return self.only(
            "title", "title_en", "slug", "lead", "lead_en", "starts_at", "ends_at",
            "updated_at", "venue", "room", "address", "city", "online_url", "status",
        )

    def for_public_pages(self):
        """Published events with what their cards show, in one query."""
        return self.published().with_confirmed_count()


class Event(SearchIndexed):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("seminarium")
        INFORMATION_MEETING = "information_meeting", _("informationsmöte")
        NETWORK_MEETING = "network_meeting", _("nätverksmöte")
        TRAINING = "training", _("utbildning")
        WEB_SEMINAR = "web_seminar", _("webbseminarium")

    class Status(models.TextChoices):
        DRAFT = "draft", _("utkast")
        PUBLISHED = "published", _("publicerat")
        CANCELLED = "cancelled", _("inställt")
        POSTPONED = "postponed", _("uppskjutet")

    class Language(models.TextChoices):
        SWEDISH = "sv", _("svenska")
        ENGLISH = "en", _("engelska")

    class RegistrationState(models.TextChoices):
        """Where registration stands for a visitor now (``Event.registration_state``)."""

        NONE = "none", _("ingen anmälan")
        NOT_YET = "not_yet", _("anmälan har inte öppnat")
        OPEN = "open", _("anmälan öppen")
        WAITING_LIST = "waiting_list", _("fullbokat, väntelista")
        FULL = "full", _("fullbokat")
        CLOSED = "closed", _("anmälan stängd")
        CALLED_OFF = "called_off", _("inställt eller uppskjutet")

    title = models.CharField(_("rubrik"), max_length=200)
    title_en = models.CharField(_("rubrik på engelska"), max_length=200, blank=True)
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    lead = models.TextField(_("ingress"), max_length=500)
    lead_en = models.TextField(_("ingress på engelska"), max_length=500, blank=True)
    description = models.TextField(_("beskrivning"))
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)

    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    time_zone = models.CharField(
        _("tidszon"),
        max_length=40,
        choices=TIME_ZONES,
        default="Europe/Stockholm",
        help_text=_("Tiderna skrivs in och visas i den här tidszonen."),
    )

    venue = models.CharField(
        _("plats"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”Västsvenska Handelskammaren”. Lämna tomt för webbsändning."),
    )
    address = models.CharField(_("adress"), max_length=300, blank=True)
    city = models.CharField(_("ort"), max_length=100, blank=True)
    city_en = models.CharField(
        _("ort på engelska"),
        max_length=100,
        blank=True,
        help_text=_("Där orten har ett eget engelskt namn, till exempel ”Gothenburg”."),
    )
    room = models.CharField(_("lokal eller rum"), max_length=200, blank=True)
    map_url = HttpsURLField(_("länk till karta"), blank=True)
    online_url = HttpsURLField(
        _("länk till webbsändningen"),
        blank=True,
        help_text=_(
            "Skickas bara till anmälda deltagare, i bekräftelsen och påminnelsen. "
            "Visas aldrig på webbplatsen."
        ),
    )

    organiser = models.ForeignKey(
        "relations.Organisation",
        verbose_name=_("arrangör"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organised_events",
        help_text=_("Lämna tomt när enheten externa relationer själv arrangerar."),
    )
    co_organisers = models.ManyToManyField(
        "relations.Organisation",
        verbose_name=_("medarrangörer"),
        blank=True,
        related_name="co_organised_events",
    )
    topics = models.ManyToManyField(
        "relations.Topic", verbose_name=_("prioriterade frågor"), blank=True,
        related_name="events",
    )
    documents = models.ManyToManyField(
        "portal.Document", verbose_name=_("dokument"), blank=True, related_name="events",
        help_text=_("Programmet före evenemanget, presentationerna efteråt."),
    )
    programme = models.ForeignKey(
        "relations.Programme",
        verbose_name=_("EU-program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    project = models.ForeignKey(
        "relations.Project",
        verbose_name=_("projekt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    contact = models.ForeignKey(
        "relations.Contact",
        verbose_name=_("kontaktperson"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    language = models.CharField(
        _("evenemangets språk"), max_length=5, choices=Language.choices, default="sv"
    )

    step_free_access = models.BooleanField(_("tillgängligt utan trappsteg"), default=False)
    hearing_loop = models.BooleanField(_("hörslinga"), default=False)
    interpretation_on_request = models.BooleanField(
        _("teckenspråkstolkning på begäran"), default=False
    )
    accessibility_info = models.TextField(_("mer om tillgänglighet"), blank=True)
    accessibility_info_en = models.TextField(_("mer om tillgänglighet, på engelska"), blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publiceringstid"),
        default=timezone.now,
        help_text=_("Ett publicerat evenemang med en tid i framtiden visas först då."),
    )
    announced_status = models.CharField(
        _("senast meddelad status"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        editable=False,
        help_text=_("De anmälda har fått mejl om att evenemanget är inställt eller uppskjutet."),
    )

    registration_required = models.BooleanField(_("kräver anmälan"), default=True)
    registration_opens_at = models.DateTimeField(_("anmälan öppnar"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("sista anmälningsdag"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("antal platser"), null=True, blank=True, help_text=_("Tomt betyder obegränsat.")
    )
    waiting_list = models.BooleanField(
        _("väntelista"),
        default=True,
        help_text=_("När det är fullbokat kan fler skriva upp sig och får plats vid avbokningar."),
    )

    registrations_erased_at = models.DateTimeField(
        _("anmälningarna gallrade"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("evenemang")
        verbose_name_plural = _("evenemang")
        indexes = [
            models.Index(fields=["status", "publish_at", "ends_at"]),
            # The public list's filters (its months, its topics) and its order, and the
            # sitemap's latest change, read the whole archive: from this index alone, not
            # from the wide rows.
            models.Index(
                fields=["starts_at", "ends_at"],
                include=["status", "publish_at", "id", "updated_at"],
                name="events_public_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def get_register_url(self):
        return reverse("events:register", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Evenemanget måste sluta efter att det börjar.")
        closes, opens = self.registration_closes_at, self.registration_opens_at
        if closes and self.starts_at and closes > self.starts_at:
            errors["registration_closes_at"] = _(
                "Anmälan måste stänga senast när evenemanget börjar."
            )
        if closes and opens and closes <= opens:
            errors["registration_closes_at"] = _("Anmälan måste stänga efter att den öppnar.")
        if not self.venue and not self.online_url:
            errors["venue"] = _("Ange en plats, en länk till webbsändningen eller båda.")
        if errors:
            raise ValidationError(errors)

    @property
    def display_title(self):
        return localized(self, "title")

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_starts_at(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_ends_at(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def in_site_time_zone(self):
        return self.time_zone == settings.TIME_ZONE

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def is_in_person(self):
        return bool(self.venue)

    @property
    def is_public(self):
        return self.status != self.Status.DRAFT and self.publish_at <= timezone.now()

    @property
    def is_called_off(self):
        return self.status in (self.Status.CANCELLED, self.Status.POSTPONED)

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    @property
    def has_ended(self):
        return self.ends_at < timezone.now()

    @property
    def has_accessibility_facts(self):
        return (
            self.step_free_access or self.hearing_loop or self.interpretation_on_request
            or bool(localized(self, "accessibility_info"))
        )

    def places_left(self, confirmed=None):
        """Free places, or None when the number is unlimited.

        ``confirmed`` is the count of confirmed registrations when the caller has it (a
        ``with_confirmed_count`` annotation, or a count under the row lock).
        """
        if self.capacity is None:
            return None
        if confirmed is None:
            confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.registrations.filter(status=Registration.Status.CONFIRMED).count()
        return max(self.capacity - confirmed, 0)

    def registration_state(self, now=None, confirmed=None):
        if not self.registration_required:
            return self.RegistrationState.NONE
        if self.is_called_off:
            return self.RegistrationState.CALLED_OFF
        now = now or timezone.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return self.RegistrationState.NOT_YET
        if now >= (self.registration_closes_at or self.starts_at):
            return self.RegistrationState.CLOSED
        if self.places_left(confirmed) == 0:
            if self.waiting_list:
                return self.RegistrationState.WAITING_LIST
            return self.RegistrationState.FULL
        return self.RegistrationState.OPEN

    @property
    def accepts_registrations(self):
        return self.is_public and self.registration_state() in (
            self.RegistrationState.OPEN,
            self.RegistrationState.WAITING_LIST,
        )

    @property
    def erase_registrations_after(self):
        return self.ends_at + relativedelta(months=retention_months())


class Question(models.Model):
    """A question the editor adds to one event's registration form."""

    class Kind(models.TextChoices):
        TEXT = "text", _("fritext")
        CHOICE = "choice", _("val")
        YES_NO = "yes_no", _("ja eller nej")

    event = models.ForeignKey(
        Event, verbose_name=_("evenemang"), on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("fråga"), max_length=300)
    text_en = models.CharField(_("fråga på engelska"), max_length=300, blank=True)
    kind = models.CharField(_("svarstyp"), max_length=10, choices=Kind.choices)
    choices = models.TextField(
        _("svarsalternativ"), blank=True, help_text=_("Ett alternativ per rad (för val).")
    )
    required = models.BooleanField(_("obligatorisk"), default=False)
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("fråga vid anmälan")
        verbose_name_plural = _("frågor vid anmälan")

    def __str__(self):
        return self.text

    def clean(self):
        if self.kind == self.Kind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("En fråga med val behöver minst två alternativ.")})

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def field_name(self):
        return f"question_{self.pk}"


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("registered_at", "pk")

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)


class Registration(models.Model):
    """One person's registration to one event: a place, or a place on the waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("anmäld")
        WAITING = "waiting", _("på väntelistan")
        CANCELLED = "cancelled", _("avbokad")

    class OrganisationType(models.TextChoices):
        MUNICIPALITY = "municipality", _("kommun")
        REGION = "region", _("region")
        AGENCY = "agency", _("statlig myndighet")
        UNIVERSITY = "university", _("universitet eller högskola")
        COMPANY = "company", _("företag")
        ASSOCIATION = "association", _("förening eller organisation")
        OTHER = "other", _("annat")

    event = models.ForeignKey(
        Event, verbose_name=_("evenemang"), on_delete=models.PROTECT, related_name="registrations"
    )
    reference = models.CharField(
        _("referens"), max_length=20, unique=True, default=new_reference, editable=False
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-postadress"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_type = models.CharField(
        _("typ av organisation"), max_length=20, choices=OrganisationType.choices
    )
    role = models.CharField(_("roll eller titel"), max_length=200, blank=True)
    dietary_needs = models.CharField(_("kost"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("tillgänglighetsbehov"), max_length=300, blank=True)
    language = models.CharField(
        _("språk för utskick"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )
    registered_at = models.DateTimeField(_("anmäld"), default=timezone.now)
    promoted_at = models.DateTimeField(_("fick plats från väntelistan"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("avbokad"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("påminnelse skickad"), null=True, blank=True)
    attended = models.BooleanField(_("deltog"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["registered_at", "pk"]
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")
        constraints = [
            # A cancelled registration stays until the purge but lets its owner register again.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="one_registration_per_email",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "registered_at"])]
        permissions = [("mail_registration", _("Kan mejla de anmälda"))]

    def __str__(self):
        return f"{self.reference} {self.name}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class Answer(models.Model):
    """A registrant's answer to one of the event's questions."""

    registration = models.ForeignKey(
        Registration, verbose_name=_("anmälan"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("fråga"), on_delete=models.CASCADE, related_name="answers"
    )
    value = models.CharField(_("svar"), max_length=1000, blank=True)

    class Meta:
        ordering = ["question__position", "question__pk"]
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        constraints = [
            models.UniqueConstraint(fields=["registration", "question"], name="one_answer")
        ]

    def __str__(self):
        return f"{self.question}: {self.value}"


class EventStatistic(models.Model):
    """Anonymous counts of an event's participants by type of organisation, kept when the
    registrations themselves are erased (``events.services.erase_registrations``)."""

    event = models.ForeignKey(
        Event, verbose_name=_("evenemang"), on_delete=models.CASCADE, related_name="statistics"
    )
    organisation_type = models.CharField(
        _("typ av organisation"), max_length=20, choices=Registration.OrganisationType.choices
    )
    registered = models.PositiveIntegerField(_("anmälda"), default=0)
    attended = models.PositiveIntegerField(_("deltog"), default=0)
    marked = models.PositiveIntegerField(_("närvaro markerad"), default=0)

    class Meta:
        verbose_name = _("statistik för evenemang")
        verbose_name_plural = _("statistik för evenemang")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation_type"], name="one_count_per_organisation_type"
            )
        ]

    def __str__(self):
        return f"{self.event}: {self.get_organisation_type_display()} {self.registered}"
