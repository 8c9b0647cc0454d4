"""An issue as a mail: its news items with absolute links, rendered as plain text and HTML in
the subscriber's language, with the unsubscribe link and headers every mail carries."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from newsroom.newsletter.models import Subscriber
from newsroom.newsletter.subscriptions import (
    preferences_url,
    unsubscribe_mailto,
    unsubscribe_url,
    url_in_language,
)
from portal.links import absolute_url
from portal.mail import render_text


def issue_entries(issue):
    """The issue's news items in their order, with the absolute links a mail needs."""
    entries = list(issue.entries.select_related("news_item").order_by("position", "pk"))
    return [
        {"item": entry.news_item, "url": absolute_url(entry.news_item.get_absolute_url())}
        for entry in entries
    ]


def subscriber_links(subscriber):
    """The links every mail to ``subscriber`` ends with: unsubscribe, and choose lists."""
    return {
        "unsubscribe_url": unsubscribe_url(subscriber),
        "preferences_url": preferences_url(subscriber),
    }


def mail_context(issue, entries, links):
    return {
        "issue": issue,
        "entries": entries,
        **links,
        "archive_url": absolute_url(issue.get_absolute_url()),
        "subscribe_url": url_in_language("newsroom:subscribe", issue.language),
        "site_url": settings.SITE_URL,
    }


def render_issue(issue, entries, language, links):
    """(plain text, HTML) of an issue in ``language``, ending with ``links`` (see
    subscriber_links). No images, so no tracking pixels."""
    context = mail_context(issue, entries, links)
    with translation.override(language):
        text = render_text("newsroom/mail/newsletter_body.txt", context)
        html = render_to_string("newsroom/mail/newsletter.html", context)
    return text, html


def build_message(issue, subscriber, entries, connection=None, return_path=None):
    """The mail to ``subscriber``; ``return_path`` is its envelope sender, where bounce
    reports go (the From header stays DEFAULT_FROM_EMAIL)."""
    links = subscriber_links(subscriber)
    text, html = render_issue(issue, entries, subscriber.language, links)
    message = EmailMultiAlternatives(
        subject=issue.subject,
        body=text,
        from_email=return_path or settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        connection=connection,
        headers={
            "From": settings.DEFAULT_FROM_EMAIL,
            # RFC 2369 and RFC 8058: mail programs offer one-click unsubscribing.
            "List-Unsubscribe": (
                f"<{links['unsubscribe_url']}>, <{unsubscribe_mailto(subscriber)}>"
            ),
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
