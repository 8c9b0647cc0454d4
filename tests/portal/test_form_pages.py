"""An empty form page is rendered once and given fresh tokens on every request."""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "form-pages"}}


def test_each_visitor_gets_fresh_tokens_from_the_page_rendered_once(page_cache_on):
    address = reverse("visits:request")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_html = first.get(address).content.decode()
    with CaptureQueriesContext(connection) as again:
        second_response = second.get(address)
    second_html = second_response.content.decode()
    # Nothing read or rendered again but the tokens; the rest is the same page.
    assert len(again) == 0
    assert CSRF.search(first_html).group(1) != CSRF.search(second_html).group(1)
    assert FORM_TOKEN.search(first_html).group(1) != FORM_TOKEN.search(second_html).group(1)
    assert CSRF.sub("", FORM_TOKEN.sub("", first_html)) == CSRF.sub(
        "", FORM_TOKEN.sub("", second_html)
    )
    assert "csrf-token-stand-in" not in second_html
    assert "form-token-stand-in" not in second_html
    # The tokens work: the CSRF cookie came with the page, and a post with them is taken
    # (here refused at its empty fields, not at the CSRF check).
    assert "csrftoken" in second_response.cookies
    posted = second.post(address, {
        "csrfmiddlewaretoken": CSRF.search(second_html).group(1),
        "form_token": FORM_TOKEN.search(second_html).group(1),
    })
    assert posted.status_code == 200
    assert "Skriv namnet på din organisation." in posted.content.decode()


def test_a_logged_in_visitor_gets_a_page_of_their_own(page_cache_on):
    address = reverse("visits:request")
    Client().get(address)
    user = User.objects.create_user("anna", password="x")
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as rendered:
        html = client.get(address).content.decode()
    assert len(rendered) > 0
    assert "csrf-token-stand-in" not in html


def test_a_visitor_with_a_message_waiting_gets_a_page_of_their_own(page_cache_on):
    address = reverse("visits:request")
    Client().get(address)
    client = Client()
    client.cookies["messages"] = "a waiting message"
    with CaptureQueriesContext(connection) as rendered:
        client.get(address)
    assert len(rendered) > 0
