"""The public pages: list with filters, the event's page with its structured data, the
calendars, the feed, the sitemap, and the sections on the home and topic pages."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.factories import EventFactory, RegistrationFactory
from events.models import Event
from relations.factories import OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html,
                                re.S).group(1))


def test_coming_events_first_then_the_archive(client):
    now = timezone.now()
    later = EventFactory(title="Senare", starts_at=now + timedelta(days=20))
    sooner = EventFactory(title="Snart", starts_at=now + timedelta(days=2))
    past = EventFactory(title="Förr", starts_at=now - timedelta(days=30),
                        registration_opens_at=now - timedelta(days=60),
                        registration_closes_at=now - timedelta(days=31))
    EventFactory(title="Utkast", status=Event.Status.DRAFT)
    EventFactory(title="Schemalagt", publish_at=now + timedelta(days=1))

    response = client.get(reverse("events:list"))
    assert [event.pk for event in response.context["events"]] == [sooner.pk, later.pk, past.pk]
    html = response.content.decode()
    assert html.index("Kommande evenemang") < html.index("Snart") < html.index("Senare")
    assert html.index("Tidigare evenemang") < html.index("Förr")
    assert "Utkast" not in html and "Schemalagt" not in html
    assert 'type="application/rss+xml"' in html


def test_the_pages_of_the_list_keep_its_order_through_equal_start_times(client):
    now = timezone.now()
    closed = {"registration_opens_at": now - timedelta(days=90),
              "registration_closes_at": now - timedelta(days=61)}
    for day in range(-12, 13):
        starts_at = now + timedelta(days=day - 0.5 if day < 0 else day)
        for _twin in range(2):
            EventFactory(starts_at=starts_at, **(closed if day < 0 else {}))
    expected = list(Event.objects.published().upcoming_then_past().values_list("pk", flat=True))

    shown = []
    for number in (1, 2, 3):
        page = client.get(reverse("events:list"), {"page": number}).context["page_obj"]
        shown += [event.pk for event in page]
    assert shown == expected and len(shown) == 50


def test_filters_by_type_topic_and_month(client):
    topic = TopicFactory(slug="valet")
    seminar = EventFactory(title="Seminariet", starts_at=timezone.now() + timedelta(days=40))
    seminar.topics.add(topic)
    EventFactory(title="Utbildningen", kind=Event.Kind.TRAINING)
    EventFactory(status=Event.Status.DRAFT).topics.add(TopicFactory(slug="hemlig"))
    month = timezone.localtime(seminar.starts_at).strftime("%Y-%m")
    url = reverse("events:list")

    assert [e.title for e in client.get(url, {"kind": "seminar"}).context["events"]] == [
        "Seminariet"]
    assert [e.title for e in client.get(url, {"topic": "valet"}).context["events"]] == [
        "Seminariet"]
    assert "Seminariet" in [e.title for e in client.get(url, {"month": month}).context["events"]]
    offered = client.get(url).context["filter"].form.fields["topic"].queryset
    assert [topic.slug for topic in offered] == ["valet"]
    # Unknown values are ignored and named at their field, never an error page.
    response = client.get(url, {"kind": "konsert", "month": "nonsens", "topic": "okand"})
    assert response.status_code == 200
    assert len(response.context["events"]) == 2


def test_places_left_and_fully_booked_are_shown_honestly(client):
    event = EventFactory(title="Få platser", capacity=3)
    RegistrationFactory(event=event)
    full = EventFactory(title="Fullt", capacity=1)
    RegistrationFactory(event=full)
    closed = EventFactory(title="Fullt utan kö", capacity=1, waiting_list=False)
    RegistrationFactory(event=closed)

    html = client.get(reverse("events:list")).content.decode()
    assert "2 platser kvar" in html
    assert "Fullbokat – skriv upp dig på väntelistan" in html
    detail = client.get(event.get_absolute_url()).content.decode()
    assert "2 platser kvar" in detail and 'href="/evenemang/' in detail
    detail = client.get(full.get_absolute_url()).content.decode()
    assert "Skriv upp dig på väntelistan" in detail
    detail = client.get(closed.get_absolute_url()).content.decode()
    assert "Fullbokat" in detail and f'href="{closed.get_register_url()}"' not in detail


def test_the_event_page_has_event_json_ld_and_never_the_online_link(client):
    partner = OrganisationFactory(name="Västsvenska Arenan")
    event = EventFactory(online_url="https://mote.example.se/hemlig-lank", capacity=5)
    event.co_organisers.add(partner)
    html = client.get(event.get_absolute_url()).content.decode()

    assert "hemlig-lank" not in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["address"]["addressLocality"] == "Göteborg"
    assert virtual["@type"] == "VirtualLocation"
    assert "hemlig" not in virtual["url"]
    assert data["offers"]["price"] == "0"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert [org["name"] for org in data["organizer"]][1] == "Västsvenska Arenan"
    assert "Västsvenska Arenan" in html


def test_a_cancelled_online_event_says_so_everywhere(client):
    event = EventFactory(venue="", online_url="https://mote.example.se/x",
                         status=Event.Status.CANCELLED)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Evenemanget är inställt." in html
    data = json_ld(html)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"
    ics = client.get(reverse("events:event-ics", args=[event.slug])).content.decode()
    assert "STATUS:CANCELLED" in ics
    assert "mote.example.se" not in ics


def test_times_in_another_zone_say_which(client):
    event = EventFactory(time_zone="Europe/Brussels",
                         starts_at=timezone.now().replace(hour=9, minute=0) + timedelta(days=5))
    html = client.get(event.get_absolute_url()).content.decode()
    assert "belgisk tid (Bryssel)" in html
    assert json_ld(html)["startDate"].endswith(("+01:00", "+02:00"))


def test_calendars_and_feed(client):
    event = EventFactory(title="Seminariet")
    EventFactory(status=Event.Status.DRAFT, title="Utkastet")
    feed = client.get(reverse("events:calendar"))
    assert feed["Content-Type"].startswith("text/calendar")
    text = feed.content.decode()
    assert "Seminariet" in text and "Utkastet" not in text
    assert "events.event-" in text  # the shared UID
    single = client.get(reverse("events:event-ics", args=[event.slug]))
    assert single.status_code == 200
    rss = client.get(reverse("events:feed")).content.decode()
    assert "Seminariet" in rss and "Utkastet" not in rss


def test_the_calendar_holds_a_year_back_and_two_years_ahead(client):
    now = timezone.now()
    for title, days in [("Om ett år", 365), ("Om tre år", 3 * 365), ("För ett halvår sedan", -180),
                        ("För två år sedan", -2 * 365)]:
        EventFactory(title=title, starts_at=now + timedelta(days=days),
                     publish_at=now - timedelta(days=3 * 365))
    feed = client.get(reverse("events:calendar")).content.decode()
    assert re.findall(r"SUMMARY:(.*)\r", feed) == ["För ett halvår sedan", "Om ett år"]


def test_english_pages(client):
    event = EventFactory(title_en="Seminar on the election")
    with translation.override("en"):
        list_url, detail_url = reverse("events:list"), event.get_absolute_url()
        register_url = event.get_register_url()
    assert list_url == "/en/events/"
    assert register_url.endswith("/register/")
    assert "Seminar on the election" in client.get(detail_url).content.decode()
    assert "Coming events" in client.get(list_url).content.decode()


def test_sitemap_lists_the_public_events_and_open_forms(client):
    event = EventFactory()
    draft = EventFactory(status=Event.Status.DRAFT)
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-event-pages.xml" in index
    pages = client.get("/sitemap-event-pages.xml").content.decode()
    assert event.get_absolute_url() in pages and draft.slug not in pages
    forms = client.get("/sitemap-event-forms.xml").content.decode()
    assert event.get_register_url() in forms


def test_the_forms_sitemap_lists_the_events_that_take_registrations_now(
    client, django_assert_max_num_queries
):
    now = timezone.now()
    waiting = EventFactory(capacity=1)
    RegistrationFactory(event=waiting)
    full = EventFactory(capacity=1, waiting_list=False)
    RegistrationFactory(event=full)
    closed = EventFactory(registration_closes_at=now - timedelta(hours=1))
    not_yet = EventFactory(registration_opens_at=now + timedelta(days=1))
    called_off = EventFactory(status=Event.Status.CANCELLED)
    open_ = EventFactory()

    with django_assert_max_num_queries(3):
        forms = client.get("/sitemap-event-forms.xml").content.decode()
    assert waiting.get_register_url() in forms and open_.get_register_url() in forms
    for event in (full, closed, not_yet, called_off):
        assert event.get_register_url() not in forms


def test_home_and_topic_pages_show_coming_events(client):
    topic = TopicFactory(slug="sammanhallning")
    event = EventFactory(title="Seminariet om sammanhållning")
    event.topics.add(topic)
    assert "Seminariet om sammanhållning" in client.get("/").content.decode()
    assert "Seminariet om sammanhållning" in client.get(topic.get_absolute_url()).content.decode()
    assert "Evenemang" in client.get("/").content.decode()
