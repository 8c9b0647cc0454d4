"""The newsroom's demo content: realistic, idempotent, and the scheduled item stays hidden."""

import pytest
from django.core.management import call_command

from newsroom import demo
from newsroom.models import NewsItem
from portal.demo import read_data

pytestmark = pytest.mark.django_db

DATA = read_data(demo.__file__)


def test_demo_news_in_both_languages_with_one_scheduled(client, demo_content):
    assert NewsItem.objects.count() == len(DATA["items"]) + 1
    assert NewsItem.objects.filter(language="en", translation__isnull=False).count() == 5
    scheduled = NewsItem.objects.get(slug=DATA["scheduled"]["slug"])
    assert scheduled.is_scheduled
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert scheduled.title not in client.get("/nyheter/").content.decode()
    sitemap = client.get("/sitemap-news-items.xml").content.decode()
    assert scheduled.get_absolute_url() not in sitemap
    # Demo items are dated by their publication, so none claims to have been updated today,
    # except the one corrected on purpose.
    updated = [item.slug for item in NewsItem.objects.published() if item.shows_updated]
    assert updated == [row["slug"] for row in DATA["items"] if "corrected_days_after" in row]


def test_running_the_demo_twice_changes_nothing(demo_content):
    before = list(NewsItem.objects.order_by("pk").values())
    call_command("load_demo", verbosity=0)
    assert list(NewsItem.objects.order_by("pk").values()) == before
