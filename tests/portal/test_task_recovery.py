"""Tasks left "running" by a worker that died: queued again, or a mail marked uncertain."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from portal import periodic
from portal.mail import (
    EXCHANGE_STARTED,
    recover_abandoned_tasks,
    send_mail,
    uncertain_mails,
)
from tests.portal.test_settings import manage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_ABANDONED_AFTER_SECONDS = 60


def run_worker():
    """What `make worker` does with each task due, until none is (its loop would close the
    test's connection)."""
    worker = Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="test", excluded_queue_names=[],
    )
    while row := DBTaskResult.objects.ready().first():
        row.claim(worker.worker_id)
        worker.run_task(row)


def killed_while_running(to, *, exchange_started, minutes_ago=5):
    """A mail task as a worker leaves it when SIGKILL ends it mid-task."""
    result = send_mail.enqueue(subject="Hej", body="Text", to=[to])
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        worker_ids=["killed"],
        return_value=EXCHANGE_STARTED if exchange_started else None,
    )
    return result.id


class RowReadingBackend:
    """A mail backend that notes what the task's row said while the mail was being sent."""

    seen = []

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        RowReadingBackend.seen.extend(
            DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list(
                "return_value", flat=True
            )
        )
        return len(messages)


def test_a_mail_task_notes_on_its_row_that_the_smtp_exchange_begins(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RowReadingBackend"
    RowReadingBackend.seen = []
    send_mail.enqueue(subject="Hej", body="Text", to=["a@example.se"])
    run_worker()
    assert RowReadingBackend.seen == [EXCHANGE_STARTED]
    row = DBTaskResult.objects.get()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value is None


def test_a_mail_killed_before_its_smtp_exchange_is_sent_once_after_recovery():
    killed_while_running("before@example.se", exchange_started=False)
    assert recover_abandoned_tasks in periodic.JOBS
    assert recover_abandoned_tasks() == (
        "1 tasks left running by a dead worker queued again, "
        "0 mails of unknown fate marked uncertain"
    )
    run_worker()
    assert [message.to for message in mail.outbox] == [["before@example.se"]]
    assert not uncertain_mails().exists()


def test_a_mail_killed_during_its_smtp_exchange_is_marked_uncertain_and_never_resent():
    task_id = killed_while_running("during@example.se", exchange_started=True)
    assert recover_abandoned_tasks() == (
        "0 tasks left running by a dead worker queued again, "
        "1 mails of unknown fate marked uncertain"
    )
    run_worker()
    assert mail.outbox == []
    assert [str(pk) for pk in uncertain_mails().values_list("pk", flat=True)] == [task_id]
    assert recover_abandoned_tasks().startswith("0 tasks")  # once counted, left alone


def test_a_task_running_for_less_than_the_limit_is_left_to_its_worker():
    killed_while_running("busy@example.se", exchange_started=True, minutes_ago=0)
    assert recover_abandoned_tasks().startswith("0 tasks left running by a dead worker queued "
                                                "again, 0 mails")
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING


def test_the_limit_is_read_from_the_environment():
    shown = "from django.conf import settings; print(settings.TASK_ABANDONED_AFTER_SECONDS)"
    result = manage("shell", "-c", shown, DEBUG="1", TASK_ABANDONED_AFTER_SECONDS="20")
    assert result.stdout.strip().splitlines()[-1] == "20", result.stderr
