"""The newsletter's rules: double opt-in, unsubscribing, erasure and sending.

Views, admin, periodic jobs and tests only call these functions.

Sending never loses or repeats a mail:
- one ``Delivery`` per subscriber and issue (unique together, created with
  ``ignore_conflicts``), so starting a send twice creates nothing twice;
- a delivery is claimed by a conditional UPDATE to "sending" and committed before the SMTP
  exchange, and marked "sent" right after it; two workers never claim the same delivery;
- a delivery still "sending" when sending is resumed after a crash may or may not have gone
  out: it becomes "uncertain" and an editor decides (resend or mark as sent);
- a failure is recorded on the delivery with its error, and the batch task is retried with
  growing delays through ``portal.mail.enqueue_retry``; a delivery is tried at most
  ``TASK_MAX_ATTEMPTS`` times.
"""

import logging
import smtplib
from datetime import timedelta
from email.utils import parseaddr
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from newsroom.models import (
    Delivery,
    NewsletterIssue,
    Subscriber,
    SuppressedAddress,
    suppression_hash,
)
from portal import audit
from portal.mail import enqueue_retry, queue_mail, render_text
from portal.page_cache import invalidate as invalidate_page_cache

logger = logging.getLogger("portal")

CONFIRM_SALT = "newsroom.newsletter.confirm"
UNSUBSCRIBE_SALT = "newsroom.newsletter.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=7)
UNCONFIRMED_RETENTION = timedelta(days=30)
# A delivery "sending" for longer than this belongs to a worker that died.
STALE_SENDING_AFTER = timedelta(minutes=15)
SUBSCRIBE_SOURCE = "newsroom:subscribe"

# What a subscriber agrees to. A new wording gets a new version; each subscriber keeps the
# text and version they agreed to.
CONSENT_VERSION = "2026-1"
CONSENT_TEXT = _(
    "Jag vill få nyhetsbrevet från Externa relationer, Västra Götalandsregionen, med e-post. "
    "Min e-postadress används bara för nyhetsbrevet och sparas tills jag avslutar "
    "prenumerationen."
)


def batch_size():
    return getattr(settings, "NEWSLETTER_BATCH_SIZE", 100)


def absolute(path):
    return settings.SITE_URL + path


# Signed links -----------------------------------------------------------------------------


def _token_data(subscriber):
    # The hash ties the link to the address, so a link never applies to another row.
    return {"s": subscriber.pk, "h": suppression_hash(subscriber.email)[:16]}


