"""iCalendar (RFC 5545) feeds: one way to build them and one UID for what is in them.

An event's UID is ``<app_label>.<model>-<pk>@<host of SITE_URL>``: the same object keeps
the same UID whatever its title or times become, so a subscribed calendar updates the
event instead of adding a second one. Something held over several days with daily hours
(9–17 on two days) is one event per day, each with the day in its UID, not one event
through the nights.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Västra Götalandsregionen//Externa relationer//SV"


def uid(obj, day=None):
    part = f"-{day:%Y%m%d}" if day else ""
    return f"{obj._meta.label_lower}-{obj.pk}{part}@{urlsplit(settings.SITE_URL).hostname}"


def daily_spans(starts_at, ends_at):
    """(start, end, day) per day when a span of several days keeps daily hours, else one.

    ``day`` is None for a single span. Daily hours: the last day ends later in the day than
    the first begins (9 on Monday to 17 on Tuesday); an overnight trip is one span.
    """
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() == end.date() or start.timetz() >= end.timetz():
        return [(starts_at, ends_at, None)]
    days = (end.date() - start.date()).days + 1
    return [
        (
            timezone.make_aware(datetime.datetime.combine(day, start.time())),
            timezone.make_aware(datetime.datetime.combine(day, end.time())),
            day,
        )
        for day in (start.date() + datetime.timedelta(days=n) for n in range(days))
    ]


def event(obj, *, summary, starts_at, ends_at, changed_at, url, day=None):
    """The VEVENT of ``obj`` (on ``day`` of several), for the caller to add what else it
    may show."""
    vevent = Event()
    vevent.add("uid", uid(obj, day))
    # RFC 5545 wants these two in UTC; the event's own times stay in the site's time zone.
    changed = changed_at.astimezone(datetime.UTC)
    vevent.add("dtstamp", changed)
    vevent.add("last-modified", changed)
    vevent.add("dtstart", timezone.localtime(starts_at))
    vevent.add("dtend", timezone.localtime(ends_at))
    vevent.add("summary", summary)
    vevent.add("url", url)
    return vevent


def calendar_text(events, *, name):
    """A calendar of ``events`` with the VTIMEZONE blocks their times need, as iCalendar text."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for vevent in events:
        calendar.add_component(vevent)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def calendar_response(events, *, name, filename):
    """The calendar of ``events`` as a response, shown inline."""
    response = HttpResponse(
        calendar_text(events, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
