"""The newsletter's models: subscribers, the suppression list, issues and their deliveries.

Subscribers are members of the public: personal data, kept only while it serves its
purpose. A subscriber receives issues only after confirming by the link in the confirmation
mail (double opt-in); every issue is delivered through one Delivery row per subscriber, so
that sending can be resumed after a crash without losing or repeating mail.

They belong to the newsroom app (its label, tables and migrations): ``newsroom.models``
imports them, which is how the app finds them.
"""

import hashlib

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from newsroom.models import NewsItem, current_language


def suppression_hash(email):
    """A one-way fingerprint of an address, to recognise it without keeping it.

    Kept for erased and unsubscribed addresses so that they are never mailed again. A fixed
    salt (not SECRET_KEY) keeps the list valid when the secret key is rotated.
    """
    normalized = (email or "").strip().lower()
    return hashlib.sha256(f"newsroom.suppression:{normalized}".encode()).hexdigest()


class NewsletterList(models.TextChoices):
    """The lists a subscriber chooses among; every issue is sent to one of them."""

    GENERAL = "general", _("Nyhetsbrevet")
    EU_MONITORING = "eu-monitoring", _("EU-bevakning")
    INTERNSHIPS = "internships", _("Praktikplatser")
    EVENTS = "events", _("Evenemang")

    @property
    def description(self):
        return LIST_DESCRIPTIONS[self]

    @property
    def archive_slug(self):
        """This list's archive in the active language's URLs."""
        return str(ARCHIVE_SLUGS[self])

    @classmethod
    def from_archive_slug(cls, slug):
        """The list whose archive has ``slug`` in the active language, or None."""
        return next((value for value in cls if value.archive_slug == slug), None)

    def get_archive_url(self):
        return reverse("newsroom:newsletter-list-archive", kwargs={"slug": self.archive_slug})


# What each list brings, beside its checkbox.
LIST_DESCRIPTIONS = {
    NewsletterList.GENERAL: _("Nyheter om regionens arbete i Sverige, i EU och "
                              "internationellt, några gånger per termin."),
    NewsletterList.EU_MONITORING: _("Tidiga varningar från Brysselkontoret om kommande "
                                    "utlysningar, samråd och beslut."),
    NewsletterList.INTERNSHIPS: _("Ett mejl när en ny praktikutlysning öppnar."),
    NewsletterList.EVENTS: _("Inbjudningar till seminarier, informationsmöten och "
                             "utbildningar."),
}
ARCHIVE_SLUGS = {
    NewsletterList.GENERAL: pgettext_lazy("URL", "nyhetsbrevet"),
    NewsletterList.EU_MONITORING: pgettext_lazy("URL", "eu-bevakning"),
    NewsletterList.INTERNSHIPS: pgettext_lazy("URL", "praktikplatser"),
    NewsletterList.EVENTS: pgettext_lazy("URL", "evenemang"),
}


