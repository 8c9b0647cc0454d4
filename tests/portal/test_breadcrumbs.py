"""Breadcrumbs: every page below the top level shows the trail from the home page down to
itself, in its language; the home page and the top-level pages show none."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from events import services as event_services
from events.factories import EventFactory, RegistrationFactory
from internships import services as internship_services
from internships.factories import ApplicationFactory, InternshipCallFactory
from newsroom.factories import EnglishNewsItemFactory, NewsItemFactory
from portal.pages.models import Page
from relations.factories import AgreementFollowUpFactory, OrganisationFactory
from visits.factories import VisitFactory

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


def test_a_news_item_lies_below_the_news_in_its_language(client):
    swedish = NewsItemFactory(title="Regionen i Bryssel")
    english = EnglishNewsItemFactory(title="The region in Brussels")
    assert breadcrumbs(client, swedish.get_absolute_url()) == [
        ("Startsida", "/", False),
        ("Nyheter", "/nyheter/", False),
        ("Regionen i Bryssel", None, True),
    ]
    assert breadcrumbs(client, url_in("en", english)) == [
        ("Home", "/en/", False),
        ("News", "/en/news/", False),
        ("The region in Brussels", None, True),
    ]


def test_the_newsletter_pages_lie_below_its_archive(client):
    assert breadcrumbs(client, "/nyheter/nyhetsbrev/prenumerera/") == [
        ("Startsida", "/", False),
        ("Nyheter", "/nyheter/", False),
        ("Nyhetsbrev", "/nyheter/nyhetsbrev/arkiv/", False),
        ("Prenumerera på nyhetsbrevet", None, True),
    ]
    assert breadcrumbs(client, "/en/news/newsletter/archive/") == [
        ("Home", "/en/", False),
        ("News", "/en/news/", False),
        ("Newsletters", None, True),
    ]


def test_a_visit_lies_below_the_visits(client):
    visit = VisitFactory(title="Besök från Åbo", title_en="Visit from Turku")
    assert breadcrumbs(client, visit.get_absolute_url()) == [
        ("Startsida", "/", False),
        ("Besök", "/besok/", False),
        ("Besök från Åbo", None, True),
    ]
    assert breadcrumbs(client, url_in("en", visit)) == [
        ("Home", "/en/", False),
        ("Visits", "/en/visits/", False),
        ("Visit from Turku", None, True),
    ]


def test_the_application_form_lies_below_its_call(client):
    call = InternshipCallFactory(title="Praktik i Bryssel", title_en="Internship in Brussels")
    assert breadcrumbs(client, f"{call.get_absolute_url()}ansok/") == [
        ("Startsida", "/", False),
        ("Praktik", "/praktik/", False),
        ("Praktik i Bryssel", call.get_absolute_url(), False),
        ("Ansök", None, True),
    ]
    english = url_in("en", call)
    assert breadcrumbs(client, english) == [
        ("Home", "/en/", False),
        ("Internships", "/en/internships/", False),
        ("Internship in Brussels", None, True),
    ]


def test_the_registration_form_lies_below_its_event(client):
    event = EventFactory(title="Seminarium om hav", title_en="Seminar on the sea")
    english = url_in("en", event)
    assert breadcrumbs(client, event.get_absolute_url()) == [
        ("Startsida", "/", False),
        ("Evenemang", "/evenemang/", False),
        ("Seminarium om hav", None, True),
    ]
    assert breadcrumbs(client, f"{english}register/") == [
        ("Home", "/en/", False),
        ("Events", "/en/events/", False),
        ("Seminar on the sea", english, False),
        ("Registration", None, True),
    ]


def test_the_relations_pages_lie_below_the_index_and_their_lists(client):
    organisation = OrganisationFactory(name="Nätverket", name_en="The network")
    assert breadcrumbs(client, url_in("en", organisation)) == [
        ("Home", "/en/", False),
        ("Networks and EU", "/en/networks-and-eu/", False),
        ("Networks and organisations", "/en/networks-and-eu/organisations/", False),
        ("The network", None, True),
    ]
    follow_up = AgreementFollowUpFactory(agreement__title="Avtalet", year=2024)
    agreement = follow_up.agreement
    assert breadcrumbs(client, url_in("sv", follow_up)) == [
        ("Startsida", "/", False),
        ("Nätverk och EU", "/natverk-och-eu/", False),
        ("Överenskommelser", "/natverk-och-eu/overenskommelser/", False),
        ("Avtalet", url_in("sv", agreement), False),
        ("Uppföljning 2024", None, True),
    ]


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
        ("Startsida", "/", False),
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


def test_the_pages_that_mails_link_to_lie_below_their_event_or_call(client):
    registration = RegistrationFactory(event=EventFactory(title="Seminarium om hav"))
    event = registration.event
    manage = reverse("events:manage", args=[event_services.manage_token(registration)])
    assert breadcrumbs(client, manage)[-2:] == [
        ("Seminarium om hav", event.get_absolute_url(), False),
        ("Din anmälan", None, True),
    ]
    receipt = event_services.Receipt(event.pk, registration.reference, registration.status)
    assert breadcrumbs(
        client, reverse("events:receipt", args=[event_services.receipt_token(receipt)])
    )[-1] == ("Kvitto", None, True)

    application = ApplicationFactory(call=InternshipCallFactory(title="Praktik i Bryssel"))
    call = application.call
    receipt = reverse("internships:receipt", args=[
        internship_services.receipt_token(call, application.reference)
    ])
    assert breadcrumbs(client, receipt)[1:] == [
        ("Praktik", "/praktik/", False),
        ("Praktik i Bryssel", call.get_absolute_url(), False),
        ("Kvitto", None, True),
    ]
    withdraw = reverse("internships:withdraw", args=[
        internship_services.withdraw_token(application)
    ])
    assert breadcrumbs(client, withdraw)[-1] == ("Återkalla ansökan", None, True)
