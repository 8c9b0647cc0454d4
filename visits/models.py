"""Formal visits: incoming visits to the region and outgoing delegation trips.

A visit request from the public form is a Visit in "request received", holding the
requester's contact data until the purge (see ``visits.services.purge_personal_data``).
The status workflow lives here, so that the admin, the actions and the services all
obey the same rules.
"""

import datetime
import hashlib

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from portal import calendars
from portal.collation import CollatedCountries
from portal.i18n import localized
from portal.redirects.models import KeepsOldURLs
from portal.search_index import SearchIndexed
from portal.workflow import StatusHistory, TransitionRefused, status_history
from relations.models import Organisation, Project, Topic

DELEGATION_SIZE_MAX = 200


def personal_data_months():
    return settings.VISIT_PERSONAL_DATA_MONTHS


class VisitQuerySet(models.QuerySet):
    def public(self):
        """What the public may see: public visits that are confirmed or have taken place."""
        return self.filter(
            visibility=Visit.Visibility.PUBLIC,
            status__in=[Visit.Status.CONFIRMED, Visit.Status.COMPLETED],
        )

    def for_public_pages(self):
        """Public visits with what their cards and pages show (title, dates, place,
        organisation): one query."""
        return self.public().select_related("organisation")

    def for_calendars(self):
        """Only what a visit's calendar events show (``services.visit_events``): a feed
        reads a thousand visits or more, and none of their other columns."""
        return self.only(
            "slug", "title", "title_en", "purpose", "purpose_en", "venue", "city", "city_en",
            "country", "direction", "starts_at", "ends_at", "updated_at", "status", "visibility",
        )

    def in_calendar_window(self, now=None):
        """What calendar feeds carry (portal.calendars.in_window)."""
        return self.filter(calendars.in_window(now))

    def upcoming(self, now=None):
        """Visits that have not ended yet, soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Visits that have ended, latest first."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def upcoming_then_past(self, now=None):
        """Upcoming visits soonest first, then past visits latest first (``is_past`` 0 or 1)."""
        return calendars.upcoming_then_past(self, now)

    def personal_data_due(self, now=None):
        """Visits whose participants' and requester's personal data must now be removed.

        Due N months (VISIT_PERSONAL_DATA_MONTHS) after the visit ended, or after it was
        cancelled (a refused request is a cancelled visit).
        """
        cutoff = (now or timezone.now()) - relativedelta(months=personal_data_months())
        return self.filter(Q(ends_at__lt=cutoff) | Q(cancelled_at__lt=cutoff))


# How many times a new visit looks for a free slug when others take it at the same moment.
SLUG_ATTEMPTS = 5


class Visit(KeepsOldURLs, SearchIndexed):
    class Direction(models.TextChoices):
        INCOMING = "incoming", _("besök till regionen")
        OUTGOING = "outgoing", _("delegationsresa")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("offentligt")
        INTERNAL = "internal", _("internt")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("förfrågan mottagen")
        PLANNING = "planning", _("planeras")
        CONFIRMED = "confirmed", _("bekräftat")
        COMPLETED = "completed", _("genomfört")
        CANCELLED = "cancelled", _("inställt")

    # The workflow: which status may follow which.
    TRANSITIONS = {
        Status.REQUESTED: {Status.PLANNING, Status.CANCELLED},
        Status.PLANNING: {Status.CONFIRMED, Status.CANCELLED},
        Status.CONFIRMED: {Status.COMPLETED, Status.PLANNING, Status.CANCELLED},
        Status.COMPLETED: set(),
        Status.CANCELLED: set(),
    }

    direction = models.CharField(_("riktning"), max_length=20, choices=Direction.choices)
    title = models.CharField(_("rubrik"), max_length=200)
    title_en = models.CharField(_("rubrik på engelska"), max_length=200, blank=True)
    slug = models.SlugField(_("adressnamn"), max_length=220, unique=True, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        help_text=_("Den besökande organisationen, eller den organisation delegationen besöker."),
    )
    country = CountryField(
        _("land"),
        blank=True,
        countries=CollatedCountries,
        help_text=_(
            "Besökarnas land vid besök till regionen, resmålets land vid delegationsresor."
        ),
    )
    city = models.CharField(_("ort"), max_length=100, blank=True)
    city_en = models.CharField(
        _("ort på engelska"),
        max_length=100,
        blank=True,
        help_text=_("Där orten har ett eget engelskt namn, till exempel ”Gothenburg”."),
    )
    venue = models.CharField(_("plats"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    purpose = models.TextField(_("syfte"), blank=True)
    purpose_en = models.TextField(_("syfte på engelska"), blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("prioriterade frågor"), blank=True, related_name="visits"
    )
    hosts = models.TextField(
        _("regionens värdar eller delegater"),
        blank=True,
        help_text=_("En person per rad: namn, titel. Till exempel ”Anna Andersson, regionråd”."),
    )
    hosts_en = models.TextField(
        _("värdar eller delegater på engelska"),
        blank=True,
        help_text=_("Samma personer med engelska titlar, till exempel ”Anna Andersson, Regional "
                    "Executive Councillor”. Tomt: de svenska titlarna visas."),
    )
    delegation_size = models.PositiveSmallIntegerField(
        _("delegationens storlek"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(DELEGATION_SIZE_MAX)],
    )
    visibility = models.CharField(
        _("synlighet"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.INTERNAL,
        help_text=_("Offentliga besök visas på webbplatsen när de är bekräftade."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNING
    )
    cancelled_at = models.DateTimeField(_("inställt den"), null=True, blank=True, editable=False)
    summary = models.TextField(
        _("offentlig sammanfattning"),
        blank=True,
        help_text=_("Skrivs efter besöket och visas på webbplatsen när besöket är offentligt."),
    )
    summary_en = models.TextField(_("offentlig sammanfattning på engelska"), blank=True)
    projects = models.ManyToManyField(
        Project, verbose_name=_("relaterade projekt"), blank=True, related_name="visits"
    )
    documents = models.ManyToManyField(
        "portal.Document", verbose_name=_("dokument"), blank=True, related_name="visits"
    )
    registration_number = models.CharField(
        _("diarienummer"), max_length=50, blank=True, help_text=_("Till exempel RS 2026-01234.")
    )
    requester_organisation = models.CharField(
        _("förfrågande organisation"), max_length=200, blank=True
    )
    requester_name = models.CharField(_("kontaktperson"), max_length=120, blank=True)
    requester_email = models.EmailField(_("kontaktpersonens e-post"), blank=True)
    requester_phone = models.CharField(_("kontaktpersonens telefon"), max_length=40, blank=True)
    personal_data_purged_at = models.DateTimeField(
        _("personuppgifter raderade"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("besök")
        verbose_name_plural = pgettext_lazy("plural", "besök")
        permissions = [
            ("view_personal_data", _("Kan se personuppgifter i besök")),
        ]
        indexes = [
            models.Index(fields=["visibility", "status", "ends_at"]),
            # The public list's filters (its years, its countries) and its order, and the
            # sitemap's latest change, read every public visit: from this index alone, not
            # from the wide rows.
            models.Index(
                fields=["visibility", "status", "starts_at"],
                include=["ends_at", "country", "id", "updated_at"],
                name="visits_public_idx",
            ),
            # The public list's past part, latest first (UpcomingThenPastPaginator), in the
            # order of this index: a status of two values keeps it from the one above.
            models.Index(
                fields=["visibility", "starts_at", "id"],
                include=["status", "ends_at"],
                name="visits_list_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.slug:
            return super().save(*args, **kwargs)
        # Two requests for visits with the same title and first day, sent at the same moment,
        # find the same free slug: the one whose INSERT loses looks again (the winner's row is
        # committed, so visible, by the time the unique index refuses the loser's).
        for attempt in range(1, SLUG_ATTEMPTS + 1):
            self.slug = self._unique_slug()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                taken = Visit.objects.filter(slug=self.slug).exclude(pk=self.pk).exists()
                self.slug = ""
                if not taken or attempt == SLUG_ATTEMPTS:
                    raise

    def get_absolute_url(self):
        return reverse("visits:detail", kwargs={"slug": self.slug})

    @property
    def request_reference(self):
        """What the requester and the coordinators quote about a request (the visit's id)."""
        return f"BES-{self.pk}"

    def _unique_slug(self):
        start = timezone.localtime(self.starts_at).date() if self.starts_at else None
        base = slugify(f"{self.title} {start or ''}")[:200] or "besok"
        slug, number = base, 2
        while Visit.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("Besöket kan inte sluta före det börjar.")})

    @property
    def display_hosts(self):
        return localized(self, "hosts")

    @property
    def display_title(self):
        return localized(self, "title")

    @property
    def is_outgoing(self):
        return self.direction == self.Direction.OUTGOING

    @property
    def location_country_code(self):
        """Where the visit takes place: the visitors come to Sweden; a delegation travels."""
        return self.country.code if self.is_outgoing else "SE"

    @property
    def place_display(self):
        parts = [self.venue, localized(self, "city")]
        if self.is_outgoing and self.country:
            parts.append(str(self.country.name))
        return ", ".join(part for part in parts if part)

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC and self.status in (
            self.Status.CONFIRMED,
            self.Status.COMPLETED,
        )

    @property
    def has_ended(self):
        return self.ends_at < timezone.now()

    @property
    def personal_data_purge_date(self):
        """The day after which participants' and requester's personal data are removed."""
        end = self.cancelled_at or self.ends_at
        return (timezone.localtime(end) + relativedelta(months=personal_data_months())).date()

    # Workflow ---------------------------------------------------------------------------

    def allowed_next_statuses(self):
        return [status for status in self.Status if status in self.TRANSITIONS[self.status]]

    def check_status_change(self, new_status, now=None):
        """Raise TransitionRefused when the workflow does not allow ``new_status`` now."""
        new_status = self.Status(new_status)
        if new_status not in self.TRANSITIONS[self.status]:
            raise TransitionRefused(
                _("Ett besök med status ”%(old)s” kan inte få status ”%(new)s”."),
                params={"old": self.get_status_display(), "new": new_status.label},
                code="transition",
            )
        if new_status == self.Status.COMPLETED and self.ends_at > (now or timezone.now()):
            raise TransitionRefused(
                _("Besöket kan inte markeras som genomfört innan det har slutat."),
                code="not_ended",
            )

    def change_status(self, new_status, by=None, now=None):
        """Move the visit to ``new_status`` and record who did it; refuses what is not allowed."""
        now = now or timezone.now()
        self.check_status_change(new_status, now=now)
        old_status = self.status
        with transaction.atomic():
            self.status = new_status
            fields = ["status", "updated_at"]
            if new_status == self.Status.CANCELLED:
                self.cancelled_at = now
                fields.append("cancelled_at")
            self.save(update_fields=fields)
            StatusChange.record(
                visit=self, from_status=old_status, to_status=new_status, by=by, changed_at=now
            )

    # Overlap ----------------------------------------------------------------------------

    def host_names(self):
        """The hosts' names (before the comma on each line), normalised for comparison."""
        names = set()
        for line in self.hosts.splitlines():
            name = line.split(",")[0].strip().casefold()
            if name:
                names.add(name)
        return names

    # Visits that hold a time, a host and a room: being planned or confirmed.
    HOLDS_TIME = (Status.PLANNING, Status.CONFIRMED)

    def overlapping_visits(self):
        """Other planned or confirmed visits at the same time with the same host or venue.

        Only a warning for the coordinators: a host can attend two meetings on one day. It
        comes while planning, when there is still time to move one of them.
        """
        if self.status not in self.HOLDS_TIME or not (self.starts_at and self.ends_at):
            return []
        candidates = (
            Visit.objects.filter(
                status__in=self.HOLDS_TIME,
                starts_at__lt=self.ends_at,
                ends_at__gt=self.starts_at,
            )
            .exclude(pk=self.pk)
            .order_by("starts_at")
        )
        venue = self.venue.strip().casefold()
        hosts = self.host_names()
        return [
            other
            for other in candidates
            if (venue and other.venue.strip().casefold() == venue) or hosts & other.host_names()
        ]


