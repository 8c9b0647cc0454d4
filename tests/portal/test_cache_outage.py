"""The cache is an optimisation: with Redis away, pages render uncached and nothing fails."""

import socket
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from newsroom.factories import NewsItemFactory
from portal import page_cache
from portal.form_protection import over_limit, purge_old_submissions
from portal.models import FormAttempt
from tests.portal.test_settings import manage

pytestmark = pytest.mark.django_db

REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"


def redis_cache_at(port):
    return {
        "default": {
            "BACKEND": REDIS_BACKEND,
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "socket_connect_timeout": settings.CACHE_TIMEOUT_SECONDS,
                "socket_timeout": settings.CACHE_TIMEOUT_SECONDS,
            },
        }
    }


@pytest.fixture
def nothing_listening():
    """A port where nothing listens: every connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with override_settings(CACHES=redis_cache_at(port), PAGE_CACHE_SECONDS=300):
        yield


@pytest.fixture
def hung_redis():
    """A port that accepts connections and never answers, as a hung Redis would."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        with override_settings(
            CACHES=redis_cache_at(listener.getsockname()[1]), PAGE_CACHE_SECONDS=300
        ):
            yield


@pytest.mark.usefixtures("nothing_listening")
def test_cached_public_pages_render_uncached_when_the_cache_is_down(client):
    NewsItemFactory(title="Nyheten syns ändå")
    response = client.get(reverse("newsroom:list"))
    assert response.status_code == 200
    assert "Nyheten syns ändå" in response.content.decode()
    assert "X-Page-Cache" not in response


@pytest.mark.usefixtures("nothing_listening")
def test_saving_content_while_the_cache_is_down_still_saves():
    item = NewsItemFactory(title="Sparas")
    item.title = "Sparas igen"
    item.save()
    item.refresh_from_db()
    assert item.title == "Sparas igen"


@pytest.mark.usefixtures("nothing_listening")
def test_remember_computes_when_the_cache_is_down():
    assert page_cache.remember("choices", lambda: ["a", "b"]) == ["a", "b"]


@pytest.mark.usefixtures("nothing_listening")
def test_form_limits_count_in_the_database_when_the_cache_is_down(settings):
    settings.FORM_RATE_LIMITS = {"default": {"address": (3, 60), "email": (1, 60)}}
    results = [over_limit("default", "address", "192.0.2.1") for _attempt in range(4)]
    assert results == [False, False, False, True]
    # Another address, and another kind, have counts of their own.
    assert over_limit("default", "address", "192.0.2.2") is False
    assert over_limit("default", "email", "192.0.2.1") is False


@pytest.mark.usefixtures("nothing_listening")
def test_healthz_reports_the_cache_degraded_and_still_answers_200(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.content.decode()
    assert "database: ok" in body
    assert "cache: degraded" in body


def test_healthz_reports_a_working_cache(client):
    body = client.get("/healthz").content.decode()
    assert "cache: ok" in body


@pytest.mark.usefixtures("hung_redis")
def test_a_hung_cache_does_not_hang_a_request(client):
    started = time.monotonic()
    response = client.get(reverse("newsroom:list"))
    assert response.status_code == 200
    # The page asks the cache a few times; each question gives up after the short timeout.
    assert time.monotonic() - started < 10 * settings.CACHE_TIMEOUT_SECONDS + 2


def test_a_redis_cache_from_the_environment_gets_short_timeouts():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['OPTIONS'])",
        DEBUG="1",
        CACHE_URL="redis://127.0.0.1:6379/0",
    )
    assert result.stdout.strip().splitlines()[-1] == (
        "{'socket_connect_timeout': 0.5, 'socket_timeout': 0.5}"
    ), result.stderr


@pytest.mark.usefixtures("nothing_listening")
def test_attempts_counted_in_the_database_are_purged_past_every_limit(settings):
    settings.FORM_RATE_LIMITS = {"default": {"address": (3, 60), "email": (1, 120)}}
    over_limit("default", "address", "192.0.2.1")
    over_limit("default", "address", "192.0.2.2")
    FormAttempt.objects.filter(key__endswith="192.0.2.1").update(
        created=timezone.now() - timedelta(seconds=121)
    )
    purge_old_submissions()
    assert list(FormAttempt.objects.values_list("key", flat=True)) == [
        "formguard:default:address:192.0.2.2"
    ]