def _subscriber_for(data):
    try:
        pk, fingerprint = int(data["s"]), str(data["h"])
    except (KeyError, TypeError, ValueError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or suppression_hash(subscriber.email)[:16] != fingerprint:
        return None
    return subscriber


def confirm_token(subscriber):
    return signing.dumps(_token_data(subscriber), salt=CONFIRM_SALT)


class LinkProblem:
    """Why a confirmation link cannot be used; each gets its own explanation."""

    INVALID = "invalid"
    EXPIRED = "expired"
    USED = "used"


def subscriber_to_confirm(token):
    """(subscriber, None) for a usable confirmation link, else (None, LinkProblem.*)."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE.total_seconds()
        )
    except signing.SignatureExpired:
        return None, LinkProblem.EXPIRED
    except signing.BadSignature:
        return None, LinkProblem.INVALID
    subscriber = _subscriber_for(data)
    if subscriber is None:
        # Deleted after 30 days unconfirmed, or erased: start again.
        return None, LinkProblem.EXPIRED
    if subscriber.status != Subscriber.Status.PENDING:
        return None, LinkProblem.USED
    return subscriber, None


def unsubscribe_token(subscriber):
    # No expiry: an unsubscribe link in a mail from years ago must still work.
    return signing.dumps(_token_data(subscriber), salt=UNSUBSCRIBE_SALT, compress=True)


class UnknownLink(Exception):
    """A link that this site did not make (tampered, cut off or mistyped)."""


def subscriber_for_unsubscribe_token(token):
    """The subscriber a genuine unsubscribe link names; None when that row is gone
    (erased: the address is suppressed anyway); UnknownLink for a link we did not make."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise UnknownLink from error
    return _subscriber_for(data)


def url_in_language(name, language, **kwargs):
    with translation.override(language):
        return absolute(reverse(name, kwargs=kwargs))


def confirm_url(subscriber):
    return url_in_language(
        "newsroom:newsletter-confirm", subscriber.language, token=confirm_token(subscriber)
    )


def unsubscribe_url(subscriber):
    return url_in_language(
        "newsroom:newsletter-unsubscribe",
        subscriber.language,
        token=unsubscribe_token(subscriber),
    )


def unsubscribe_mailto(subscriber):
    configured = getattr(settings, "NEWSLETTER_UNSUBSCRIBE_EMAIL", "") or settings.SERVER_EMAIL
    _name, address = parseaddr(configured)
    return f"mailto:{address}?subject={quote('unsubscribe ' + unsubscribe_token(subscriber))}"


# Subscribing ------------------------------------------------------------------------------


def consent_text(language):
    with translation.override(language):
        return str(CONSENT_TEXT)


@transaction.atomic
def subscribe(email, *, language, source=SUBSCRIBE_SOURCE):
    """Register a wish to subscribe; the page says the same whatever the address's state.

    - new, pending or unsubscribed: (again) pending, and a confirmation mail goes out;
    - already confirmed: nothing changes, and the owner gets a notice by mail, so that the
      page reveals nothing about who subscribes.

    Nothing here makes an address receive issues: only the confirmation does.
    """
    email = email.strip()
    subscriber = Subscriber.objects.select_for_update().with_email(email).first()
    if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
        queue_mail(
            template="newsroom/mail/already_subscribed",
            context={
                "subscriber": subscriber,
                "unsubscribe_url": unsubscribe_url(subscriber),
                "subscribe_url": url_in_language("newsroom:subscribe", language),
            },
            to=[subscriber.email],
            language=language,
        )
        return subscriber
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email, language=language)
        except IntegrityError:
            # The same address sent twice at the same moment: the other request made the row.
            subscriber = Subscriber.objects.select_for_update().with_email(email).get()
            if subscriber.status == Subscriber.Status.CONFIRMED:
                return subscriber
    subscriber.language = language
    subscriber.status = Subscriber.Status.PENDING
    subscriber.consent_text = consent_text(language)
    subscriber.consent_version = CONSENT_VERSION
    subscriber.source = source
    subscriber.subscribed_at = timezone.now()
    subscriber.confirmed_at = None
    subscriber.save()
    queue_mail(
        template="newsroom/mail/confirm",
        context={
            "confirm_url": confirm_url(subscriber),
            "days": CONFIRM_MAX_AGE.days,
        },
        to=[subscriber.email],
        language=language,
    )
    return subscriber


@transaction.atomic
def confirm(subscriber):
    """The double opt-in's second step: from now on the address receives issues.

    A fresh, confirmed opt-in is the one thing that lifts an earlier suppression.
    """
    updated = Subscriber.objects.filter(
        pk=subscriber.pk, status=Subscriber.Status.PENDING
    ).update(status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now(),
             unsubscribed_at=None)
    if updated:
        SuppressedAddress.lift(subscriber.email)
        subscriber.refresh_from_db()
    return bool(updated)


@transaction.atomic
def unsubscribe(subscriber):
    """Stop every mail to this address at once, including issues being sent right now."""
    SuppressedAddress.add(subscriber.email)
    subscriber.deliveries.filter(
        status__in=[Delivery.Status.WAITING, Delivery.Status.FAILED]
    ).delete()
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return False
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])
    return True


@transaction.atomic
def erase(subscriber, user=None):
    """Delete the subscriber (a request to erase is always granted); keep only the hash
    that stops the address from ever being mailed again."""
    SuppressedAddress.add(subscriber.email)
    audit.record("purged", subscriber, user=user, detail=gettext("prenumerant"))
    pk = subscriber.pk
    subscriber.delete()
    audit.forget(Subscriber, pk, gettext("raderad prenumerant"))


def purge_unconfirmed(now=None):
    """Periodic job: subscriptions never confirmed are deleted after 30 days."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_RETENTION
    deleted, _details = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, subscribed_at__lt=cutoff
    ).delete()
    return f"{deleted} unconfirmed newsletter subscriptions removed"


# Composing --------------------------------------------------------------------------------


def issue_entries(issue):
    """The issue's news items in their order, with the absolute links a mail needs."""
    entries = list(issue.entries.select_related("news_item").order_by("position", "pk"))
    return [
        {"item": entry.news_item, "url": absolute(entry.news_item.get_absolute_url())}
        for entry in entries
    ]


