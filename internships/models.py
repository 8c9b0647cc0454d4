"""Internship calls, the applications to them and what the law asks us to keep about both.

A call is upcoming, open or closed by its opening and closing times alone, so publishing
and closing need no scheduled job. An application moves through a fixed workflow whose
steps are methods on the model (the admin and the public withdraw page only call them);
every step is recorded. Applicants' files live in the private storage under random names.
"""

import uuid

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Case, F, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.i18n import localized
from portal.redirects.models import KeepsOldURLs
from portal.search_index import SearchIndexed
from portal.workflow import StatusHistory, TransitionRefused, status_history

COVER_LETTER_MAX_LENGTH = 5000
# The version of the information text applicants confirm they have read; raise it whenever
# the text in internships/templates/internships/includes/privacy_notice.html changes.
INFORMATION_VERSION = "2026-11"


def private_storage():
    """Applicants' files: the storage of its own in STORAGES, never served by a public URL."""
    return storages["private"]


def file_storage():
    """The storage the application files are actually in (the one the fields were given)."""
    return Application._meta.get_field("cv").storage


def random_file_name(instance, filename):
    # The applicant's file name may itself be personal data; it is never kept.
    return f"applications/{uuid.uuid4().hex}.pdf"


def retention_months():
    return settings.INTERNSHIP_RETENTION_MONTHS




class InternshipCallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def public(self):
        """What the public may see (the name other apps' code asks every model for)."""
        return self.published()

    def open(self, now=None):
        now = now or timezone.now()
        return self.published().filter(opens_at__lte=now, closes_at__gt=now)

    def upcoming(self, now=None):
        return self.published().filter(opens_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.published().filter(closes_at__lte=now or timezone.now())

    def in_public_order(self, now=None):
        """Open calls first (closing soonest first), then upcoming, then past (newest first)."""
        now = now or timezone.now()
        return self.annotate(
            state_rank=Case(
                When(opens_at__gt=now, then=Value(1)),
                When(closes_at__lte=now, then=Value(2)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).order_by("state_rank", "-closes_at")


class InternshipCall(KeepsOldURLs, SearchIndexed):
    """One term's call for interns at one office."""

    class Term(models.TextChoices):
        SPRING = "spring", _("vårterminen")
        AUTUMN = "autumn", _("höstterminen")

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("kommande")
        OPEN = "open", _("öppen för ansökningar")
        CLOSED = "closed", _("stängd")

    title = models.CharField(_("rubrik"), max_length=200)
    title_en = models.CharField(_("rubrik på engelska"), max_length=200, blank=True)
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    term = models.CharField(_("termin"), max_length=10, choices=Term.choices)
    year = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    office = models.ForeignKey(
        "relations.Office",
        verbose_name=_("kontor"),
        on_delete=models.PROTECT,
        related_name="internship_calls",
    )
    places = models.PositiveSmallIntegerField(_("antal platser"), default=1)
    description = models.TextField(_("beskrivning"))
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)
    tasks = models.TextField(_("arbetsuppgifter"), blank=True)
    tasks_en = models.TextField(_("arbetsuppgifter på engelska"), blank=True)
    who_we_look_for = models.TextField(_("vem vi söker"), blank=True)
    who_we_look_for_en = models.TextField(_("vem vi söker, på engelska"), blank=True)
    requirements = models.TextField(_("krav"), blank=True)
    requirements_en = models.TextField(_("krav på engelska"), blank=True)
    period = models.CharField(
        _("praktikperiod"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”mitten av januari till början av juni 2027”."),
    )
    period_en = models.CharField(_("praktikperiod på engelska"), max_length=200, blank=True)
    period_start = models.DateField(_("praktiken börjar"), null=True, blank=True)
    period_end = models.DateField(_("praktiken slutar"), null=True, blank=True)
    opens_at = models.DateTimeField(_("ansökan öppnar"))
    closes_at = models.DateTimeField(_("sista ansökningsdag"))
    contact = models.ForeignKey(
        "relations.Contact",
        verbose_name=_("kontaktperson"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="internship_calls",
    )
    contact_text = models.CharField(
        _("kontaktuppgifter (fritext)"),
        max_length=300,
        blank=True,
        help_text=_("Används när kontaktpersonen inte finns bland kontaktpersonerna."),
    )
    is_published = models.BooleanField(_("publicerad"), default=False)
    legal_hold = models.BooleanField(
        _("bevaras (rättslig spärr)"),
        default=False,
        help_text=_(
            "Hindrar att ansökningarna till utlysningen gallras, till exempel vid en tvist."
        ),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = InternshipCallQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("praktikutlysning")
        verbose_name_plural = _("praktikutlysningar")
        indexes = [models.Index(fields=["is_published", "opens_at", "closes_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("internships:detail", kwargs={"slug": self.slug})

    def get_apply_url(self):
        return reverse("internships:apply", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Sista ansökningsdag måste vara efter att ansökan öppnar.")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("Praktiken kan inte sluta innan den börjar.")
        if errors:
            raise ValidationError(errors)

    @property
    def display_title(self):
        return localized(self, "title")

    def state_at(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return self.State.UPCOMING
        if now < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED

    @property
    def state(self):
        return self.state_at()

    @property
    def is_open(self):
        return self.is_published and self.state == self.State.OPEN

    @property
    def purge_after(self):
        """When the personal data of applicants not chosen is deleted."""
        return self.closes_at + relativedelta(months=retention_months())


class ReferenceCounter(models.Model):
    """The last reference number handed out in a year (PRK-2027-0042)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("referensnummerserie")
        verbose_name_plural = _("referensnummerserier")

    def __str__(self):
        return f"PRK-{self.year}: {self.last}"

    @classmethod
    def next_reference(cls, year=None):
        year = year or timezone.localdate().year
        with transaction.atomic():
            cls.objects.get_or_create(year=year)
            counter = cls.objects.select_for_update().get(year=year)
            counter.last = F("last") + 1
            counter.save(update_fields=["last"])
            counter.refresh_from_db(fields=["last"])
        return f"PRK-{year}-{counter.last:04d}"


class ApplicationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Application.Status.WITHDRAWN)

    def expired(self, now=None):
        """Applications whose retention has ended: not chosen, not held, call closed long ago."""
        now = now or timezone.now()
        cutoff = now - relativedelta(months=retention_months())
        return self.filter(
            call__closes_at__lte=cutoff, legal_hold=False, call__legal_hold=False
        ).exclude(status=Application.Status.ACCEPTED)


class Application(models.Model):
    """A student's application to one call."""

    # What the applicant tells about themselves (the form, the admin, the CSV export).
    PERSONAL_FIELDS = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "university",
        "programme",
        "level",
        "expected_graduation",
        "languages",
    ]

    class Level(models.TextChoices):
        BACHELOR = "bachelor", _("kandidatnivå")
        MASTER = "master", _("masternivå")
        DOCTORAL = "doctoral", _("forskarnivå")
        OTHER = "other", _("annan utbildning")

    class Status(models.TextChoices):
        RECEIVED = "received", _("mottagen")
        UNDER_REVIEW = "under_review", _("under granskning")
        SHORTLISTED = "shortlisted", _("går vidare")
        INTERVIEW = "interview", _("kallad till intervju")
        OFFERED = "offered", _("erbjuden plats")
        ACCEPTED = "accepted", _("har tackat ja")
        DECLINED = "declined", _("har tackat nej")
        REJECTED = "rejected", _("inte aktuell")
        WITHDRAWN = "withdrawn", _("återkallad")

    # Where each status may go next. Accepted, declined, rejected and withdrawn are final.
    TRANSITIONS = {
        Status.RECEIVED: {Status.UNDER_REVIEW, Status.REJECTED, Status.WITHDRAWN},
        Status.UNDER_REVIEW: {Status.SHORTLISTED, Status.REJECTED, Status.WITHDRAWN},
        Status.SHORTLISTED: {Status.INTERVIEW, Status.OFFERED, Status.REJECTED, Status.WITHDRAWN},
        Status.INTERVIEW: {Status.OFFERED, Status.REJECTED, Status.WITHDRAWN},
        Status.OFFERED: {Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN},
    }

    call = models.ForeignKey(
        InternshipCall,
        verbose_name=_("utlysning"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    reference = models.CharField(_("referensnummer"), max_length=20, unique=True)
    registration_number = models.CharField(
        _("diarienummer"), max_length=50, blank=True, help_text=_("Regionens diarienummer.")
    )
    first_name = models.CharField(_("förnamn"), max_length=100)
    last_name = models.CharField(_("efternamn"), max_length=100)
    email = models.EmailField(_("e-postadress"))
    phone = models.CharField(_("telefonnummer"), max_length=40)
    university = models.CharField(_("lärosäte"), max_length=200)
    programme = models.CharField(_("utbildningsprogram eller ämne"), max_length=200)
    level = models.CharField(_("nivå"), max_length=20, choices=Level.choices)
    expected_graduation = models.CharField(
        _("beräknad examen"), max_length=50, help_text=_("Till exempel ”juni 2027”.")
    )
    languages = models.CharField(
        _("språkkunskaper"),
        max_length=300,
        help_text=_("Till exempel ”svenska, engelska, franska”."),
    )
    cover_letter = models.TextField(
        _("personligt brev"), validators=[MaxLengthValidator(COVER_LETTER_MAX_LENGTH)]
    )
    cv = models.FileField(
        _("CV (pdf)"), storage=private_storage, upload_to=random_file_name, max_length=200
    )
    transcript = models.FileField(
        _("studieintyg (pdf)"),
        storage=private_storage,
        upload_to=random_file_name,
        max_length=200,
        blank=True,
    )
    language = models.CharField(
        _("språk för utskick"), max_length=5, choices=settings.LANGUAGES, default="sv"
    )
    information_confirmed = models.BooleanField(_("har tagit del av informationen"))
    information_version = models.CharField(_("informationstextens version"), max_length=20)
    submitted_at = models.DateTimeField(_("inkommen"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    status_changed_at = models.DateTimeField(_("status ändrad"), default=timezone.now)
    reviewer_notes = models.TextField(
        _("interna anteckningar"), blank=True, help_text=_("Syns bara för rekryterare.")
    )
    rating = models.PositiveSmallIntegerField(
        _("bedömning (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    legal_hold = models.BooleanField(
        _("bevaras (rättslig spärr)"),
        default=False,
        help_text=_("Hindrar att ansökan gallras, till exempel vid en tvist."),
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("ansökan")
        verbose_name_plural = _("ansökningar")
        constraints = [
            # A withdrawn application stays (a public record) but lets its applicant apply again.
            models.UniqueConstraint(
                fields=["call", "email"],
                condition=~models.Q(status="withdrawn"),
                name="one_application_per_email",
            ),
        ]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["university"])]

    def __str__(self):
        return f"{self.reference} {self.full_name}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        adding = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            if adding:
                CallStatistic.add_application(self)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    # The workflow. Views, admin actions and the withdraw page call only these.

    def allowed_statuses(self):
        return self.TRANSITIONS.get(self.status, set())

    def can_change_to(self, status):
        return status in self.allowed_statuses()

    def change_status(self, status, *, by=None, note=""):
        if not self.can_change_to(status):
            raise TransitionRefused(
                _("En ansökan som är ”%(current)s” kan inte bli ”%(new)s”.")
                % {
                    "current": self.get_status_display(),
                    "new": self.Status(status).label,
                }
            )
        with transaction.atomic():
            previous = self.status
            self.status = status
            self.status_changed_at = timezone.now()
            self.save(update_fields=["status", "status_changed_at"])
            ApplicationStatusChange.record(
                application=self, from_status=previous, to_status=status, by=by, note=note
            )

    def start_review(self, by=None):
        self.change_status(self.Status.UNDER_REVIEW, by=by)

    def shortlist(self, by=None):
        self.change_status(self.Status.SHORTLISTED, by=by)

    def invite_to_interview(self, by=None):
        self.change_status(self.Status.INTERVIEW, by=by)

    def offer(self, by=None):
        self.change_status(self.Status.OFFERED, by=by)

    def accept(self, by=None):
        self.change_status(self.Status.ACCEPTED, by=by)

    def reject(self, by=None):
        self.change_status(self.Status.REJECTED, by=by)

    def withdraw(self, by=None):
        self.change_status(
            self.Status.WITHDRAWN, by=by, note="" if by else _("Återkallad av den sökande.")
        )

    def get_file_url(self, kind):
        return reverse("internships:file", kwargs={"pk": self.pk, "kind": kind})


class ApplicationStatusChange(status_history(Application.Status)):
    """One step of an application through the workflow: who, when, from and to, and why."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("ansökan"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    note = models.CharField(_("kommentar"), max_length=300, blank=True)

    class Meta(StatusHistory.Meta):
        ordering = ["changed_at", "pk"]


class CallStatistic(models.Model):
    """Anonymous counts of a call's applications, kept when the applications are purged.

    Each dimension is counted on its own (never university and programme together), so
    that a count cannot single out one applicant.
    """

    class Dimension(models.TextChoices):
        TOTAL = "total", _("totalt")
        UNIVERSITY = "university", _("lärosäte")
        PROGRAMME = "programme", _("utbildning")
        LEVEL = "level", _("nivå")

    call = models.ForeignKey(
        InternshipCall,
        verbose_name=_("utlysning"),
        on_delete=models.CASCADE,
        related_name="statistics",
    )
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    value = models.CharField(_("värde"), max_length=200, blank=True)
    count = models.PositiveIntegerField(_("antal"), default=0)

    class Meta:
        ordering = ["dimension", "-count", "value"]
        verbose_name = _("statistik för utlysning")
        verbose_name_plural = _("statistik för utlysningar")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "dimension", "value"], name="one_count_per_value"
            )
        ]

    def __str__(self):
        return f"{self.call}: {self.get_dimension_display()} {self.value} = {self.count}"

    @classmethod
    def add_application(cls, application):
        """Add one application to its call's counts (called once, when it is saved first)."""
        values = {
            cls.Dimension.TOTAL: "",
            cls.Dimension.UNIVERSITY: " ".join(application.university.split()),
            cls.Dimension.PROGRAMME: " ".join(application.programme.split()),
            cls.Dimension.LEVEL: application.level,
        }
        for dimension, value in values.items():
            row, _created = cls.objects.get_or_create(
                call_id=application.call_id, dimension=dimension, value=value[:200]
            )
            cls.objects.filter(pk=row.pk).update(count=F("count") + 1)
