"""Breadcrumbs: every page below the top level shows the trail from the home page down to
itself, in its language; the home page and the top-level pages show none."""

import re

import pytest
from django.utils import translation

from portal.pages.models import Page

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="breadcrumbs" aria-label="([^"]+)">(.*?)</nav>', re.DOTALL)
ITEM = re.compile(r'<li( aria-current="page")?>(?:<a href="([^"]*)">)?(.*?)(?:</a>)?</li>')


def breadcrumbs(client, url):
    """The trail of the page at ``url``: [(label, link or None, is current)], or None."""
    response = client.get(url)
    assert response.status_code == 200
    navs = NAV.findall(response.content.decode())
    if not navs:
        return None
    assert len(navs) == 1
    name, items = navs[0]
    assert name == ("Breadcrumb" if url.startswith("/en/") else "Brödsmulor")
    return [(label, href or None, bool(current)) for current, href, label in ITEM.findall(items)]


def url_in(language, obj):
    with translation.override(language):
        return obj.get_absolute_url()


@pytest.mark.parametrize(
    "url",
    ["/", "/en/", "/nyheter/", "/en/news/", "/besok/", "/praktik/", "/evenemang/",
     "/natverk-och-eu/", "/en/networks-and-eu/", "/om-oss/", "/en/about/"],
)
def test_the_home_page_and_the_top_level_pages_have_no_breadcrumbs(client, url):
    assert breadcrumbs(client, url) is None


def page(parent, title, slug, **fields):
    page = Page(parent=parent, title=title, slug=slug, is_published=True, **fields)
    page.full_clean()
    page.save()
    return page


def test_a_content_page_three_levels_deep_shows_its_ancestors(client):
    about = Page.objects.get(key="about")
    organisation = page(about, "Vår organisation", "var-organisation", menu_title="Organisation",
                        title_en="Our organisation", slug_en="our-organisation")
    board = page(organisation, "Styrelsen", "styrelsen", title_en="The board", slug_en="board")
    assert breadcrumbs(client, "/om-oss/var-organisation/styrelsen/") == [
        ("Start", "/", False),
        (about.menu_label(), "/om-oss/", False),
        ("Organisation", "/om-oss/var-organisation/", False),
        ("Styrelsen", None, True),
    ]
    with translation.override("en"):
        about_label = about.menu_label()
    assert breadcrumbs(client, url_in("en", board)) == [
        ("Home", "/en/", False),
        (about_label, "/en/about/", False),
        ("Our organisation", "/en/about/our-organisation/", False),
        ("The board", None, True),
    ]