def mail_context(issue, entries, unsubscribe_link):
    return {
        "issue": issue,
        "entries": entries,
        "unsubscribe_url": unsubscribe_link,
        "archive_url": absolute(issue.get_absolute_url()),
        "subscribe_url": url_in_language("newsroom:subscribe", issue.language),
        "site_url": settings.SITE_URL,
    }


def render_issue(issue, entries, language, unsubscribe_link):
    """(plain text, HTML) of an issue in ``language``. No images, so no tracking pixels."""
    context = mail_context(issue, entries, unsubscribe_link)
    with translation.override(language):
        text = render_text("newsroom/mail/newsletter_body.txt", context)
        html = render_to_string("newsroom/mail/newsletter.html", context)
    return text, html


def build_message(issue, subscriber, entries, connection=None):
    link = unsubscribe_url(subscriber)
    text, html = render_issue(issue, entries, subscriber.language, link)
    message = EmailMultiAlternatives(
        subject=issue.subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        connection=connection,
        headers={
            # RFC 2369 and RFC 8058: mail programs offer one-click unsubscribing.
            "List-Unsubscribe": f"<{link}>, <{unsubscribe_mailto(subscriber)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def send_test(issue, email):
    """The issue as a subscriber would get it, to one address (the editor's own)."""
    entries = issue_entries(issue)
    preview_subscriber = Subscriber(pk=0, email=email, language=issue.language)
    message = build_message(issue, preview_subscriber, entries)
    message.subject = gettext("[Test] %(subject)s") % {"subject": issue.subject}
    message.send()


# Sending ----------------------------------------------------------------------------------


class SendRefused(Exception):
    """The issue cannot be sent; the message says why."""


def refusal(issue):
    """Why ``issue`` cannot be sent now, or None."""
    if issue.status in (NewsletterIssue.Status.SENDING, NewsletterIssue.Status.SENT):
        return gettext("”%(issue)s” är redan skickat eller skickas just nu.") % {"issue": issue}
    entries = list(issue.entries.select_related("news_item"))
    if not entries:
        return gettext("”%(issue)s” har inga nyheter och kan inte skickas.") % {"issue": issue}
    if any(not entry.news_item.is_public for entry in entries):
        return gettext(
            "”%(issue)s” innehåller nyheter som inte är publicerade än."
        ) % {"issue": issue}
    if any(entry.news_item.language != issue.language for entry in entries):
        return gettext(
            "”%(issue)s” innehåller nyheter på ett annat språk än nyhetsbrevet."
        ) % {"issue": issue}
    return None


def send_issue(issue, user=None):
    """Start sending ``issue`` in the background; raises SendRefused with the reason."""
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
        reason = refusal(issue)
        if reason:
            raise SendRefused(reason)
        create_deliveries(issue)
        issue.status = NewsletterIssue.Status.SENDING
        issue.save(update_fields=["status", "updated_at"])
        audit.record("sent", issue, user=user, detail=gettext("utskick påbörjat"))
    send_newsletter_batch.enqueue(issue_id=issue.pk)
    return issue


def schedule(issue):
    """Have the periodic job send ``issue`` at its planned time; SendRefused if it cannot."""
    reason = refusal(issue)
    if not reason and issue.scheduled_at is None:
        reason = gettext("”%(issue)s” har ingen tid för utskicket.") % {"issue": issue}
    if reason:
        raise SendRefused(reason)
    NewsletterIssue.objects.filter(pk=issue.pk, status=NewsletterIssue.Status.DRAFT).update(
        status=NewsletterIssue.Status.SCHEDULED
    )


def unschedule(issue):
    return bool(
        NewsletterIssue.objects.filter(
            pk=issue.pk, status=NewsletterIssue.Status.SCHEDULED
        ).update(status=NewsletterIssue.Status.DRAFT)
    )


def send_scheduled_issues(now=None):
    """Periodic job: start sending every scheduled issue whose time has come."""
    due = NewsletterIssue.objects.filter(
        status=NewsletterIssue.Status.SCHEDULED, scheduled_at__lte=now or timezone.now()
    )
    started, refused = 0, 0
    for issue in due:
        try:
            send_issue(issue)
            started += 1
        except SendRefused as reason:
            # An item unpublished meanwhile, say: back to draft, for an editor to look at.
            logger.warning("Scheduled newsletter %s not sent: %s", issue.pk, reason)
            unschedule(issue)
            refused += 1
    return f"{started} scheduled newsletters started, {refused} sent back to draft"


def create_deliveries(issue):
    """One delivery per confirmed subscriber of the issue's language; running it again
    creates nothing twice."""
    subscriber_ids = Subscriber.objects.receiving(issue.language).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, subscriber_id=pk) for pk in subscriber_ids.iterator()],
        batch_size=1000,
        ignore_conflicts=True,
    )


