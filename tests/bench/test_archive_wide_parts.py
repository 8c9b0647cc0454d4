"""Pages rendered every time do not read the whole archive every time."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

SEARCH = "?q=vätgas"


def queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("newsroom:list") + SEARCH)
    assert response.status_code == 200
    assert "Nyhet om vätgas" in response.content.decode()
    return len(captured)


def test_a_search_reads_the_years_and_topics_with_news_once(client):
    NewsItemFactory.create_batch(3, title="Nyhet om vätgas")
    with override_settings(PAGE_CACHE_SECONDS=0):
        every_time = queries(client)
    with override_settings(PAGE_CACHE_SECONDS=300):
        queries(client)
        # The year and topic choices, and the layout's menu pages, come from the cache; the
        # search itself never does.
        cached = queries(client)
        assert cached <= every_time - 3
        NewsItemFactory(title="Nyhet om vätgas i Trollhättan")  # saved: read them again
        assert queries(client) > cached
