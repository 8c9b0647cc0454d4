"""The gates (axe, Nu Html Checker) on the newsletter pages, including those the sitemap
does not list (receipt, confirmation, unsubscribe, broken links)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.factories import EnglishNewsItemFactory, NewsItemFactory
from newsroom.newsletter import composing, subscriptions
from newsroom.newsletter.factories import (
    NewsletterIssueFactory,
    PendingSubscriberFactory,
    SubscriberFactory,
)
from newsroom.newsletter.models import NewsletterIssue, NewsletterList
from tests.gates.checks import axe_violations, html_errors

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def pages():
    """Each page as (path, POST data or None)."""
    swedish = NewsletterIssueFactory(news=NewsItemFactory.create_batch(2))
    english = NewsletterIssueFactory(language="en", subject="Newsletter",
                                     news=EnglishNewsItemFactory.create_batch(2))
    NewsletterIssue.objects.update(status="sent", sent_at=timezone.now())
    result = []
    for language, issue in (("sv", swedish), ("en", english)):
        pending = PendingSubscriberFactory(language=language)
        confirmed = SubscriberFactory(language=language)
        with translation.override(language):
            subscribe = reverse("newsroom:subscribe")
            result += [
                (subscribe, None),
                (subscribe, {"email": "anna@", "consent": "", "newsletter_lists": []}),
                (reverse("newsroom:newsletter-thanks"), None),
                (reverse("newsroom:newsletter-confirm",
                         args=[subscriptions.confirm_token(pending)]), None),
                (reverse("newsroom:newsletter-confirm",
                         args=[subscriptions.confirm_token(pending)]), {}),
                (reverse("newsroom:newsletter-confirm",
                         args=[subscriptions.confirm_token(pending)]), None),  # used
                (reverse("newsroom:newsletter-confirm", args=["forged"]), None),
                (reverse("newsroom:newsletter-unsubscribe",
                         args=[subscriptions.unsubscribe_token(confirmed)]), None),
                (reverse("newsroom:newsletter-unsubscribe",
                         args=[subscriptions.unsubscribe_token(confirmed)]), {}),
                (reverse("newsroom:newsletter-unsubscribe", args=["forged"]), None),
                (reverse("newsroom:newsletter-preferences",
                         args=[subscriptions.preferences_token(confirmed)]), None),
                (reverse("newsroom:newsletter-preferences",
                         args=[subscriptions.preferences_token(confirmed)]),
                 {"newsletter_lists": []}),
                (reverse("newsroom:newsletter-preferences", args=["forged"]), None),
                (reverse("newsroom:newsletter-archive"), None),
                (NewsletterList.EU_MONITORING.get_archive_url(), None),
                (issue.get_absolute_url(), None),
            ]
    return result


def fetch(client, path, data):
    if data is None:
        return client.get(path).content.decode()
    html = client.get(path).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html)
    if token:
        data = {**data, "form_token": token.group(1)}
    return client.post(path, data).content.decode()


def test_newsletter_pages_have_no_axe_violations(live_server, page):
    client = Client()
    problems = []
    for path, data in pages():
        page.set_content("")
        page.goto(live_server.url + "/")
        page.set_content(fetch(client, path, data))
        problems += [f"{path} {data}: {v}" for v in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_newsletter_pages_are_valid_html(tmp_path):
    client = Client()
    documents = {f"{number} {path} {data}": fetch(client, path, data)
                 for number, (path, data) in enumerate(pages())}
    for issue in NewsletterIssue.objects.all():
        entries = composing.issue_entries(issue)
        links = {"unsubscribe_url": "https://example.se/avsluta/x/",
                 "preferences_url": "https://example.se/installningar/x/"}
        _text, html = composing.render_issue(issue, entries, issue.language, links)
        documents[f"mail {issue.language}"] = html
    errors = html_errors(documents, tmp_path)
    assert not errors, "\n".join(errors)