def _due_deliveries(issue):
    return (
        Delivery.objects.filter(
            issue=issue,
            attempts__lt=settings.TASK_MAX_ATTEMPTS,
            subscriber__status=Subscriber.Status.CONFIRMED,
        )
        .filter(Q(status=Delivery.Status.WAITING) | Q(status=Delivery.Status.FAILED))
        .order_by("pk")
    )


def _claim(delivery):
    """Mark one delivery "sending" (committed at once); False if it is not ours to send."""
    claimed = (
        Delivery.objects.filter(
            pk=delivery.pk,
            status__in=[Delivery.Status.WAITING, Delivery.Status.FAILED],
            attempts__lt=settings.TASK_MAX_ATTEMPTS,
            subscriber__status=Subscriber.Status.CONFIRMED,
        )
        .update(status=Delivery.Status.SENDING, sending_started_at=timezone.now())
    )
    return bool(claimed)


def _mark_sent(delivery):
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENT, sent_at=timezone.now(), attempts=delivery.attempts + 1,
        last_error="",
    )


def _mark_failed(delivery, error):
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.FAILED,
        attempts=delivery.attempts + 1,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )


def send_batch(issue):
    """Send up to one batch of the issue's due deliveries over one SMTP connection.

    Returns (number sent, the last error or None). A refused address is recorded and the
    batch goes on; any other error ends the batch (the connection is likely gone).
    """
    batch = list(_due_deliveries(issue).select_related("subscriber")[: batch_size()])
    if not batch:
        return 0, None
    entries = issue_entries(issue)
    connection = get_connection()
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 - the server is down: retry the batch later
        logger.warning("Newsletter %s: could not connect: %s", issue.pk, error)
        return 0, error
    sent, last_error = 0, None
    try:
        for delivery in batch:
            if not _claim(delivery):
                continue  # another worker has it, or the subscriber left meanwhile
            message = build_message(issue, delivery.subscriber, entries, connection)
            try:
                connection.send_messages([message])
            except smtplib.SMTPRecipientsRefused as error:
                # This address is refused; the others in the batch can still go.
                _mark_failed(delivery, error)
                last_error = error
            except Exception as error:  # noqa: BLE001 - recorded, and the batch is retried
                _mark_failed(delivery, error)
                logger.warning("Newsletter %s: delivery %s failed: %s", issue.pk,
                               delivery.pk, error)
                return sent, error
            else:
                _mark_sent(delivery)
                sent += 1
    finally:
        connection.close()
    return sent, last_error


@task()
def send_newsletter_batch(issue_id, attempt=1):
    """One batch of an issue, then the next batch as a task of its own, until done.

    After a failure the next batch waits, longer each time nothing at all could be sent;
    after ``TASK_MAX_ATTEMPTS`` such attempts it gives up and the admin shows the issue as
    still sending, with its failures, to be resumed.
    """
    issue = NewsletterIssue.objects.filter(
        pk=issue_id, status=NewsletterIssue.Status.SENDING
    ).first()
    if issue is None:
        return "nothing to send"
    sent, error = send_batch(issue)
    if error is not None:
        # A batch that sent something made progress: the count of failed attempts restarts.
        if not enqueue_retry(send_newsletter_batch, attempt if not sent else 1,
                             issue_id=issue_id):
            logger.error("Newsletter %s: giving up after %s attempts", issue_id, attempt)
            finish_if_done(issue)
        return f"{sent} sent, then failed: {error}"
    if _due_deliveries(issue).exists():
        send_newsletter_batch.enqueue(issue_id=issue_id)
        return f"{sent} sent, more to come"
    finish_if_done(issue)
    return f"{sent} sent, done"


