"""The one pagination block: links that keep the filters, in the page's language."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation


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
