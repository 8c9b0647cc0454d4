"""The pages the benchmark measures, and a query count for each (runs inside Django).

``python -m bench.pages list`` prints the pages as JSON (name, path, kind);
``python -m bench.pages queries`` renders each page with the test client, without the page
cache, and prints the SQL queries per request and the median render time.
Both read the database of DATABASE_URL, which ``bench/run.py`` points at the bench database.
"""

import contextlib
import itertools
import json
import os
import random
import statistics
import sys
import time
from urllib.parse import urlencode

import django

# Pages with a form carry a CSRF token: rendered every time, with their own target.
FORM_KINDS = {"search", "form"}
# Each search page is driven with this many different queries of its kind, so that no cache
# of any sort can answer a request from an earlier one.
QUERIES_PER_KIND = 1000


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


def pages():
    """[{"name", "path", "kind"}]: kind is page, search, form, feed, sitemap, baseline, static."""
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone, translation

    from events.models import Event
    from internships.models import InternshipCall
    from newsroom.models import NewsItem

    translation.activate(settings.LANGUAGE_CODE)
    published = NewsItem.objects.published().in_language(settings.LANGUAGE_CODE)
    count = published.count()
    # The deepest page the list offers (it pages at most BoundedPaginator.max_items items).
    from portal.pagination import BoundedPaginator

    deep_page = max(1, min(count, BoundedPaginator.max_items) // 10)
    # A news item from the middle of the archive, with topics (so related news shows).
    middle = published.filter(topics__isnull=False).order_by("-publish_at", "-pk")
    item = middle[min(count // 2, middle.count() - 1)] if middle.exists() else published.first()
    open_call = InternshipCall.objects.open(timezone.now()).order_by("closes_at").first()
    # An event that takes registrations, so that its form is the form and not "closed".
    coming_event = next(
        (event for event in Event.objects.published().upcoming()[:200]
         if event.accepts_registrations),
        None,
    )

    def page(key, name, path, kind="page"):
        return {"key": key, "name": name, "path": path, "kind": kind}

    news_list = reverse("newsroom:list")
    result = [
        page("baseline", "baseline (trivial view)", "/bench/baseline", "baseline"),
        page("static", "static file (CSS)", staticfiles_storage.url("css/site.css"), "static"),
        page("home", "home", reverse("home")),
        page("news-list", "news list, page 1", news_list),
        page("news-list-deep", f"news list, page {deep_page}", f"{news_list}?page={deep_page}"),
        *search_pages(page),
        page("news-item", "news item", item.get_absolute_url()),
        page("news-feed", "news RSS feed", reverse("newsroom:feed-rss"), "feed"),
        page("calls", "internship calls", reverse("internships:list")),
    ]
    if open_call:
        result += [
            page("open-call", "open call", open_call.get_absolute_url()),
            page("apply-form", "application form", open_call.get_apply_url(), "form"),
        ]
    result += [
        page("visits", "visits", reverse("visits:list")),
        page("visits-ics", "visits calendar (.ics)", reverse("visits:calendar"), "feed"),
        page("events", "events", reverse("events:list")),
    ]
    if coming_event:
        result += [
            page("event", "coming event", coming_event.get_absolute_url()),
            page("register-form", "event registration form", coming_event.get_register_url(),
                 "form"),
        ]
    result += [
        page("organisations", "organisations", reverse("relations:organisation-list")),
        page("sitemap", "sitemap index", reverse("sitemap"), "sitemap"),
        page("sitemap-news", "sitemap: news items, section 1",
             reverse("sitemap-section", kwargs={"section": "news-items"}), "sitemap"),
    ]
    with contextlib.suppress(NoReverseMatch):
        result.append(page("subscribe-form", "newsletter sign-up form",
                           reverse("newsroom:subscribe"), "form"))
    return result


def search_queries(count=QUERIES_PER_KIND, seed=2026):
    """``count`` different search texts of each kind, from the words the seeder writes.

    - common: the subjects and objects of the generated sentences, each in about half of the
      archive, typed in different ways (case, punctuation, quotes): the same work for the
      database, a different text for every cache;
    - rare: the project names, each in about one item in four hundred;
    - two words: a common word and a project name;
    - misspelled: a project name with a letter dropped, doubled or two letters swapped.
    """
    from newsroom.scale import PROJECT_NAMES
    from portal.scale import OBJECTS_SV, SUBJECTS_SV

    rng = random.Random(seed)
    common_words = sorted({
        word.strip(".,")
        for phrase in SUBJECTS_SV + OBJECTS_SV for word in phrase.split() if len(word) > 4
    })

    def typed(word):
        return [
            f"{quote}{case}{mark}{quote}"
            for case in (word.lower(), word.capitalize(), word.upper())
            for mark in ("", "?", "!", ".", ",", ":")
            for quote in ("", '"', "+")
        ]

    def misspelled(name):
        letters = list(name.lower())
        variants = set()
        for position in range(1, len(letters) - 1):
            variants.add("".join(letters[:position] + letters[position + 1:]))
            variants.add("".join(letters[:position] + [letters[position]] + letters[position:]))
            swapped = letters.copy()
            swapped[position], swapped[position + 1] = swapped[position + 1], swapped[position]
            variants.add("".join(swapped))
        return sorted(variants - {name.lower()})

    def pick(candidates):
        candidates = sorted(set(candidates))
        return rng.sample(candidates, min(count, len(candidates)))

    return {
        "common": pick(itertools.chain.from_iterable(typed(word) for word in common_words)),
        "rare": pick(itertools.chain.from_iterable(
            (name, name.lower(), name.upper()) for name in PROJECT_NAMES
        )),
        "two words": pick(
            f"{word.lower()} {name}" for word in common_words for name in PROJECT_NAMES
        ),
        "misspelled": pick(itertools.chain.from_iterable(
            misspelled(name) for name in PROJECT_NAMES
        )),
    }


def search_pages(page):
    """The search pages: site search and news search, one page per kind of query, each with
    ``paths``, the addresses wrk picks from at random."""
    from django.urls import reverse

    result = []
    for kind, texts in search_queries().items():
        for key, name, address in [
            ("site-search", "site search", reverse("search")),
            ("news-search", "news search", reverse("newsroom:list")),
        ]:
            paths = [f"{address}?{urlencode({'q': text})}" for text in texts]
            entry = page(f"{key}-{kind.replace(' ', '-')}", f"{name}: {kind}", paths[0],
                         "search")
            entry["paths"] = paths
            result.append(entry)
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
