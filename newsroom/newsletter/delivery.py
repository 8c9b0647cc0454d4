"""Sending an issue: scheduling, the batches that deliver it, and what editors decide after
a crash.

Sending never loses or repeats a mail:
- one ``Delivery`` per subscriber and issue (unique together, created with
  ``ignore_conflicts``), so starting a send twice creates nothing twice;
- deliveries are claimed in chunks (``CLAIM_CHUNK``), "sending" and committed before the
  SMTP exchange (rows a concurrent worker has locked are skipped, so two workers never
  claim the same delivery), and the chunk's sent ones are marked "sent" together right
  after it; those never tried go back to the queue;
- a delivery still "sending" when sending is resumed after a crash may or may not have gone
  out: it becomes "uncertain" and an editor decides (resend or mark as sent);
- a failure is recorded on the delivery with its error, and the batch task is retried with
  growing delays through ``portal.mail.enqueue_retry``; a delivery is tried at most
  ``TASK_MAX_ATTEMPTS`` times;
- a permanent refusal (5xx) bounces the delivery at once and is never retried
  (``bounces``).
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext
from django_tasks import task

from newsroom.newsletter import bounces
from newsroom.newsletter.composing import RenderedIssue, build_message, issue_entries
from newsroom.newsletter.models import Delivery, NewsletterIssue, Subscriber
from portal import audit
from portal.mail import enqueue_retry
from portal.page_cache import invalidate as invalidate_page_cache

logger = logging.getLogger("portal")

# A delivery "sending" for longer than this belongs to a worker that died.
STALE_SENDING_AFTER = timedelta(minutes=15)


class SendRefused(Exception):
    """The issue cannot be sent; the message says why."""


def refusal(issue):
    """Why ``issue`` cannot be sent now, or None."""
    if issue.status in (NewsletterIssue.Status.SENDING, NewsletterIssue.Status.SENT):
        return gettext("”%(issue)s” är redan skickat eller skickas just nu.") % {"issue": issue}
    entries = list(issue.entries.select_related("news_item"))
    if not entries and not issue.announces:
        return gettext("”%(issue)s” har inga nyheter och kan inte skickas.") % {"issue": issue}
    unpublished = [entry.news_item for entry in entries if not entry.news_item.is_public]
    if unpublished:
        return gettext(
            "”%(issue)s” innehåller nyheter som inte är publicerade än: %(items)s."
        ) % {"issue": issue, "items": describe_unpublished(unpublished)}
    if any(entry.news_item.language != issue.language for entry in entries):
        return gettext(
            "”%(issue)s” innehåller nyheter på ett annat språk än nyhetsbrevet."
        ) % {"issue": issue}
    return None


def describe_unpublished(news_items):
    """Each news item by title, with when it is published if it is scheduled."""
    return ", ".join(
        gettext("”%(title)s” (publiceras %(when)s)") % {
            "title": item.title,
            "when": formats.date_format(timezone.localtime(item.publish_at), "j F Y H:i"),
        }
        if item.is_scheduled
        else gettext("”%(title)s” (ej publicerad)") % {"title": item.title}
        for item in news_items
    )


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
    start_senders(issue)
    return issue


def start_senders(issue):
    """``NEWSLETTER_SENDERS`` chains of batches, for as many workers to send side by side;
    the chunked claims keep them off each other's deliveries."""
    for _sender in range(settings.NEWSLETTER_SENDERS):
        send_newsletter_batch.enqueue(issue_id=issue.pk)


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
    """One delivery per confirmed subscriber of the issue's list and language; running it
    again creates nothing twice."""
    subscriber_ids = issue.recipients().values_list("pk", flat=True)
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


# Deliveries are claimed, and marked sent, this many at a time: two commits per chunk rather
# than two per mail. A worker killed in the middle leaves at most one chunk "sending" (then
# "uncertain"); mails of a chunk that were never tried go back to the queue.
CLAIM_CHUNK = 50