class VisitRequest(Visit):
    """The coordinators' inbox: requests from the public form that nobody has taken on."""

    class Meta:
        proxy = True
        verbose_name = _("inkommen förfrågan")
        verbose_name_plural = _("inkomna förfrågningar")


class ProgrammeItem(models.Model):
    visit = models.ForeignKey(
        Visit, verbose_name=_("besök"), on_delete=models.CASCADE, related_name="programme_items"
    )
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"), null=True, blank=True)
    activity = models.CharField(_("aktivitet"), max_length=200)
    activity_en = models.CharField(_("aktivitet på engelska"), max_length=200, blank=True)
    place = models.CharField(_("plats"), max_length=200, blank=True)
    place_en = models.CharField(_("plats på engelska"), max_length=200, blank=True)
    responsible = models.CharField(_("ansvarig"), max_length=200, blank=True)
    is_public = models.BooleanField(
        _("offentlig"),
        default=False,
        help_text=_("Bara offentliga programpunkter visas på webbplatsen."),
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("programpunkt")
        verbose_name_plural = _("programpunkter")

    def __str__(self):
        return self.activity

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("Programpunkten kan inte sluta före den börjar.")})


class Participant(models.Model):
    """A person taking part in a visit. Personal data: staff with the permission only."""

    class Role(models.TextChoices):
        DELEGATE = "delegate", _("delegat")
        HOST = "host", _("värd")
        INTERPRETER = "interpreter", _("tolk")
        PRESS = "press", _("press")

    visit = models.ForeignKey(
        Visit, verbose_name=_("besök"), on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(_("namn"), max_length=120)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.DELEGATE)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    dietary_needs = models.CharField(_("kost"), max_length=200, blank=True)
    accessibility_needs = models.CharField(_("tillgänglighetsbehov"), max_length=200, blank=True)

    class Meta:
        ordering = ["role", "name"]
        verbose_name = _("deltagare")
        verbose_name_plural = _("deltagare")

    def __str__(self):
        return self.name


