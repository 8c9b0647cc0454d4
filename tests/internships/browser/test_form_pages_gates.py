"""The gates (axe, Nu Html Checker) on the internship pages the sitemap does not list."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from internships import services
from internships.factories import ApplicationFactory
from tests.gates.checks import axe_violations, html_errors

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def form_pages(call, closed_call):
    """Each page as (path, POST data or None)."""
    application = ApplicationFactory(call=call)
    token = services.withdraw_token(application)
    pages = []
    for language in ("sv", "en"):
        with translation.override(language):
            pages += [
                (reverse("internships:apply", args=[call.slug]), None),
                (reverse("internships:apply", args=[call.slug]), {"first_name": "Elin"}),
                (reverse("internships:apply", args=[closed_call.slug]), None),
                (
                    reverse(
                        "internships:receipt", args=[services.receipt_token(call, "PRK-2027-0001")]
                    ),
                    None,
                ),
                (reverse("internships:withdraw", args=[token]), None),
                (reverse("internships:withdraw", args=["forged"]), None),
            ]
    return pages


def fetch(client, path, data):
    if data is None:
        return client.get(path).content.decode()
    html = client.get(path).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    return client.post(path, {**data, "form_token": token}).content.decode()


def test_form_pages_have_no_axe_violations(live_server, page, open_call, closed_call):
    client = Client()
    problems = []
    for path, data in form_pages(open_call, closed_call):
        page.set_content("")
        page.goto(live_server.url + "/")
        page.set_content(fetch(client, path, data))
        problems += [f"{path} {data or ''}: {v}" for v in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_form_pages_are_valid_html(open_call, closed_call, tmp_path):
    client = Client()
    folder = tmp_path / "pages"  # tmp_path also holds the private storage's files
    folder.mkdir()
    documents = {
        f"{path} {data or ''}": fetch(client, path, data)
        for path, data in form_pages(open_call, closed_call)
    }
    errors = html_errors(documents, folder)
    assert not errors, "\n".join(errors)