def _claim(issue, size):
    """Mark up to ``size`` due deliveries "sending" in one transaction, committed before
    any of them is sent; those a concurrent worker holds are skipped. Returns them."""
    with transaction.atomic():
        chunk = list(
            _due_deliveries(issue)
            .select_related("subscriber")
            .select_for_update(skip_locked=True, of=("self",))[:size]
        )
        Delivery.objects.filter(pk__in=[delivery.pk for delivery in chunk]).update(
            status=Delivery.Status.SENDING, sending_started_at=timezone.now()
        )
    return chunk


def _mark_sent(deliveries):
    Delivery.objects.filter(pk__in=[delivery.pk for delivery in deliveries]).update(
        status=Delivery.Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1,
        last_error="",
    )


def _release(deliveries):
    """Back to the queue, as they were: claimed, never tried."""
    untried = Delivery.objects.filter(pk__in=[delivery.pk for delivery in deliveries])
    untried.filter(attempts=0).update(status=Delivery.Status.WAITING)
    untried.filter(attempts__gt=0).update(status=Delivery.Status.FAILED)


def _mark_failed(delivery, error):
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.FAILED,
        attempts=delivery.attempts + 1,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )


def send_batch(issue):
    """Send up to one batch (``NEWSLETTER_BATCH_SIZE``) of the issue's due deliveries over
    one SMTP connection, rendering the issue once per language.

    Returns (number sent, the last error or None). A refused address is recorded and the
    batch goes on; any other error ends the batch (the connection is likely gone).
    """
    if not _due_deliveries(issue).exists():
        return 0, None
    rendered = RenderedIssue(issue, issue_entries(issue))
    connection = get_connection()
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 - the server is down: retry the batch later
        logger.warning("Newsletter %s: could not connect: %s", issue.pk, error)
        return 0, error
    sent, last_error, handled = 0, None, 0
    try:
        while handled < settings.NEWSLETTER_BATCH_SIZE:
            chunk = _claim(issue, min(CLAIM_CHUNK, settings.NEWSLETTER_BATCH_SIZE - handled))
            if not chunk:
                break
            handled += len(chunk)
            chunk_sent, error, stopped = _send_chunk(issue, chunk, rendered, connection)
            sent += chunk_sent
            if error is not None:
                last_error = error
            if stopped:
                break
    finally:
        connection.close()
    return sent, last_error


def _send_chunk(issue, chunk, rendered, connection):
    """Send the claimed ``chunk``: (number sent, the last error, whether the batch stops)."""
    delivered, last_error, position = [], None, 0
    try:
        for position, delivery in enumerate(chunk):  # noqa: B007 - read after the loop
            message = build_message(issue, delivery.subscriber, rendered.entries, connection,
                                    return_path=bounces.return_path(delivery),
                                    rendered=rendered)
            try:
                connection.send_messages([message])
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as error:
                # This mail is refused; the others can still go.
                code, reply = bounces.smtp_refusal(error)
                if code >= 500:
                    bounces.bounce(delivery, f"{code} {reply}",
                                   status=bounces.enhanced_status(reply), attempted=True)
                else:
                    _mark_failed(delivery, error)
                    last_error = error
            except Exception as error:  # noqa: BLE001 - recorded, and the batch is retried
                _mark_failed(delivery, error)
                _release(chunk[position + 1:])
                logger.warning("Newsletter %s: delivery %s failed: %s", issue.pk,
                               delivery.pk, error)
                return len(delivered), error, True
            else:
                delivered.append(delivery)
    except BaseException:
        # The worker is stopping (or a bug): the mail in flight stays "sending", to become
        # "uncertain"; those not tried yet go back. A SIGKILL leaves the whole chunk.
        _release(chunk[position + 1:])
        raise
    finally:
        _mark_sent(delivered)
    return len(delivered), last_error, False


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
    start_senders(issue)


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
    Delivery.Status.BOUNCED,
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
