"""The gates (axe, Nu Html Checker) on the event pages the sitemap does not list: the form
with errors, the refusals, the receipt and the registration's own page."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events import services
from events.factories import EventFactory, QuestionFactory, RegistrationFactory
from events.models import Event, Question
from tests.gates.checks import axe_violations, html_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def event_pages():
    """Each page as (path, POST data or None)."""
    event = EventFactory(capacity=1)
    QuestionFactory(event=event, kind=Question.Kind.CHOICE, choices="Ja\nNej", required=True)
    QuestionFactory(event=event, kind=Question.Kind.YES_NO)
    registration = RegistrationFactory(event=event)
    cancelled = EventFactory(status=Event.Status.CANCELLED)
    receipt = services.Receipt(event.pk, registration.reference, "waiting")
    pages = []
    for language in ("sv", "en"):
        with translation.override(language):
            pages += [
                (reverse("events:register", args=[event.slug]), None),
                (reverse("events:register", args=[event.slug]), {"email": "fel"}),
                (reverse("events:register", args=[cancelled.slug]), None),
                (reverse("events:receipt", args=[services.receipt_token(receipt)]), None),
                (reverse("events:manage", args=[services.manage_token(registration)]), None),
                (reverse("events:manage", args=["forged"]), None),
            ]
    return pages


def fetch(client, path, data):
    if data is None:
        return client.get(path).content.decode()
    html = client.get(path).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    return client.post(path, {**data, "form_token": token}).content.decode()


def test_event_form_pages_have_no_axe_violations(live_server, page):
    client = Client()
    problems = []
    for path, data in event_pages():
        page.set_content("")
        page.goto(live_server.url + "/")
        page.set_content(fetch(client, path, data))
        problems += [f"{path} {data or ''}: {v}" for v in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_event_form_pages_are_valid_html(tmp_path):
    client = Client()
    documents = {f"{path} {data or ''}": fetch(client, path, data)
                 for path, data in event_pages()}
    errors = html_errors(documents, tmp_path)
    assert not errors, "\n".join(errors)
