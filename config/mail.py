"""Every mail the portal sends: rendered from templates, sent by the task queue."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, engines
from django.utils import translation
from django_tasks import task


@task()
def send_mail(subject, body, to, html_body=None, headers=None):
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()


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


def queue_mail(*, template, context, to, language):
    """Queue a mail rendered in ``language``.

    The task is enqueued inside the caller's transaction: with the database queue it is
    stored, or rolled back, together with the rows the mail is about.
    """
    subject, body = render_mail(template, context, language)
    return send_mail.enqueue(subject=subject, body=body, to=list(to))
