import logging
import sys
from datetime import UTC, timedelta

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from config.registry import app_modules
from portal import search
from portal.context_processors import site
from portal.links import absolute_url
from portal.page_cache import CACHE_ERRORS
from portal.pages.models import HOME, Page

logger = logging.getLogger("portal")

HEALTH_KEY = "healthz"


class HomeView(TemplateView):
    """The home page: the unit in brief (the editors' page with the key "home"), then one
    section from each app that has content."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = []
        for module in app_modules("home"):
            section = module.home_section(self.request)
            if section:
                sections.append(section)
        context["sections"] = sections
        context["introduction"] = Page.objects.filter(key=HOME).first()
        return context


def page_not_found(request, exception):
    # No hreflang alternates: the other language has no such page either.
    return render(request, "404.html", {"alternates": {}}, status=404)


def server_error(request):
    """500, or 503 when the database is out of reach: the site recovers by itself then.

    Rendered without context processors, since the session and the messages they read may
    live in the very database that failed.
    """
    failure = sys.exc_info()[1]
    if isinstance(failure, OperationalError | InterfaceError):
        logger.error("The database is unavailable: %s", failure)
        template, status = "503.html", 503
    else:
        template, status = "500.html", 500
    context = {"request": request, **site(request), "alternates": {}}
    response = HttpResponse(loader.get_template(template).render(context), status=status)
    if status == 503:
        response["Retry-After"] = "30"
    return response


def security_txt(request):
    """RFC 9116: where to report a vulnerability; valid for half a year from today."""
    expires = timezone.now().replace(microsecond=0) + timedelta(days=180)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: sv, en",
        f"Canonical: {absolute_url('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
def bench_baseline(request):
    """The benchmark's yardstick: no query, no template; on only with BENCH_BASELINE=1."""
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def healthz(request):
    """For the load balancer: 503 when the database does not answer a query, else 200.

    The cache is an optimisation: when it does not answer, the body says "cache: degraded"
    and the answer is still 200, since the site works without it (portal/page_cache.py).
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return HttpResponse("database: unavailable\n", status=503, content_type="text/plain")
    try:
        cache.get(HEALTH_KEY)
    except CACHE_ERRORS:
        logger.warning("Health check: the cache does not answer")
        cache_state = "degraded"
    else:
        cache_state = "ok"
    return HttpResponse(f"database: ok\ncache: {cache_state}\n", content_type="text/plain")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Sök på webbplatsen"),
        max_length=search.MAX_QUERY_LENGTH,
        required=False,
        widget=forms.SearchInput,
        error_messages={"max_length": _(
            "Sökningen får vara högst %(limit_value)d tecken lång (den är %(show_value)d). "
            "Korta den och sök igen."
        )},
    )
    typ = forms.ChoiceField(
        label=_("Visa"),
        required=False,
        error_messages={"invalid_choice": _("Välj en av typerna i listan.")},
    )

    def __init__(self, *args, searchables, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["typ"].choices = [("", _("Allt")), *(
            (searchable.key, searchable.label) for searchable in searchables
        )]


class SearchView(TemplateView):
    """``/sok/``: news, pages, documents, events and the rest at once, grouped by type, or one
    type page by page (``?typ=nyheter``)."""

    template_name = "portal/search.html"
    paginate_by = 20
    # How many results of each type the grouped page shows.
    per_group = 3

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        searchables = search.searchables()
        form = SearchForm(self.request.GET or None, searchables=searchables)
        context["form"] = form
        if not form.is_valid() or not search.normalize(form.cleaned_data["q"]):
            return context
        words = search.Search(form.cleaned_data["q"], translation.get_language())
        chosen = form.cleaned_data["typ"]
        # Each type's best few on the grouped page; every ranked match of the chosen type.
        keep = {chosen: search.CANDIDATES} if chosen else {
            item.key: self.per_group for item in searchables
        }
        tallies = words.tally(words.public(searchables), keep)
        context.update(
            query=words.text,
            chosen=chosen,
            types=[(item, tallies[item.key].count) for item in searchables],
            total=sum(tally.count for tally in tallies.values()),
            capped_at=search.CANDIDATES,
        )
        if chosen:
            searchable = next(item for item in searchables if item.key == chosen)
            paginator = Paginator(
                search.RankedResults(words, searchable, tallies[chosen].keys), self.paginate_by
            )
            # Like the lists: a mistyped or outdated page number shows a page, not an error.
            page = paginator.get_page(self.request.GET.get("page"))
            context.update(
                searchable=searchable, page_obj=page, is_paginated=page.has_other_pages(),
                results=page.object_list,
            )
        else:
            context["groups"] = [
                (item, tallies[item.key].count, words.results(item, tallies[item.key].keys))
                for item in searchables if tallies[item.key].count
            ]
        if not context["total"]:
            context["suggestion"] = words.suggestion(searchables)
        return context
