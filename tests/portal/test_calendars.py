"""The one iCalendar builder: one UID scheme, times in the site's zone, stamps in UTC."""

import datetime

import pytest
from django.contrib.auth.models import User
from icalendar import Calendar

from portal.calendars import calendar_response, event, uid

pytestmark = pytest.mark.django_db

STOCKHOLM = datetime.timezone(datetime.timedelta(hours=1))


def test_the_uid_names_the_model_the_row_and_the_site(settings):
    settings.SITE_URL = "https://externa.example.se"
    user = User.objects.create_user("samordnare")
    assert uid(user) == f"auth.user-{user.pk}@externa.example.se"


def test_a_calendar_of_events_parses_with_its_time_zone(settings):
    settings.SITE_URL = "https://externa.example.se"
    user = User.objects.create_user("samordnare")
    starts = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)
    vevent = event(
        user,
        summary="Möte",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        changed_at=datetime.datetime(2027, 2, 1, 12, 0, tzinfo=STOCKHOLM),
        url="https://externa.example.se/besok/mote/",
    )
    response = calendar_response([vevent], name="Besök", filename="besok.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="besok.ics"'
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Besök"
    [parsed] = calendar.walk("VEVENT")
    assert str(parsed["UID"]) == f"auth.user-{user.pk}@externa.example.se"
    assert str(parsed["DTSTART"].params["TZID"]) == "Europe/Stockholm"
    assert parsed.decoded("DTSTART") == starts
    text = response.content.decode()
    assert "DTSTAMP:20270201T110000Z" in text and "LAST-MODIFIED:20270201T110000Z" in text
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
