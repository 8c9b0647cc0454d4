"""The language switcher keeps the query and, for a page with no version in the other
language, leads to the nearest page that has one, with a notice there."""

import re

import pytest
from django.utils import translation

from newsroom.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _swedish():
    # A request leaves its language active in the thread; the next test must not inherit it.
    with translation.override("sv"):
        yield


def switcher_link(html, language):
    return re.search(
        rf'<ul class="language-switcher">.*?<a href="([^"]+)" hreflang="{language}"', html, re.S
    ).group(1).replace("&amp;", "&")


def test_the_switcher_keeps_search_filters_and_page(client):
    html = client.get("/besok/?country=FI&page=2").content.decode()
    assert switcher_link(html, "en").endswith("/en/visits/?country=FI&page=2")


def test_a_page_without_a_translation_leads_to_its_list_page_with_a_notice(client):
    item = NewsItemFactory(slug="bara-pa-svenska")
    html = client.get(item.get_absolute_url()).content.decode()
    link = switcher_link(html, "en")
    assert link == "/en/news/?untranslated=sv"
    landing = client.get(link).content.decode()
    assert "The page you came from is not available in English" in landing
    assert "not available in English" not in client.get("/en/news/").content.decode()


def test_the_nearest_page_of_an_unknown_kind_is_the_home_page():
    from portal.i18n import nearest_translated_url

    # The path is read in the page's own language, as during the request.
    with translation.override("sv"):
        assert nearest_translated_url("/nyheter/arkiv/2026/", "en") == "/en/news/"
        assert nearest_translated_url("/okand/sida/", "en") == "/en/"
