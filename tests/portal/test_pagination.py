"""The one pagination block: links that keep the filters, in the page's language; the
bounded paginator of the news lists."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from events.factories import EventFactory
from events.models import Event
from newsroom.factories import NewsItemFactory
from newsroom.models import NewsItem
from portal.pagination import BoundedPaginator, RowsByKeysPaginator, UpcomingThenPastPaginator


def render(query, number):
    page = Paginator(range(30), 10).page(number)
    request = RequestFactory().get("/lista/", query)
    context = {"page_obj": page, "is_paginated": page.has_other_pages()}
    return render_to_string("includes/pagination.html", context, request=request)


def test_links_keep_the_filters_and_replace_only_the_page():
    html = render({"kind": "network", "page": "2"}, 2)
    assert 'href="?kind=network&amp;page=1" rel="prev"' in html
    assert 'href="?kind=network&amp;page=3" rel="next"' in html
    assert '<li aria-current="page">Sida 2 av 3</li>' in html
    assert '<nav aria-label="Sidor">' in html


def test_first_and_last_pages_link_one_way_only():
    assert 'rel="prev"' not in render({}, 1) and 'rel="next"' in render({}, 1)
    assert 'rel="prev"' in render({}, 3) and 'rel="next"' not in render({}, 3)


def test_english():
    with translation.override("en"):
        html = render({}, 1)
    assert "Page 1 of 3" in html and "Next page" in html and 'aria-label="Pages"' in html


def test_nothing_when_everything_fits_on_one_page():
    page = Paginator(range(3), 10).page(1)
    html = render_to_string(
        "includes/pagination.html",
        {"page_obj": page, "is_paginated": False},
        request=RequestFactory().get("/"),
    )
    assert html.strip() == ""


@pytest.mark.django_db
def test_a_bounded_paginator_counts_no_further_than_its_pages(monkeypatch):


    NewsItemFactory.create_batch(12)
    monkeypatch.setattr(BoundedPaginator, "max_items", 10)
    paginator = BoundedPaginator(NewsItem.objects.order_by("pk"), 5)
    with CaptureQueriesContext(connection) as counted:
        assert paginator.count == 10
    assert "LIMIT 11" in counted.captured_queries[0]["sql"]
    assert paginator.is_capped and paginator.num_pages == 2
    assert len(paginator.get_page(99).object_list) == 5


@pytest.mark.django_db
def test_the_news_list_says_more_than_its_pages_hold(client, monkeypatch):
    NewsItemFactory.create_batch(12)
    monkeypatch.setattr(BoundedPaginator, "max_items", 10)
    html = client.get("/nyheter/").content.decode()
    assert "Fler än 10 nyheter; välj ett år eller en fråga, eller sök, för att hitta äldre." in html


@pytest.mark.django_db
@pytest.mark.parametrize("orphans", [0, 3])
def test_pages_read_by_their_keys_are_the_pages_of_the_list(orphans):
    NewsItemFactory.create_batch(13)
    items = NewsItem.objects.order_by("-publish_at", "-pk")
    plain = Paginator(items, 5, orphans=orphans)
    by_keys = RowsByKeysPaginator(items, 5, orphans=orphans)
    assert by_keys.num_pages == plain.num_pages
    for number in plain.page_range:
        assert list(by_keys.page(number)) == list(plain.page(number))


@pytest.mark.django_db
@pytest.mark.parametrize("orphans", [0, 3])
def test_pages_read_from_the_upcoming_and_the_past_part_are_the_pages_of_the_list(orphans):
    now = timezone.now()
    for day in (-9, -3, -3, -1, 0.5, 2, 2, 4, 7, 8, 30):
        starts_at = now + datetime.timedelta(days=day)
        EventFactory(starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2))
    # Begun yesterday, over tomorrow: upcoming, soonest of all by its start.
    EventFactory(
        starts_at=now - datetime.timedelta(days=1), ends_at=now + datetime.timedelta(days=1)
    )
    events = Event.objects.upcoming_then_past(now)
    plain = Paginator(events, 3, orphans=orphans)
    split = UpcomingThenPastPaginator(events, 3, orphans=orphans)
    assert split.num_pages == plain.num_pages
    for number in plain.page_range:
        assert list(split.page(number)) == list(plain.page(number))
