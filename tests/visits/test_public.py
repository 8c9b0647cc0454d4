"""Public pages: only public, confirmed or completed visits; nothing internal, no personal data."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from relations.factories import OrganisationFactory, TopicFactory
from visits.factories import ParticipantFactory, ProgrammeItemFactory, VisitFactory, in_days
from visits.models import Visit

pytestmark = pytest.mark.django_db
S = Visit.Status


@pytest.fixture
def visits():
    """One visit of each kind that must or must not show, with secrets attached to each."""
    public = VisitFactory(title="Offentligt besök", title_en="Public visit")
    ProgrammeItemFactory(visit=public, activity="Öppet seminarium", is_public=True)
    ProgrammeItemFactory(visit=public, activity="Hemlig middag", is_public=False)
    ParticipantFactory(visit=public, name="Personuppgift Persson", email="pp@example.se",
                       dietary_needs="Glutenfri kost")
    past = VisitFactory(
        title="Genomfört besök", status=S.COMPLETED, starts_at=in_days(-10),
        ends_at=in_days(-9), summary="Sammanfattning efteråt.", summary_en="Summary afterwards.",
    )
    internal = VisitFactory(title="Internt besök", visibility=Visit.Visibility.INTERNAL)
    planning = VisitFactory(title="Planerat besök", status=S.PLANNING)
    requested = VisitFactory(title="Förfrågat besök", status=S.REQUESTED,
                             requester_email="requester@example.se")
    cancelled = VisitFactory(title="Inställt besök", status=S.CANCELLED)
    return {"public": public, "past": past, "hidden": [internal, planning, requested, cancelled]}


SECRETS = ["Hemlig middag", "Personuppgift Persson", "pp@example.se", "Glutenfri kost",
           "requester@example.se"]


def assert_nothing_hidden(content, visits):
    text = content.decode()
    for visit in visits["hidden"]:
        assert visit.title not in text
        assert visit.slug not in text
    for secret in SECRETS:
        assert secret not in text


def test_list_shows_upcoming_and_past_public_visits_only(client, visits):
    response = client.get(reverse("visits:list"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Offentligt besök" in text and "Genomfört besök" in text
    assert text.index("Kommande besök") < text.index("Tidigare besök")
    assert 'type="text/calendar"' in text
    assert "csrfmiddlewaretoken" not in text
    assert_nothing_hidden(response.content, visits)


def test_hidden_visits_have_no_detail_page(client, visits):
    for visit in visits["hidden"]:
        assert client.get(visit.get_absolute_url()).status_code == 404
        assert client.get(reverse("visits:visit-ics", args=[visit.slug])).status_code == 404


def test_detail_shows_public_programme_only_and_no_participants(client, visits):
    response = client.get(visits["public"].get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Öppet seminarium" in text
    assert_nothing_hidden(response.content, visits)
    assert "csrfmiddlewaretoken" not in text


def test_summary_shows_after_the_visit_in_the_page_language(client, visits):
    past = visits["past"]
    assert "Sammanfattning efteråt." in client.get(past.get_absolute_url()).content.decode()
    english = client.get("/en" + past.get_absolute_url().replace("/besok/", "/visits/"))
    assert english.status_code == 200
    assert "Summary afterwards." in english.content.decode()
    upcoming = visits["public"]
    upcoming.summary = "Skriven för tidigt."
    upcoming.save()
    assert "Skriven för tidigt." not in client.get(upcoming.get_absolute_url()).content.decode()


def test_event_json_ld_is_valid_and_escaped(client):
    visit = VisitFactory(title="Besök </script><b>&", purpose="<script>alert(1)</script> & mer")
    text = client.get(visit.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert len(blocks) == 1
    raw = blocks[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["name"] == "Besök </script><b>&"
    assert data["startDate"].startswith(str(visit.starts_at.astimezone().year))
    assert "endDate" in data and data["location"]["address"]["addressCountry"] == "SE"


@pytest.mark.parametrize(
    "query",
    ["?page=abc", "?page=99999", "?page=-1", "?direction=sideways", "?country=XX",
     "?year=abc", "?year=1800", "?topic=finns-inte", "?topic=1&country=%00"],
)
def test_bad_filter_and_page_input_is_safe(client, visits, query):
    response = client.get(reverse("visits:list") + query)
    assert response.status_code == 200
    assert_nothing_hidden(response.content, visits)


def test_filters(client, visits):
    topic = TopicFactory(slug="transport")
    outgoing = VisitFactory(title="Delegationsresa till Bryssel", direction="outgoing",
                            country="BE", starts_at=in_days(400), ends_at=in_days(401))
    outgoing.topics.add(topic)
    url = reverse("visits:list")

    text = client.get(url + "?direction=outgoing").content.decode()
    assert "Delegationsresa till Bryssel" in text and "Offentligt besök" not in text

    text = client.get(url + "?country=BE").content.decode()
    assert "Delegationsresa till Bryssel" in text and "Offentligt besök" not in text

    year = in_days(400).year
    text = client.get(url + f"?year={year}").content.decode()
    assert "Delegationsresa till Bryssel" in text

    text = client.get(url + "?topic=transport").content.decode()
    assert "Delegationsresa till Bryssel" in text and "Genomfört besök" not in text


def test_pagination_keeps_the_filters(client):
    for number in range(25):
        VisitFactory(title=f"Besök nummer {number}", starts_at=in_days(number + 1),
                     ends_at=in_days(number + 1, 15))
    text = client.get(reverse("visits:list") + "?direction=incoming").content.decode()
    assert "direction=incoming&amp;page=2" in text
    second = client.get(reverse("visits:list") + "?direction=incoming&page=2")
    assert "Besök nummer 24" in second.content.decode()


def test_the_pages_of_the_list_keep_its_order_through_equal_start_times(client):
    for day in range(-12, 13):
        for _twin in range(2):
            status = S.COMPLETED if day < 0 else S.CONFIRMED
            VisitFactory(status=status, starts_at=in_days(day), ends_at=in_days(day, 15))
    expected = list(Visit.objects.public().upcoming_then_past().values_list("pk", flat=True))

    shown = []
    for number in (1, 2, 3):
        page = client.get(reverse("visits:list"), {"page": number}).context["page_obj"]
        shown += [visit.pk for visit in page]
    assert shown == expected and len(shown) == 50


def test_the_filters_offer_what_public_visits_have(client, visits):
    visits["public"].topics.add(TopicFactory(slug="transport"))
    hidden = VisitFactory(country="JP", visibility=Visit.Visibility.INTERNAL)
    hidden.topics.add(TopicFactory(slug="hemlig"))
    VisitFactory(country="BE", starts_at=in_days(400), ends_at=in_days(401))

    form = client.get(reverse("visits:list")).context["filter"].form
    assert [topic.slug for topic in form.fields["topic"].queryset] == ["transport"]
    assert [code for code, _name in form.fields["country"].choices if code] == ["BE", "FI"]


def test_english_pages(client, visits):
    response = client.get("/en/visits/")
    assert response.status_code == 200
    assert "Public visit" in response.content.decode()


def test_home_page_shows_upcoming_public_visits(client, visits):
    text = client.get("/").content.decode()
    assert "Offentligt besök" in text
    assert "Genomfört besök" not in text  # past
    assert_nothing_hidden(text.encode(), visits)


def test_home_section_absent_without_upcoming_visits(client):
    from visits.home import home_section

    assert home_section(None) is None


def test_related_sections_for_topic_and_organisation(visits):
    from visits.related import sections

    topic = TopicFactory()
    organisation = OrganisationFactory()
    public = visits["public"]
    public.topics.add(topic)
    public.organisation = organisation
    public.save()
    for hidden in visits["hidden"]:
        hidden.topics.add(topic)
        hidden.organisation = organisation
        hidden.save()

    for obj in (topic, organisation):
        [section] = sections(obj)
        assert section["template"] == "visits/related_section.html"
        assert section["visits"] == [public]
    assert sections(TopicFactory()) == []
    assert sections(object()) == []


def test_sitemap_lists_public_visits_in_both_languages_only(client, visits):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    if "<sitemapindex" in text:
        locations = re.findall(r"<loc>http://testserver(.*?)</loc>", text)
        text = "".join(client.get(location).content.decode() for location in locations)
    assert f"http://testserver{visits['public'].get_absolute_url()}" in text
    assert f"http://testserver/en/visits/{visits['public'].slug}/" in text
    assert "http://testserver/besok/" in text and "http://testserver/en/visits/" in text
    assert "http://testserver/besok/begar-besok/" in text
    for visit in visits["hidden"]:
        assert visit.slug not in text


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ((2030, 3, 4), (2030, 3, 4), '"2030-03-04T09:00:00+01:00">4 mars 2030 kl. 9–17'),
        ((2030, 3, 4), (2030, 3, 6), ">4–6 mars 2030</time>"),
        ((2030, 3, 30), (2030, 4, 2), ">30 mars – 2 april 2030</time>"),
        ((2030, 12, 30), (2031, 1, 2), ">30 december 2030 – 2 januari 2031</time>"),
    ],
)
def test_date_ranges_read_naturally(client, start, end, shown):
    import datetime

    from visits.models import local_datetime

    visit = VisitFactory(starts_at=local_datetime(datetime.date(*start), 9),
                         ends_at=local_datetime(datetime.date(*end), 17))
    assert shown in client.get(visit.get_absolute_url()).content.decode()


def test_english_list_names_topics_and_cities_in_english(client):
    topic = TopicFactory(name="Transport och infrastruktur", name_en="Transport and infrastructure")
    visit = VisitFactory(city="Göteborg", city_en="Gothenburg")
    visit.topics.add(topic)
    text = client.get("/en/visits/").content.decode()
    assert ">Transport and infrastructure</option>" in text
    assert "Gothenburg" in text
    assert "Transport och infrastruktur" not in text and "Göteborg" not in text


def test_hosts_titles_are_in_the_page_language(client):
    visit = VisitFactory(hosts="Johan Berg, regionråd",
                         hosts_en="Johan Berg, Regional Executive Councillor")
    swedish = client.get(visit.get_absolute_url()).content.decode()
    assert "Johan Berg, regionråd" in swedish
    with translation.override("en"):
        english = client.get(visit.get_absolute_url()).content.decode()
    assert "Johan Berg, Regional Executive Councillor" in english and "regionråd" not in english
    untranslated = VisitFactory(hosts="Anna Andersson, regionråd")
    with translation.override("en"):
        fallback = client.get(untranslated.get_absolute_url()).content.decode()
    assert "Anna Andersson, regionråd" in fallback
