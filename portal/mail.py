"""Every mail the portal sends: rendered from templates, sent by the task queue.

The tasks API has no retries of its own, so a failed send re-enqueues itself with an
attempt counter and a growing delay (``enqueue_retry``, also used by the newsletter).

Nor does it notice a worker that died (killed, its machine gone): its task stays "running"
for ever. ``recover_abandoned_tasks``, a periodic job, queues such tasks again, except a mail
whose SMTP exchange had begun: it may have gone out, so it is marked uncertain (failed with
``MailFateUnknown``) and logged, never sent twice.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, engines
from django.utils import timezone, translation
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("portal")

# Written on a mail task's own row, committed, just before its SMTP exchange.
EXCHANGE_STARTED = "smtp exchange started"


class MailFateUnknown(Exception):
    """The worker died during the SMTP exchange: the mail may or may not have gone out."""


def enqueue_retry(task_to_retry, attempt, **kwargs):
    """Enqueue the next attempt of a failed task, later each time.

    Returns False, enqueuing nothing, when the attempts in ``TASK_MAX_ATTEMPTS`` are used up.
    Backends that cannot defer (the immediate one of development and tests) retry at once.
    """
    if attempt >= settings.TASK_MAX_ATTEMPTS:
        return False
    if task_to_retry.get_backend().supports_defer:
        delay = timedelta(seconds=settings.TASK_RETRY_DELAY_SECONDS * 2 ** (attempt - 1))
        task_to_retry = task_to_retry.using(run_after=timezone.now() + delay)
    task_to_retry.enqueue(attempt=attempt + 1, **kwargs)
    return True


@task(takes_context=True)
def send_mail(
    context, subject, body, to, html_body=None, headers=None, attachments=None, attempt=1
):
    """Send one mail; ``attachments`` are (file name, text, MIME type) triples."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    note_exchange_started(context.task_result)
    try:
        message.send()
    except Exception:
        retried = enqueue_retry(
            send_mail, attempt, subject=subject, body=body, to=to, html_body=html_body,
            headers=headers, attachments=attachments,
        )
        logger.warning(
            "Mail %r to %s failed (attempt %s); %s",
            subject, ", ".join(to), attempt, "retry queued" if retried else "giving up",
            exc_info=True,
        )
        if not retried:
            raise


def note_exchange_started(task_result):
    """Mark the task's row, before the SMTP exchange, so that a worker dying during it leaves
    a mail known to be uncertain rather than one sent again (``recover_abandoned_tasks``).

    The database queue runs a task outside any transaction: the UPDATE commits at once.
    """
    if isinstance(task_result.task.get_backend(), DatabaseBackend):
        DBTaskResult.objects.filter(pk=task_result.id).update(return_value=EXCHANGE_STARTED)


def recover_abandoned_tasks(now=None):
    """Periodic job: tasks "running" for longer than ``TASK_ABANDONED_AFTER_SECONDS`` belong
    to a worker that died. Each is queued again (every task of the portal may run twice: the
    newsletter's batches claim each delivery), except a mail whose SMTP exchange had begun,
    which is marked uncertain instead."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.TASK_ABANDONED_AFTER_SECONDS)
    abandoned = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    requeued, uncertain = 0, 0
    for row in abandoned.only("pk", "task_path", "return_value", "args_kwargs"):
        # Conditional updates: a worker that finishes the task meanwhile keeps its outcome.
        still_running = DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING)
        if row.task_path == send_mail.module_path and row.return_value == EXCHANGE_STARTED:
            marked = still_running.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{__name__}.{MailFateUnknown.__name__}",
                traceback=MailFateUnknown.__doc__,
            )
            if marked:
                uncertain += 1
                logger.error(
                    "Mail to %s (task %s): the worker died during the SMTP exchange; it may "
                    "or may not have gone out, and is not sent again",
                    ", ".join(row.args_kwargs["kwargs"].get("to", [])), row.pk,
                )
        else:
            requeued += still_running.update(
                status=TaskResultStatus.READY, run_after=now, started_at=None
            )
    return (
        f"{requeued} tasks left running by a dead worker queued again, "
        f"{uncertain} mails of unknown fate marked uncertain"
    )


def uncertain_mails():
    """The mail tasks ``recover_abandoned_tasks`` marked uncertain."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED,
        exception_class_path=f"{__name__}.{MailFateUnknown.__name__}",
    )


def render_text(template_name, context):
    """A template of the site rendered as plain text: mails get no HTML escaping."""
    template = engines["django"].engine.get_template(template_name)
    return template.render(Context(context, autoescape=False))


def render_mail(template, context, language):
    """Subject and body of ``<template>_subject.txt`` and ``<template>_body.txt`` in a language."""
    with translation.override(language):
        subject = render_text(f"{template}_subject.txt", context)
        body = render_text(f"{template}_body.txt", context)
    return " ".join(subject.split()), body


def queue_mail(*, template, context, to, language, attachments=None):
    """Queue a mail rendered in ``language``, with optional (file name, text, MIME type)
    ``attachments`` (a calendar event, for instance).

    The task is enqueued inside the caller's transaction: with the database queue it is
    stored, or rolled back, together with the rows the mail is about.
    """
    subject, body = render_mail(template, context, language)
    return send_mail.enqueue(
        subject=subject, body=body, to=list(to), attachments=list(attachments or [])
    )
