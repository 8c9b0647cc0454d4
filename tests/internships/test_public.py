"""Public pages: order, structured data, feeds, sitemap, query budgets, no trace of files."""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from internships import home, related
from internships.factories import ApplicationFactory, InternshipCallFactory
from internships.models import InternshipCall

pytestmark = pytest.mark.django_db


def make_calls(count):
    now = timezone.now()
    calls = []
    for index in range(count):
        state = index % 3
        if state == 0:
            times = {
                "opens_at": now - timedelta(days=5),
                "closes_at": now + timedelta(days=5 + index),
            }
        elif state == 1:
            times = {"opens_at": now + timedelta(days=5), "closes_at": now + timedelta(days=30)}
        else:
            times = {
                "opens_at": now - timedelta(days=90),
                "closes_at": now - timedelta(days=60 + index),
            }
        calls.append(InternshipCallFactory(**times))
    return calls


def test_list_shows_open_then_upcoming_then_past_and_hides_unpublished(client):
    open_, upcoming, closed = make_calls(3)
    hidden = InternshipCallFactory(title="Hemlig utlysning", is_published=False)
    html = client.get(reverse("internships:list")).content.decode()
    positions = [html.index(call.title) for call in (open_, upcoming, closed)]
    assert positions == sorted(positions)
    assert hidden.title not in html
    # No form of its own (the header's search is a GET form without a token): cached whole.
    assert "<form" not in html.split("<main", 1)[1]
    assert "csrfmiddlewaretoken" not in html


def test_list_in_english_uses_english_titles(client):
    call = InternshipCallFactory(title_en="Internship in Gothenburg, spring 2027")
    with translation.override("en"):
        url = reverse("internships:list")
    html = client.get(url).content.decode()
    assert call.title_en in html and 'lang="en"' in html


@pytest.mark.parametrize("url_name", ["internships:list", "detail"])
def test_public_pages_run_a_constant_number_of_queries(
    client, django_assert_max_num_queries, url_name
):
    counts = []
    for rows in (5, 50):
        InternshipCall.objects.all().delete()
        calls = make_calls(rows)
        url = (
            reverse("internships:list")
            if url_name == "internships:list"
            else calls[0].get_absolute_url()
        )
        client.get(url)  # warm caches (site-wide, not per row)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(counts[1]):
        client.get(url)


def test_open_call_page_links_the_form_and_carries_job_posting(client):
    call = InternshipCallFactory(
        title="Praktik </script><script>alert(1)</script> & mer", description="Text <b>&</b>"
    )
    html = client.get(call.get_absolute_url()).content.decode()
    assert reverse("internships:apply", args=[call.slug]) in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert data["@type"] == "JobPosting" and data["employmentType"] == "INTERN"
    assert data["title"] == call.title
    assert data["validThrough"].startswith(timezone.localtime(call.closes_at).date().isoformat())
    assert "<form" not in html.split("<main", 1)[1]


def test_closed_and_upcoming_calls_have_no_form_link_and_no_job_posting(client):
    _open, upcoming, closed = make_calls(3)
    for call in (upcoming, closed):
        html = client.get(call.get_absolute_url()).content.decode()
        assert reverse("internships:apply", args=[call.slug]) not in html
        assert "application/ld+json" not in html
    assert "är stängd" in client.get(closed.get_absolute_url()).content.decode()


def test_unpublished_calls_are_not_found(client):
    call = InternshipCallFactory(is_published=False)
    assert client.get(call.get_absolute_url()).status_code == 404


def test_sitemap_lists_every_published_call_in_both_languages(client):
    calls = make_calls(3)
    hidden = InternshipCallFactory(is_published=False)
    xml = client.get("/sitemap-internship-calls.xml").content.decode()
    for call in calls:
        assert f"/praktik/{call.slug}/" in xml
        assert f"/en/internships/{call.slug}/" in xml or f"/en/praktik/{call.slug}/" in xml
    assert hidden.slug not in xml
    assert "/praktik/" in client.get("/sitemap-internships.xml").content.decode()


def test_no_public_page_or_sitemap_reveals_a_file_path(client, application):
    name = application.cv.name.split("/")[-1]
    urls = [
        reverse("internships:list"),
        application.call.get_absolute_url(),
        reverse("internships:apply", args=[application.call.slug]),
        reverse("internships:feed"),
        reverse("internships:deadlines-ics"),
        "/",
        "/sitemap.xml",
        "/sitemap-internship-calls.xml",
        "/sitemap-internships.xml",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert name not in body and "applications/" not in body, url


def test_rss_feed_lists_published_calls(client):
    call = InternshipCallFactory()
    hidden = InternshipCallFactory(is_published=False)
    response = client.get(reverse("internships:feed"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert call.title in body and hidden.title not in body


def test_ics_feed_lists_coming_deadlines(client, settings):
    settings.SITE_URL = "https://externa.example.se"
    open_, upcoming, closed = make_calls(3)
    response = client.get(reverse("internships:deadlines-ics"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in body
    assert body.count("BEGIN:VEVENT") == 2
    assert open_.title in body and closed.title not in body
    deadline = next(
        event for event in Calendar.from_ical(response.content).walk("VEVENT")
        if str(event["UID"]).startswith(f"internships.internshipcall-{open_.pk}@")
    )
    assert str(deadline["UID"]) == f"internships.internshipcall-{open_.pk}@externa.example.se"
    assert deadline.decoded("DTSTART") == open_.closes_at.replace(microsecond=0)
    assert str(deadline["URL"]) == f"https://externa.example.se{open_.get_absolute_url()}"


def test_home_section_shows_open_calls_only():
    open_, upcoming, closed = make_calls(3)
    section = home.home_section(None)
    assert section["calls"] == [open_]
    InternshipCall.objects.filter(pk=open_.pk).update(is_published=False)
    assert home.home_section(None) is None


def test_home_page_shows_the_open_call(client):
    call = InternshipCallFactory()
    assert call.title in client.get("/").content.decode()


def test_related_sections_for_an_object_naming_calls(open_call):
    hidden = InternshipCallFactory(is_published=False)

    class NewsItem:
        internship_calls = InternshipCall.objects.filter(pk__in=[open_call.pk, hidden.pk])

    assert related.sections(NewsItem())[0]["calls"] == [open_call]
    assert related.sections(open_call) == []


def test_related_sections_for_an_office(open_call):
    assert related.sections(object()) == []
    sections = related.sections(open_call.office)
    assert sections[0]["calls"] == [open_call]


def test_receipt_links_are_signed(client, open_call):
    assert client.get(reverse("internships:receipt", args=["forged"])).status_code == 404


def test_applications_never_appear_on_public_pages(client, open_call):
    ApplicationFactory(call=open_call, first_name="Hemliga", last_name="Sökanden")
    for url in (reverse("internships:list"), open_call.get_absolute_url()):
        assert "Hemliga" not in client.get(url).content.decode()


def test_past_calls_come_a_page_at_a_time_after_the_open_ones(client):
    open_call = InternshipCallFactory(title="Öppen nu")
    for number in range(21):
        InternshipCallFactory(
            title=f"Stängd {number}",
            opens_at=timezone.now() - timedelta(days=400 + number),
            closes_at=timezone.now() - timedelta(days=300 + number),
        )
    first = client.get(reverse("internships:list")).content.decode()
    assert open_call.title in first
    assert first.count("Stängd ") == 20
    assert "Sida 1 av 2" in first
    second = client.get(reverse("internships:list"), {"page": 2}).content.decode()
    assert "Stängd 20" in second and "Stängd 0<" not in second