class SubscriberQuerySet(models.QuerySet):
    def with_email(self, email):
        return self.filter(email__iexact=(email or "").strip())

    def receiving(self, language, newsletter_list=NewsletterList.GENERAL):
        """Who an issue in ``language`` to ``newsletter_list`` goes to: confirmed subscribers
        of that list, not on the suppression list."""
        return self.filter(
            status=Subscriber.Status.CONFIRMED,
            language=language,
            list_subscriptions__newsletter_list=newsletter_list,
        ).exclude(email_hash__in=SuppressedAddress.objects.values("email_hash"))


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("väntar på bekräftelse")
        CONFIRMED = "confirmed", _("bekräftad")
        UNSUBSCRIBED = "unsubscribed", _("avslutad")

    email = models.EmailField(_("e-postadress"), max_length=254)
    email_hash = models.CharField(max_length=64, editable=False, db_index=True)
    language = models.CharField(
        _("språk"), max_length=2, choices=NewsItem.Language.choices, default="sv"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    consent_text = models.TextField(_("samtycke (text)"), blank=True)
    consent_version = models.CharField(_("samtycke (version)"), max_length=20, blank=True)
    source = models.CharField(
        _("källa"), max_length=100, blank=True, help_text=_("Formuläret anmälan kom från.")
    )
    subscribed_at = models.DateTimeField(_("anmäld"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("avslutad"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-subscribed_at", "-pk"]
        verbose_name = _("prenumerant")
        verbose_name_plural = _("prenumeranter")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="newsroom_subscriber_unique_email",
                violation_error_message=_(
                    "Det finns redan en prenumerant med den här e-postadressen."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "language"], name="newsroom_subscriber_idx")]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip()
        self.email_hash = suppression_hash(self.email)
        super().save(*args, **kwargs)

    @property
    def newsletter_lists(self):
        return [entry.newsletter_list for entry in self.list_subscriptions.all()]

    def choose_lists(self, newsletter_lists):
        """Receive exactly these lists from now on."""
        chosen = set(newsletter_lists)
        self.list_subscriptions.exclude(newsletter_list__in=chosen).delete()
        ListSubscription.objects.bulk_create(
            [ListSubscription(subscriber=self, newsletter_list=value) for value in chosen],
            ignore_conflicts=True,
        )

    def cancel_waiting_deliveries(self):
        """No more mail to this address, including issues being sent right now."""
        self.deliveries.filter(
            status__in=[Delivery.Status.WAITING, Delivery.Status.FAILED]
        ).delete()


class ListSubscription(models.Model):
    """One list a subscriber has chosen."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="list_subscriptions"
    )
    newsletter_list = models.CharField(_("lista"), max_length=20, choices=NewsletterList.choices)

    class Meta:
        verbose_name = _("vald lista")
        verbose_name_plural = _("valda listor")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter_list"], name="newsroom_listsubscription_unique"
            ),
        ]

    def __str__(self):
        return self.get_newsletter_list_display()


class SuppressedAddress(models.Model):
    """An address that must never be mailed again (unsubscribed, erased or bouncing), as a
    hash only.

    Only a new, confirmed double opt-in lifts it.
    """

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", _("avslutad prenumeration")
        ERASED = "erased", _("raderad")
        BOUNCED = "bounced", _("studsar")

    email_hash = models.CharField(max_length=64, unique=True)
    # Blank for addresses suppressed before the reason was kept.
    reason = models.CharField(_("orsak"), max_length=20, choices=Reason.choices, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("spärrad adress")
        verbose_name_plural = _("spärrade adresser")

    def __str__(self):
        return self.email_hash[:12]

    @classmethod
    def add(cls, email, reason):
        cls.objects.get_or_create(email_hash=suppression_hash(email), defaults={"reason": reason})

    @classmethod
    def lift(cls, email):
        cls.objects.filter(email_hash=suppression_hash(email)).delete()

    @classmethod
    def covers(cls, email):
        return cls.objects.filter(email_hash=suppression_hash(email)).exists()


class NewsletterIssueQuerySet(models.QuerySet):
    def sent(self):
        """Issues that have gone out (also while an editor resends a few deliveries)."""
        return self.filter(sent_at__isnull=False)

    def in_language(self, language=None):
        return self.filter(language=language or current_language())

    def on_list(self, newsletter_list):
        return self.filter(newsletter_list=newsletter_list)


class NewsletterIssue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("utkast")
        SCHEDULED = "scheduled", _("schemalagt")
        SENDING = "sending", _("skickas")
        SENT = "sent", _("skickat")

    subject = models.CharField(_("ämnesrad"), max_length=200)
    intro = models.TextField(
        _("inledning"), help_text=_("Några meningar som inleder nyhetsbrevet.")
    )
    language = models.CharField(
        _("språk"),
        max_length=2,
        choices=NewsItem.Language.choices,
        default="sv",
        help_text=_("Nyhetsbrevet skickas till de bekräftade prenumeranterna på det språket."),
    )
    newsletter_list = models.CharField(
        _("lista"),
        max_length=20,
        choices=NewsletterList.choices,
        default=NewsletterList.GENERAL,
        help_text=_("Nyhetsbrevet skickas till dem som har valt den här listan."),
    )
    items = models.ManyToManyField(
        NewsItem, through="IssueItem", verbose_name=_("nyheter"), related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    scheduled_at = models.DateTimeField(
        _("planerat utskick"),
        null=True,
        blank=True,
        help_text=_("När nyhetsbrevet är tänkt att skickas (för planeringen)."),
    )
    sent_at = models.DateTimeField(_("skickat"), null=True, blank=True, editable=False)
    # What an issue written by a periodic job announces ("internships.call:12"); such an
    # issue carries its text and link in the introduction, without news items.
    announces = models.CharField(_("meddelar"), max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrat"), auto_now=True)

    objects = NewsletterIssueQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-created_at", "-pk"]
        verbose_name = pgettext_lazy("one issue", "nyhetsbrev")
        verbose_name_plural = _("nyhetsbrev")
        constraints = [
            # Each announcement goes out once per language, however often the job runs.
            models.UniqueConstraint(
                fields=["announces", "language"],
                condition=~models.Q(announces=""),
                name="newsroom_issue_announced_once",
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        """The web version in the archive, on the site of the issue's language."""
        with translation.override(self.language):
            return reverse("newsroom:newsletter-issue", kwargs={"pk": self.pk})

    def recipients(self):
        """The confirmed subscribers of the issue's list and language."""
        return Subscriber.objects.receiving(self.language, self.newsletter_list)


class IssueItem(models.Model):
    """A news item in an issue, at its place in the issue's order."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="entries")
    news_item = models.ForeignKey(
        NewsItem, verbose_name=_("nyhet"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("nyhet i nyhetsbrevet")
        verbose_name_plural = _("nyheter i nyhetsbrevet")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "news_item"], name="newsroom_issueitem_unique"
            ),
        ]

    def __str__(self):
        return str(self.news_item)


class Delivery(models.Model):
    """One issue to one subscriber: created once, sent at most once.

    "sending" is committed before the SMTP exchange and "sent" after it, so a delivery
    found in "sending" after a crash may or may not have gone out: it becomes "uncertain"
    and waits for an editor to decide, rather than being sent again blindly. A permanent
    failure, refused by our SMTP server or reported later by the recipient's, makes it
    "bounced" (newsroom/newsletter/bounces.py), and it is never tried again.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("väntar")
        SENDING = "sending", _("skickas")
        SENT = "sent", _("skickat")
        FAILED = "failed", _("misslyckades")
        UNCERTAIN = "uncertain", _("osäkert")
        BOUNCED = "bounced", _("studsade")

    issue = models.ForeignKey(
        NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    last_error = models.TextField(_("senaste fel"), blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    sending_started_at = models.DateTimeField(_("sändning påbörjad"), null=True, blank=True)
    sent_at = models.DateTimeField(_("skickat"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("leverans")
        verbose_name_plural = _("leveranser")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsroom_delivery_unique"
            ),
        ]
        indexes = [models.Index(fields=["issue", "status"], name="newsroom_delivery_status_idx")]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"
