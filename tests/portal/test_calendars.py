"""The one iCalendar builder: one UID scheme, times in the site's zone, stamps in UTC."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.contrib.auth.models import User
from icalendar import Calendar

from portal.calendars import PRODID, calendar_response, calendar_text, event, uid

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


def icalendar_text(properties, *, name):
    """The calendar as the icalendar package writes it, for comparison."""
    calendar = Calendar()
    for key, value in [("prodid", PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                       ("x-wr-calname", name), ("x-wr-timezone", "Europe/Stockholm")]:
        calendar.add(key, value)
    vevent = icalendar.Event()
    for key, value in properties:
        vevent.add(key, value)
    calendar.add_component(vevent)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


@pytest.mark.parametrize(
    "text",
    [
        "Kort",
        "Besök, möte; samtal\\ och en ny rad\nhär, sedan \r\n och \r och \\N",
        "å" * 200,
        "x" * 71 + "\\" + "y" * 100,
        "x" * 72 + "^" + "y" * 100,
        "x" * 60 + "\\\\," + "ä" * 40 + "€" * 30,
    ],
)
def test_events_are_written_byte_for_byte_as_icalendar_writes_them(settings, text):
    settings.SITE_URL = "https://externa.example.se"
    user = User.objects.create_user("samordnare")
    starts = datetime.datetime(2027, 7, 1, 7, 30, 15, 123, tzinfo=datetime.UTC)
    changed = datetime.datetime(2027, 2, 1, 12, 0, tzinfo=STOCKHOLM)
    vevent = event(user, summary=text, starts_at=starts, ends_at=starts, changed_at=changed,
                   url="https://externa.example.se/besok/möte,1/")
    vevent.add("status", "CONFIRMED")
    vevent.add("location", text[::-1])
    vevent.add("description", text)

    stockholm = zoneinfo.ZoneInfo("Europe/Stockholm")
    expected = icalendar_text(
        [("uid", uid(user)), ("dtstamp", changed.astimezone(datetime.UTC)),
         ("last-modified", changed.astimezone(datetime.UTC)),
         ("dtstart", starts.astimezone(stockholm)), ("dtend", starts.astimezone(stockholm)),
         ("summary", text), ("url", "https://externa.example.se/besok/möte,1/"),
         ("status", "CONFIRMED"), ("location", text[::-1]), ("description", text)],
        name="Besök",
    )
    assert calendar_text([vevent], name="Besök") == expected
