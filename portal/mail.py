"""Every mail the portal sends: rendered from templates, sent by the task queue.

The tasks API has no retries of its own, so a failed send re-enqueues itself with an
attempt counter and a growing delay (``enqueue_retry``, also used by the newsletter).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, engines
from django.utils import timezone, translation
from django_tasks import task

logger = logging.getLogger("portal")


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


@task()
def send_mail(subject, body, to, html_body=None, headers=None, attachments=None, attempt=1):
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
