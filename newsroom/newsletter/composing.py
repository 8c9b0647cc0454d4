"""An issue as a mail: its news items with absolute links, rendered as plain text and HTML in
the subscriber's language, with the unsubscribe link and headers every mail carries."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
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


# Stand-ins for a subscriber's own links while an issue is rendered once per language; plain
# characters, so that escaping leaves them as they are in both the text and the HTML.
_LINK_STAND_INS = {
    "unsubscribe_url": "https://subscriber-link.invalid/unsubscribe",
    "preferences_url": "https://subscriber-link.invalid/preferences",
}


class RenderedIssue:
    """An issue rendered once per language, then made each subscriber's by their links: the
    templates cost far more than the mail, and everything else is the same for everyone."""

    def __init__(self, issue, entries):
        self.issue = issue
        self.entries = entries
        self.by_language = {}

    def for_subscriber(self, subscriber, links):
        """(plain text, HTML) for ``subscriber``, with ``links`` (subscriber_links)."""
        language = subscriber.language
        if language not in self.by_language:
            self.by_language[language] = render_issue(
                self.issue, self.entries, language, _LINK_STAND_INS
            )
        text, html = self.by_language[language]
        for name, stand_in in _LINK_STAND_INS.items():
            text = text.replace(stand_in, links[name])
            html = html.replace(stand_in, escape(links[name]))
        return text, html


def build_message(issue, subscriber, entries, connection=None, return_path=None, rendered=None):
    """The mail to ``subscriber``; ``return_path`` is its envelope sender, where bounce
    reports go (the From header stays DEFAULT_FROM_EMAIL). ``rendered``, a RenderedIssue of
    the issue, saves rendering the templates again for every mail of a batch."""
    links = subscriber_links(subscriber)
    if rendered is None:
        text, html = render_issue(issue, entries, subscriber.language, links)
    else:
        text, html = rendered.for_subscriber(subscriber, links)
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
