"""The pages the benchmark measures, and a query count for each (runs inside Django).

``python -m bench.pages list`` prints the pages as JSON (name, path, kind);
``python -m bench.pages queries`` renders each page with the test client, without the page
cache, and prints the SQL queries per request and the median render time.
Both read the database of DATABASE_URL, which ``bench/run.py`` points at the bench database.
"""

import contextlib
import json
import os
import statistics
import sys
import time

import django

# Pages with a form carry a CSRF token: rendered every time, with their own target.
FORM_KINDS = {"search", "form"}


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


def pages():
    """[{"name", "path", "kind"}]: kind is page, search, form, feed, sitemap, baseline, static."""
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone, translation

    from internships.models import InternshipCall
    from newsroom.models import NewsItem

    translation.activate(settings.LANGUAGE_CODE)
    published = NewsItem.objects.published().in_language(settings.LANGUAGE_CODE)
    count = published.count()
    deep_page = max(1, int(count / 10 * 0.9))
    # A news item from the middle of the archive, with topics (so related news shows).
    middle = published.filter(topics__isnull=False).order_by("-publish_at", "-pk")
    item = middle[min(count // 2, middle.count() - 1)] if middle.exists() else published.first()
    open_call = InternshipCall.objects.open(timezone.now()).order_by("closes_at").first()

    result = [
        {"name": "baseline (trivial view)", "path": "/bench/baseline", "kind": "baseline"},
        {"name": "static file (CSS)", "path": staticfiles_storage.url("css/site.css"),
         "kind": "static"},
        {"name": "home", "path": reverse("home"), "kind": "page"},
        {"name": "news list, page 1", "path": reverse("newsroom:list"), "kind": "page"},
        {"name": f"news list, page {deep_page}",
         "path": f"{reverse('newsroom:list')}?page={deep_page}", "kind": "page"},
        {"name": "news search", "path": f"{reverse('newsroom:list')}?q=Havport",
         "kind": "search"},
        {"name": "news item", "path": item.get_absolute_url(), "kind": "page"},
        {"name": "news RSS feed", "path": reverse("newsroom:feed-rss"), "kind": "feed"},
        {"name": "internship calls", "path": reverse("internships:list"), "kind": "page"},
    ]
    if open_call:
        result += [
            {"name": "open call", "path": open_call.get_absolute_url(), "kind": "page"},
            {"name": "application form", "path": open_call.get_apply_url(), "kind": "form"},
        ]
    result += [
        {"name": "visits", "path": reverse("visits:list"), "kind": "page"},
        {"name": "visits calendar (.ics)", "path": reverse("visits:calendar"), "kind": "feed"},
        {"name": "organisations", "path": reverse("relations:organisation-list"),
         "kind": "page"},
        {"name": "sitemap index", "path": reverse("sitemap"), "kind": "sitemap"},
        {"name": "sitemap: news items, section 1",
         "path": reverse("sitemap-section", kwargs={"section": "news-items"}),
         "kind": "sitemap"},
    ]
    with contextlib.suppress(NoReverseMatch):
        result.append(
            {"name": "newsletter sign-up form", "path": reverse("newsroom:subscribe"),
             "kind": "form"}
        )
    return result


def count_queries(page_list, renders=5):
    """Queries per request and median render time (ms) of each page, page cache off."""
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # Django empties the query log as each request starts; the count needs all of it.
    request_started.disconnect(reset_queries)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    results = {}
    for page in page_list:
        client.get(page["path"])  # warm: templates compiled, connection open
        timings = []
        started_at = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page["path"])
        query_count = len(captured)
        # A page that takes seconds is timed once: its median would not tell more.
        for _ in range(renders if time.perf_counter() - started_at < 1 else 1):
            started = time.perf_counter()
            client.get(page["path"])
            timings.append((time.perf_counter() - started) * 1000)
        results[page["path"]] = {
            "status": response.status_code,
            "queries": query_count,
            "render_ms": round(statistics.median(timings), 1),
        }
    return results


def main(argv):
    _setup()
    if argv[1:] == ["list"]:
        print(json.dumps(pages()))
    elif argv[1:] == ["queries"]:
        page_list = json.loads(sys.stdin.read())
        print(json.dumps(count_queries(page_list)))
    else:
        raise SystemExit("usage: python -m bench.pages list|queries")


if __name__ == "__main__":
    main(sys.argv)
