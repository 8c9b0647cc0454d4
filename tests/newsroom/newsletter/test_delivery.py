"""Sending an issue: to whom, in batches, and never a mail lost or repeated."""

import smtplib
from collections import Counter

import pytest
from django.core import mail

from newsroom.newsletter import delivery, subscriptions
from newsroom.newsletter.factories import (
    NewsletterIssueFactory,
    PendingSubscriberFactory,
    SubscriberFactory,
)
from newsroom.newsletter.models import Delivery, NewsletterIssue, Subscriber, suppression_hash
from newsroom.roles import EDITORS
from tests.newsroom.newsletter.mailbackends import ScriptedBackend, WorkerDied

pytestmark = pytest.mark.django_db

BACKEND = "tests.newsroom.newsletter.mailbackends.ScriptedBackend"


@pytest.fixture
def scripted(settings):
    settings.EMAIL_BACKEND = BACKEND
    ScriptedBackend.reset()
    return ScriptedBackend


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_queue():
    """What `make worker` does, with time passing as fast as needed (run_after ignored)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    ran = 0
    while row := DBTaskResult.objects.filter(status=TaskResultStatus.READY).first():
        row.status = TaskResultStatus.SUCCESSFUL
        row.save(update_fields=["status"])
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        ran += 1
    return ran


@pytest.fixture
def audience():
    """Five confirmed Swedish subscribers, and others who must get nothing."""
    confirmed = SubscriberFactory.create_batch(5)
    others = [
        PendingSubscriberFactory(email="pending@example.se"),
        SubscriberFactory(email="gone@example.se", status=Subscriber.Status.UNSUBSCRIBED),
        SubscriberFactory(email="english@example.se", language="en"),
    ]
    subscriptions.unsubscribe(others[1])
    return confirmed, others


def recipients():
    return Counter(address for message in mail.outbox for address in message.to)


def assert_exactly_once(confirmed):
    assert recipients() == Counter({subscriber.email: 1 for subscriber in confirmed})


def test_an_issue_goes_once_to_each_confirmed_subscriber_of_its_language(
    issue, audience, scripted
):
    confirmed, _others = audience
    delivery.send_issue(issue)
    assert_exactly_once(confirmed)
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert issue.sent_at is not None
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    assert delivery.progress(issue)["sent"] == 5


def test_batches_share_one_smtp_connection_each(issue, audience, scripted, settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    delivery.send_issue(issue)
    assert scripted.opened == 3  # 5 mails in batches of 2
    assert len(mail.outbox) == 5


def test_sending_twice_is_refused_and_deliveries_are_never_created_twice(
    issue, audience, scripted
):
    delivery.send_issue(issue)
    with pytest.raises(delivery.SendRefused, match="redan skickat"):
        delivery.send_issue(issue)
    delivery.create_deliveries(issue)
    delivery.send_newsletter_batch.call(issue_id=issue.pk)
    assert Delivery.objects.count() == 5
    assert len(mail.outbox) == 5


def test_an_issue_without_items_is_refused(audience, scripted):
    empty = NewsletterIssueFactory()
    with pytest.raises(delivery.SendRefused, match="har inga nyheter"):
        delivery.send_issue(empty)
    empty.refresh_from_db()
    assert empty.status == NewsletterIssue.Status.DRAFT
    assert not mail.outbox
    assert not Delivery.objects.exists()


def test_an_issue_with_an_unpublished_item_is_refused(scripted):
    from newsroom.factories import DraftFactory

    issue = NewsletterIssueFactory(news=[DraftFactory()])
    with pytest.raises(delivery.SendRefused, match="inte är publicerade"):
        delivery.send_issue(issue)


def test_someone_who_unsubscribes_while_an_issue_is_queued_gets_nothing(
    issue, audience, scripted, database_queue
):
    confirmed, _others = audience
    delivery.send_issue(issue)
    leaving = confirmed[0]
    subscriptions.unsubscribe(leaving)
    run_queue()
    assert_exactly_once([s for s in confirmed if s != leaving])
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT


@pytest.mark.parametrize("killed", ["before", "after"])
def test_a_worker_killed_half_way_resumes_without_losing_or_repeating_a_mail(
    issue, audience, scripted, database_queue, settings, killed, staff_client
):
    """The worker dies in the middle of the third SMTP exchange: the mail either never
    left ("before") or left without being marked sent ("after"). Resuming sends the rest;
    the one in between is shown as uncertain and the editor decides."""
    confirmed, others = audience
    settings.NEWSLETTER_BATCH_SIZE = 2
    scripted.reset(script={3: (killed, WorkerDied())})
    delivery.send_issue(issue)

    with pytest.raises(WorkerDied):
        run_queue()
    assert len(mail.outbox) == (2 if killed == "before" else 3)
    in_between = Delivery.objects.get(status=Delivery.Status.SENDING)

    delivery.resume(NewsletterIssue.objects.get(pk=issue.pk))
    run_queue()

    in_between.refresh_from_db()
    assert in_between.status == Delivery.Status.UNCERTAIN
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert delivery.progress(issue)["uncertain"] == 1
    assert recipients()[in_between.subscriber.email] == (0 if killed == "before" else 1)

    first_sent_at = issue.sent_at

    # The editor checks the mail log and decides in the admin.
    action = "resend" if killed == "before" else "mark_sent"
    editor = staff_client(EDITORS)
    response = editor.post(
        "/admin/newsroom/delivery/",
        {"action": action, "index": 0, "_selected_action": [in_between.pk]},
    )
    assert response.status_code == 302
    run_queue()

    assert_exactly_once(confirmed)
    assert not {other.email for other in others} & set(recipients())
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert issue.sent_at == first_sent_at


def test_an_exception_after_n_mails_is_recorded_and_the_rest_follow_exactly_once(
    issue, audience, scripted, database_queue, settings
):
    confirmed, others = audience
    settings.NEWSLETTER_BATCH_SIZE = 2
    scripted.reset(script={3: ("before", smtplib.SMTPServerDisconnected("lost"))})
    delivery.send_issue(issue)

    run_queue()

    assert_exactly_once(confirmed)
    failed_once = Delivery.objects.get(attempts=2)
    assert failed_once.status == Delivery.Status.SENT
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT


def test_a_failure_waits_longer_each_time_via_the_shared_retry(
    issue, audience, scripted, database_queue, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASK_RETRY_DELAY_SECONDS = 60
    scripted.reset(failing_opens=10)
    delivery.send_issue(issue)
    DBTaskResult.objects.all().delete()

    delivery.send_newsletter_batch.call(issue_id=issue.pk, attempt=3)

    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["kwargs"] == {"issue_id": issue.pk, "attempt": 4}
    waited = (retry.run_after - retry.enqueued_at).total_seconds()
    assert 239 <= waited <= 241


@pytest.mark.parametrize("failures", [1, 3])
def test_a_server_failing_n_times_is_retried_and_every_mail_goes_once(
    issue, audience, scripted, settings, failures
):
    confirmed, _others = audience
    settings.TASK_MAX_ATTEMPTS = 4
    scripted.reset(
        script={n: ("before", smtplib.SMTPServerDisconnected("down")) for n in
                range(1, failures + 1)}
    )
    delivery.send_issue(issue)
    assert_exactly_once(confirmed)
    first = Delivery.objects.order_by("pk").first()
    assert first.attempts == failures + 1
    assert first.last_error == ""


def test_retries_are_bounded_and_the_failure_is_recorded_then_resumable(
    issue, audience, scripted, settings
):
    confirmed, _others = audience
    settings.TASK_MAX_ATTEMPTS = 3
    settings.NEWSLETTER_SENDERS = 1  # one chain of batches, so its retries can be counted
    scripted.reset(
        script={n: ("before", smtplib.SMTPServerDisconnected("down")) for n in range(1, 50)}
    )
    delivery.send_issue(issue)

    assert not mail.outbox
    assert scripted.attempts == 3
    first = Delivery.objects.order_by("pk").first()
    assert first.status == Delivery.Status.FAILED
    assert first.attempts == 3
    assert first.last_error == "SMTPServerDisconnected: down"
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENDING
    assert delivery.progress(issue) == {
        "sent": 0, "failed": 1, "waiting": 4, "sending": 0, "uncertain": 0, "bounced": 0
    }

    scripted.reset()  # the server is back
    delivery.resume(issue)
    assert_exactly_once(confirmed)
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT


def test_a_refused_address_does_not_hold_back_the_others(issue, audience, scripted, settings):
    confirmed, _others = audience
    settings.TASK_MAX_ATTEMPTS = 2
    refused = smtplib.SMTPRecipientsRefused({"x": (451, b"4.3.0 try again later")})
    scripted.reset(script={2: ("before", refused), 6: ("before", refused)})
    delivery.send_issue(issue)
    second = Delivery.objects.order_by("pk")[1]
    assert second.status == Delivery.Status.FAILED
    assert second.attempts == 2
    assert recipients() == Counter({s.email: 1 for s in confirmed if s != second.subscriber})
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT


def test_a_stalled_sending_is_resumed_by_the_periodic_job(
    issue, audience, scripted, database_queue
):
    from datetime import timedelta

    from django.utils import timezone

    from newsroom.periodic import JOBS

    confirmed, _others = audience
    delivery.send_issue(issue)
    stuck = Delivery.objects.order_by("pk").first()
    Delivery.objects.filter(pk=stuck.pk).update(
        status=Delivery.Status.SENDING, sending_started_at=timezone.now() - timedelta(hours=1)
    )
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()  # the worker died with its task

    assert delivery.resume_stalled_sendings in JOBS
    assert delivery.resume_stalled_sendings() == "1 stalled newsletter sendings resumed"
    run_queue()
    stuck.refresh_from_db()
    assert stuck.status == Delivery.Status.UNCERTAIN
    assert_exactly_once([s for s in confirmed if s != stuck.subscriber])


def test_two_workers_never_claim_the_same_delivery(issue, audience):
    delivery.create_deliveries(issue)
    due = Delivery.objects.count()
    first = delivery._claim(issue, 2)
    second = delivery._claim(issue, due)
    assert len(first) == 2
    assert len(second) == due - 2
    assert not {claimed.pk for claimed in first} & {claimed.pk for claimed in second}
    assert delivery._claim(issue, due) == []
    claimed = Delivery.objects.get(pk=first[0].pk)
    assert claimed.status == Delivery.Status.SENDING
    assert claimed.sending_started_at is not None


def test_a_batch_claims_and_marks_sent_in_chunks_not_per_mail(
    issue, audience, scripted, settings, django_assert_max_num_queries
):
    """Two commits per chunk of mails, and the templates rendered once per language."""
    confirmed = audience[0] + SubscriberFactory.create_batch(delivery.CLAIM_CHUNK + 10)
    settings.NEWSLETTER_BATCH_SIZE = 1000
    delivery.create_deliveries(issue)
    with django_assert_max_num_queries(15):
        sent, error = delivery.send_batch(issue)
    assert (sent, error) == (len(confirmed), None)
    assert_exactly_once(confirmed)


def test_the_audit_trail_hides_the_address_of_a_subscriber():
    from auditlog.models import LogEntry

    subscriber = SubscriberFactory(email="anna.berg@example.se")
    subscriptions.unsubscribe(subscriber)
    entries = LogEntry.objects.get_for_object(subscriber)
    assert entries.count() == 2
    for entry in entries:
        assert "anna.berg" not in str(entry.changes)
        assert suppression_hash("anna.berg@example.se") not in str(entry.changes)