def finish_if_done(issue):
    """Mark the issue sent when nothing is waiting, being sent or due for a retry.

    Uncertain and finally failed deliveries do not hold the issue back: they are shown in
    the admin for an editor to handle.
    """
    if _due_deliveries(issue).exists():
        return False
    if issue.deliveries.filter(status=Delivery.Status.SENDING).exists():
        return False
    # Whoever stopped being a confirmed subscriber meanwhile gets nothing.
    issue.deliveries.filter(status=Delivery.Status.WAITING).exclude(
        subscriber__status=Subscriber.Status.CONFIRMED
    ).delete()
    finishing = NewsletterIssue.objects.filter(pk=issue.pk, status=NewsletterIssue.Status.SENDING)
    # Resending a few deliveries later does not change the date the issue went out.
    finishing.filter(sent_at__isnull=True).update(sent_at=timezone.now())
    updated = finishing.update(status=NewsletterIssue.Status.SENT)
    if updated:
        issue.refresh_from_db()
        audit.record("sent", issue, detail=gettext("utskick klart"))
        # The archive now lists the issue; an update() sends no signal to the page cache.
        invalidate_page_cache()
    return bool(updated)


def resume(issue, *, stale_after=None):
    """Carry on after a crash or after the retries ran out.

    Deliveries left "sending" (older than ``stale_after``, by default all of them) become
    "uncertain"; deliveries that failed get a fresh set of attempts; then the batches run.
    """
    if issue.status != NewsletterIssue.Status.SENDING:
        raise SendRefused(
            gettext("”%(issue)s” skickas inte just nu och kan inte återupptas.")
            % {"issue": issue}
        )
    mark_uncertain(issue, stale_after=stale_after)
    issue.deliveries.filter(status=Delivery.Status.FAILED).update(attempts=0)
    send_newsletter_batch.enqueue(issue_id=issue.pk)


def mark_uncertain(issue, *, stale_after=None):
    left = issue.deliveries.filter(status=Delivery.Status.SENDING)
    if stale_after is not None:
        left = left.filter(sending_started_at__lt=timezone.now() - stale_after)
    return left.update(status=Delivery.Status.UNCERTAIN)


def resume_stalled_sendings(now=None):
    """Periodic job: issues whose worker died carry on; what it left unfinished is
    reported as uncertain, never resent."""
    now = now or timezone.now()
    resumed = 0
    for issue in NewsletterIssue.objects.filter(status=NewsletterIssue.Status.SENDING):
        recent = issue.deliveries.filter(
            Q(sending_started_at__gte=now - STALE_SENDING_AFTER)
            | Q(sent_at__gte=now - STALE_SENDING_AFTER)
        )
        if recent.exists():
            continue  # a worker is busy with it
        mark_uncertain(issue, stale_after=STALE_SENDING_AFTER)
        if _due_deliveries(issue).exists():
            send_newsletter_batch.enqueue(issue_id=issue.pk)
            resumed += 1
        else:
            finish_if_done(issue)
    return f"{resumed} stalled newsletter sendings resumed"


def resend(deliveries, user=None):
    """An editor's decision: send these uncertain (or finally failed) deliveries again."""
    chosen = deliveries.filter(status__in=[Delivery.Status.UNCERTAIN, Delivery.Status.FAILED])
    issue_ids = set(chosen.values_list("issue_id", flat=True))
    count = chosen.update(status=Delivery.Status.WAITING, attempts=0)
    for issue_id in issue_ids:
        NewsletterIssue.objects.filter(pk=issue_id, status=NewsletterIssue.Status.SENT).update(
            status=NewsletterIssue.Status.SENDING
        )
        send_newsletter_batch.enqueue(issue_id=issue_id)
    return count


def mark_sent(deliveries):
    """An editor's decision: these uncertain deliveries did go out."""
    count = deliveries.filter(status=Delivery.Status.UNCERTAIN).update(
        status=Delivery.Status.SENT, sent_at=timezone.now()
    )
    return count


PROGRESS_STATUSES = [
    Delivery.Status.SENT,
    Delivery.Status.FAILED,
    Delivery.Status.WAITING,
    Delivery.Status.SENDING,
    Delivery.Status.UNCERTAIN,
]


def progress_annotations():
    """Counts per delivery status, to annotate a queryset of issues in one query."""
    return {
        f"deliveries_{status}": Count("deliveries", filter=Q(deliveries__status=status))
        for status in PROGRESS_STATUSES
    }


def progress(issue):
    counts = dict(
        issue.deliveries.values_list("status").annotate(count=Count("pk")).order_by()
    )
    return {status: counts.get(status, 0) for status in PROGRESS_STATUSES}
