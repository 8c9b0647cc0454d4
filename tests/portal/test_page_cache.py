"""The page cache (portal/page_cache.py): what is stored, for how long, and when it is dropped."""

import datetime

import pytest
from django.apps import apps
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from internships.factories import InternshipCallFactory
from newsroom.factories import NewsItemFactory
from newsroom.models import NewsItem
from newsroom.newsletter.factories import SubscriberFactory
from portal import page_cache
from portal.sitemaps import MAX_URLS_PER_SECTION_PAGE, collect_sitemaps

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


def test_a_public_page_is_served_from_the_cache_the_second_time(
    client, django_assert_num_queries
):
    NewsItemFactory(title="Första nyheten")
    first = client.get(reverse("newsroom:list"))
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(reverse("newsroom:list"))
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # The stored page keeps the headers the middleware below it set.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_saving_content_drops_the_cached_pages(client):
    item = NewsItemFactory(title="Före ändringen")
    client.get(reverse("newsroom:list"))
    item.title = "Efter ändringen"
    item.save()
    response = client.get(reverse("newsroom:list"))
    assert response["X-Page-Cache"] == "miss"
    assert "Efter ändringen" in response.content.decode()


def test_saving_a_row_no_page_shows_keeps_the_cached_pages(client):
    NewsItemFactory()
    client.get(reverse("newsroom:list"))
    SubscriberFactory()
    assert client.get(reverse("newsroom:list"))["X-Page-Cache"] == "hit"


def url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield inner
            yield from url_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def test_what_the_apps_declare_names_real_pages_and_models():
    assert page_cache.cacheable_url_names() <= set(url_names(get_resolver().url_patterns))
    for label in page_cache.private_models():
        assert apps.get_model(label)._meta.app_label in page_cache.content_apps()


def test_a_staff_post_drops_the_cached_pages_even_without_a_signal(staff_client):
    visitor = Client()
    item = NewsItemFactory(title="Publicerad")
    visitor.get(reverse("newsroom:list"))
    # An admin action that writes with QuerySet.update() sends no signal.
    NewsItem.objects.filter(pk=item.pk).update(status=NewsItem.Status.DRAFT)
    assert visitor.get(reverse("newsroom:list"))["X-Page-Cache"] == "hit"
    admin = staff_client()
    admin.post(reverse("admin:newsroom_newsitem_changelist"),
               {"action": "delete_selected", "_selected_action": []})
    response = visitor.get(reverse("newsroom:list"))
    assert response["X-Page-Cache"] == "miss"
    assert "Publicerad" not in response.content.decode()


def test_a_form_page_with_a_csrf_token_is_never_stored(client):
    call = InternshipCallFactory()
    for _ in range(2):
        response = client.get(call.get_apply_url())
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_a_search_is_rendered_every_time(client):
    NewsItemFactory(title="Vätgas i Västsverige")
    for _ in range(2):
        response = client.get(reverse("newsroom:list"), {"q": "vätgas"})
        assert "X-Page-Cache" not in response


def test_a_visitor_with_a_session_gets_their_own_page(staff_client):
    NewsItemFactory()
    Client().get(reverse("newsroom:list"))
    logged_in = staff_client()
    response = logged_in.get(reverse("newsroom:list"))
    assert "X-Page-Cache" not in response


def test_pages_not_named_as_public_are_not_cached(client):
    response = client.get(reverse("healthz"))
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/ingen-sadan-sida/")


def test_a_page_lives_no_longer_than_the_next_scheduled_publication():
    now = timezone.now()
    NewsItemFactory(publish_at=now + datetime.timedelta(seconds=90))
    timeout = page_cache.page_timeout(page_cache.generation(), now=now)
    assert 85 <= timeout <= 90


def test_a_page_lives_no_longer_than_the_next_call_closing():
    now = timezone.now()
    InternshipCallFactory(opens_at=now - datetime.timedelta(days=1),
                          closes_at=now + datetime.timedelta(seconds=120))
    assert 115 <= page_cache.page_timeout(page_cache.generation(), now=now) <= 120


def test_without_scheduled_changes_a_page_lives_page_cache_seconds():
    assert page_cache.page_timeout(page_cache.generation()) == 300


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_cache_can_be_turned_off(client):
    NewsItemFactory()
    client.get(reverse("newsroom:list"))
    assert "X-Page-Cache" not in client.get(reverse("newsroom:list"))


def test_every_sitemap_section_page_holds_at_most_10000_urls():
    for section, sitemap in collect_sitemaps().items():
        per_item = 2 if getattr(sitemap, "i18n", False) else 1
        assert sitemap.limit * per_item <= MAX_URLS_PER_SECTION_PAGE, section


def test_compressed_and_plain_pages_are_stored_apart(client):
    NewsItemFactory()
    url = reverse("newsroom:list")
    client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert compressed["X-Page-Cache"] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    plain = client.get(url)
    assert plain["X-Page-Cache"] == "miss"
    assert "Content-Encoding" not in plain
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_remembered_values_are_dropped_with_the_pages():
    calls = []

    def years():
        calls.append(1)
        return [2026, 2025]

    assert page_cache.remember("years", years) == [2026, 2025]
    assert page_cache.remember("years", years) == [2026, 2025]
    assert len(calls) == 1
    NewsItemFactory()
    page_cache.remember("years", years)
    assert len(calls) == 2


@override_settings(PAGE_CACHE_SECONDS=0)
def test_remembered_values_are_computed_every_time_when_the_cache_is_off():
    calls = []
    page_cache.remember("x", lambda: calls.append(1) or 1)
    page_cache.remember("x", lambda: calls.append(1) or 1)
    assert len(calls) == 2