class StatusChange(status_history(Visit.Status)):
    """One step in a visit's workflow: from what to what, by whom and when."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("besök"), on_delete=models.CASCADE, related_name="status_changes"
    )

    class Meta(StatusHistory.Meta):
        ordering = ["-changed_at", "-pk"]


class GiftQuerySet(models.QuerySet):
    def in_year(self, year):
        """The gifts of the visits that started in ``year``, in the order of the visits."""
        return (
            self.filter(visit__starts_at__year=year)
            .select_related("visit")
            .order_by("visit__starts_at", "pk")
        )


class Gift(models.Model):
    """The gifts register: what was given and received, as a public body must record."""

    class Direction(models.TextChoices):
        GIVEN = "given", _("överlämnad gåva")
        RECEIVED = "received", _("mottagen gåva")

    class Decision(models.TextChoices):
        KEPT = "kept", _("behålls av mottagaren")
        TO_REGION = "to_region", _("tillfaller regionen")
        RETURNED = "returned", _("återlämnad")

    visit = models.ForeignKey(
        Visit, verbose_name=_("besök"), on_delete=models.CASCADE, related_name="gifts"
    )
    direction = models.CharField(
        _("given eller mottagen"), max_length=20, choices=Direction.choices
    )
    description = models.CharField(_("beskrivning"), max_length=300)
    giver = models.CharField(_("givare"), max_length=200)
    recipient = models.CharField(_("mottagare"), max_length=200)
    estimated_value_sek = models.DecimalField(
        _("uppskattat värde (kronor)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    decision = models.CharField(
        _("beslut"),
        max_length=20,
        choices=Decision.choices,
        blank=True,
        help_text=_("Vad som beslutats om gåvan; lämna tomt tills det är beslutat."),
    )

    objects = GiftQuerySet.as_manager()

    class Meta:
        ordering = ["visit", "pk"]
        verbose_name = _("gåva")
        verbose_name_plural = _("gåvoregister")

    def __str__(self):
        return self.description


def calendar_feed_expiry():
    return timezone.now() + datetime.timedelta(days=settings.CALENDAR_FEED_DAYS)


class CalendarFeedToken(models.Model):
    """A staff member's secret for their personal calendar feed; deleting it revokes the feed.

    Only a hash is stored, so the feed URL is shown once, when the token is created.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="visit_calendar_token",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    # A forgotten feed URL does not show internal visits for ever.
    expires_at = models.DateTimeField(_("gäller till"), default=calendar_feed_expiry)

    class Meta:
        verbose_name = _("personlig kalenderprenumeration")
        verbose_name_plural = _("personliga kalenderprenumerationer")

    def __str__(self):
        return str(self.user)

    @staticmethod
    def hash(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @property
    def has_expired(self):
        return self.expires_at <= timezone.now()

    def renew(self):
        """The same address, valid for another CALENDAR_FEED_DAYS from today."""
        self.expires_at = calendar_feed_expiry()
        self.save(update_fields=["expires_at"])


def local_datetime(day, hour):
    """An aware datetime at ``hour`` o'clock on ``day``, in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
