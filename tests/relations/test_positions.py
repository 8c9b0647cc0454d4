"""Positions and consultation responses: admin, the filtered list, topic pages and the feed."""

import datetime

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from internships.samples import minimal_pdf
from portal.media.documents import Document
from relations.factories import PositionFactory, TopicFactory
from relations.models import Position
from relations.roles import RELATIONS_OFFICERS

pytestmark = pytest.mark.django_db

LIST = "/natverk-och-eu/standpunkter/"


def position_form(**overrides):
    data = {
        "kind": Position.Kind.CONSULTATION_RESPONSE,
        "title": "Remissvar om regionalpolitiken",
        "title_en": "",
        "slug": "remissvar-regionalpolitiken",
        "date": "2025-03-14",
        "addressee": "Regeringskansliet, Landsbygds- och infrastrukturdepartementet",
        "addressee_en": "",
        "case_number": "LI2025/01234",
        "summary": "Regionen tillstyrker förslaget.",
        "summary_en": "",
    }
    data.update(overrides)
    return data


def test_relations_officer_adds_a_consultation_response(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    document = Document.objects.create(
        file=ContentFile(minimal_pdf(["Remissvar"]), name="remissvar.pdf"), title="Remissvar"
    )
    response = client.post(
        reverse("admin:relations_position_add"), position_form(documents=[document.pk])
    )
    assert response.status_code == 302
    assert Position.objects.get().case_number == "LI2025/01234"


def test_a_position_without_a_date_is_refused(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    response = client.post(reverse("admin:relations_position_add"), position_form(date=""))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["date"] == ["Detta fält måste fyllas i."]
    assert not Position.objects.exists()


@pytest.fixture
def positions():
    transport = TopicFactory(slug="transport", name="Transport")
    cohesion = TopicFactory(slug="sammanhallning", name="Sammanhållningspolitik")
    PositionFactory(title="Svar om transportplanen", date=datetime.date(2025, 3, 1)).topics.add(
        transport
    )
    PositionFactory(
        title="Ståndpunkt om sammanhållningspolitiken",
        kind=Position.Kind.POSITION_PAPER,
        date=datetime.date(2024, 6, 1),
        addressee="Europeiska kommissionen",
    ).topics.add(cohesion)
    return {"transport": transport}


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("", ["Svar om transportplanen", "Ståndpunkt om sammanhållningspolitiken"]),
        ("?kind=position_paper", ["Ståndpunkt om sammanhållningspolitiken"]),
        ("?topic=transport", ["Svar om transportplanen"]),
        ("?year=2024", ["Ståndpunkt om sammanhållningspolitiken"]),
        ("?year=2025&kind=position_paper", []),
        # An unknown value is named in the form and ignored, never an error page.
        ("?year=1999", ["Svar om transportplanen", "Ståndpunkt om sammanhållningspolitiken"]),
    ],
)
def test_the_list_filters_by_type_topic_and_year(client, positions, query, shown):
    response = client.get(LIST + query)
    assert response.status_code == 200
    assert [p.title for p in response.context["object_list"]] == shown


def test_a_positions_page_and_its_topic_page(client, positions):
    position = Position.objects.get(title="Svar om transportplanen")
    page = client.get(position.get_absolute_url()).content.decode()
    assert "Fi2025/00123" in page and "Regeringskansliet" in page
    topic_page = client.get(positions["transport"].get_absolute_url()).content.decode()
    assert "Svar om transportplanen" in topic_page
    assert "Ståndpunkt om sammanhållningspolitiken" not in topic_page
    assert f"{LIST}?topic=transport" in topic_page


def test_the_feed_lists_positions_newest_first_with_absolute_links(client, positions):
    response = client.get("/natverk-och-eu/standpunkter/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == [
        "Svar om transportplanen",
        "Ståndpunkt om sammanhållningspolitiken",
    ]
    assert feed.entries[0].link.startswith("http")
    assert "remissvar" in [tag.term for tag in feed.entries[0].tags]
    listing = client.get(LIST).content.decode()
    assert 'type="application/rss+xml"' in listing
    english = client.get("/en/networks-and-eu/positions/rss/")
    assert english.status_code == 200


def test_positions_are_in_the_sitemap(client, positions):
    xml = client.get("/sitemap-relations-positions.xml").content.decode()
    # Each position in Swedish and in English.
    assert xml.count("<loc>") == 2 * Position.objects.count()
    assert LIST in client.get("/sitemap-relations.xml").content.decode()


def test_a_position_without_a_document_is_refused_at_the_field(staff_client):
    from relations.models import Position
    from relations.roles import RELATIONS_OFFICERS

    client = staff_client(RELATIONS_OFFICERS)
    response = client.post(
        "/admin/relations/position/add/",
        {
            "kind": Position._meta.get_field("kind").choices[0][0],
            "title": "Remissvar om sammanhållningspolitiken",
            "slug": "remissvar-sammanhallning",
            "date": "2026-11-20",
            "summary": "Regionen svarar.",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["documents"] == ["Bifoga ställningstagandet eller remissvaret som dokument."]
    assert not Position.objects.filter(slug="remissvar-sammanhallning").exists()
