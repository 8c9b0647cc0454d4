"""An issue as the mail a subscriber gets: plain text and HTML in the issue's language, with
the subscriber's unsubscribe link and the headers for one-click unsubscribing."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from newsroom.factories import EnglishNewsItemFactory
from newsroom.newsletter import composing, delivery, subscriptions
from newsroom.newsletter.factories import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_the_mail_is_multipart_with_unsubscribe_headers_and_link_and_no_pixel(issue):
    subscriber = SubscriberFactory(email="anna@example.se")
    delivery.send_issue(issue)
    message = mail.outbox[0]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert message.subject == "Nyhetsbrev oktober"
    # Signed links carry the second they were made, so they are read back, not rebuilt.
    link = re.search(r"http://\S+/nyheter/nyhetsbrev/avsluta/(\S+)/", message.body)
    assert subscriptions.subscriber_for_unsubscribe_token(link.group(1)) == subscriber
    link = link.group(0)
    assert link in html
    preferences = re.search(r"http://\S+/nyheter/nyhetsbrev/installningar/(\S+)/", message.body)
    assert subscriptions.subscriber_for_preferences(preferences.group(1)) == (subscriber, None)
    assert preferences.group(0) in html
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{link}>, <mailto:")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "CPMR:s generalförsamling i Bryssel" in message.body
    assert message.body.index("CPMR") < message.body.index("Praktik på")
    assert "<img" not in html
    assert '<html lang="sv">' in html


def test_an_english_issue_is_rendered_in_english():
    SubscriberFactory(email="ann@example.com", language="en")
    issue = NewsletterIssueFactory(language="en", subject="October newsletter",
                                   news=[EnglishNewsItemFactory()])
    delivery.send_issue(issue)
    message = mail.outbox[0]
    assert "Unsubscribe:" in message.body
    assert "/en/news/newsletter/unsubscribe/" in message.body


@pytest.mark.parametrize(("configured", "address"), [
    ("Avregistrering <avregistrera@example.se>", "avregistrera@example.se"),
    ("", "server@example.se"),
])
def test_the_unsubscribe_mailto_goes_to_the_configured_mailbox_or_the_server_address(
    issue, settings, configured, address
):
    settings.NEWSLETTER_UNSUBSCRIBE_EMAIL = configured
    settings.SERVER_EMAIL = "Portalen <server@example.se>"
    subscriber = SubscriberFactory()
    message = composing.build_message(issue, subscriber, composing.issue_entries(issue))
    mailto = urlsplit(message.extra_headers["List-Unsubscribe"].split(", ")[1].strip("<>"))
    assert (mailto.scheme, mailto.path) == ("mailto", address)
    token = subscriptions.unsubscribe_token(subscriber)
    assert parse_qs(mailto.query) == {"subject": [f"unsubscribe {token}"]}
