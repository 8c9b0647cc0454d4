"""iCalendar (RFC 5545) feeds: one way to build them and one UID for what is in them.

An event's UID is ``<app_label>.<model>-<pk>@<host of SITE_URL>``: the same object keeps
the same UID whatever its title or times become, so a subscribed calendar updates the
event instead of adding a second one. Something held over several days with daily hours
(9–17 on two days) is one event per day, each with the day in its UID, not one event
through the nights.
"""

import contextlib
import datetime
import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Case, F, IntegerField, Q, When
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone
from icalendar.timezone.tzid import is_utc, tzid_from_tzinfo

PRODID = "-//Västra Götalandsregionen//Externa relationer//SV"

# What a feed of many carries: a year back, two years ahead.
CALENDAR_PAST = datetime.timedelta(days=365)
CALENDAR_AHEAD = datetime.timedelta(days=2 * 365)


def in_window(now=None):
    """The condition on ``starts_at`` and ``ends_at`` of what a feed of many carries: ended
    at most ``CALENDAR_PAST`` ago, starting within ``CALENDAR_AHEAD``, so that a subscribed
    feed stays the same size as the years go by."""
    now = now or timezone.now()
    return Q(ends_at__gte=now - CALENDAR_PAST, starts_at__lte=now + CALENDAR_AHEAD)


def upcoming_then_past(queryset, now=None):
    """``queryset`` (of things with ``starts_at`` and ``ends_at``) in a public list's order:
    what is not over yet soonest first, then the past latest first; ``is_past`` (0 or 1) says
    which. ``portal.pagination.UpcomingThenPastPaginator`` pages it."""
    now = now or timezone.now()
    return queryset.annotate(
        is_past=Case(When(ends_at__lt=now, then=1), default=0, output_field=IntegerField()),
        upcoming_start=Case(When(ends_at__gte=now, then=F("starts_at")), default=None),
    ).order_by("is_past", "upcoming_start", "-starts_at", "-pk")


def uid(obj, day=None):
    part = f"-{day:%Y%m%d}" if day else ""
    return f"{obj._meta.label_lower}-{obj.pk}{part}@{urlsplit(settings.SITE_URL).hostname}"


def daily_spans(starts_at, ends_at):
    """(start, end, day) per day when a span of several days keeps daily hours, else one.

    ``day`` is None for a single span. Daily hours: the last day ends later in the day than
    the first begins (9 on Monday to 17 on Tuesday); an overnight trip is one span.
    """
    zone = timezone.get_current_timezone()
    start, end = timezone.localtime(starts_at, zone), timezone.localtime(ends_at, zone)
    if start.date() == end.date() or start.timetz() >= end.timetz():
        return [(starts_at, ends_at, None)]
    days = (end.date() - start.date()).days + 1
    return [
        (
            timezone.make_aware(datetime.datetime.combine(day, start.time()), zone),
            timezone.make_aware(datetime.datetime.combine(day, end.time()), zone),
            day,
        )
        for day in (start.date() + datetime.timedelta(days=n) for n in range(days))
    ]


def event(obj, *, summary, starts_at, ends_at, changed_at, url, day=None):
    """The VEVENT of ``obj`` (on ``day`` of several), for the caller to add what else it
    may show."""
    vevent = VEvent()
    vevent.add("uid", uid(obj, day))
    # RFC 5545 wants these two in UTC; the event's own times stay in the site's time zone.
    changed = changed_at.astimezone(datetime.UTC)
    vevent.add("dtstamp", changed)
    vevent.add("last-modified", changed)
    zone = timezone.get_current_timezone()
    vevent.add("dtstart", timezone.localtime(starts_at, zone))
    vevent.add("dtend", timezone.localtime(ends_at, zone))
    vevent.add("summary", summary)
    vevent.add("url", url)
    return vevent


class VEvent:
    """A VEVENT of text, times and links, written out exactly as the icalendar package
    writes its ``Event``, in a small part of the time: a feed of two thousand events spent
    most of a second in icalendar's general machinery (an object per property and
    parameter, lines folded a character at a time)."""

    # icalendar's order: these first, the others by name.
    FIRST = [name.lower() for name in Event.canonical_order]
    URIS = {"url"}

    def __init__(self):
        self.properties = {}

    def add(self, name, value):
        self.properties.setdefault(name.lower(), []).append(value)

    @property
    def tzids(self):
        return {
            tzid for values in self.properties.values() for value in values
            if isinstance(value, datetime.datetime) and (tzid := _tzid(value))
        }

    def lines(self):
        names = [name for name in self.FIRST if name in self.properties]
        names += sorted(name for name in self.properties if name not in self.FIRST)
        yield "BEGIN:VEVENT"
        for name in names:
            for value in self.properties[name]:
                yield _fold(f"{name.upper()}{self._value(name, value)}")
        yield "END:VEVENT"

    def _value(self, name, value):
        if isinstance(value, datetime.datetime):
            stamp = f"{value:%Y%m%dT%H%M%S}"
            tzid, utc = _zone(value.tzinfo)
            if tzid:
                return f";TZID={tzid}:{stamp}"
            return f":{stamp}Z" if utc else f":{stamp}"
        if name in self.URIS:
            return f":{value}"
        return ":" + _escape_text(str(value))


def _tzid(moment):
    """The TZID parameter of a time, None for UTC and floating times (as icalendar)."""
    return _zone(moment.tzinfo)[0]


@functools.cache
def _zone(tzinfo):
    """(TZID, is UTC) of a zone, as icalendar reads them: asked once per zone."""
    if tzinfo is None:
        return None, False
    if is_utc(tzinfo):
        return None, True
    return tzid_from_tzinfo(tzinfo), False


def _escape_text(text):
    """RFC 5545 TEXT escaping, in icalendar's order of replacements."""
    return (
        text.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


# A content line holds at most this many octets before it is folded (icalendar's rule).
FOLD_OCTETS = 74


def _fold(line):
    """``line`` folded as icalendar folds it: at most FOLD_OCTETS octets a line, never
    inside a UTF-8 character, and never right after a backslash or caret, which moves to
    the next line with what it escapes."""
    octets = line.encode()
    if len(octets) <= FOLD_OCTETS:
        return line
    parts = []
    start = 0
    while len(octets) - start > FOLD_OCTETS:
        end = start + FOLD_OCTETS
        while octets[end] & 0xC0 == 0x80:  # inside a character: cut before it
            end -= 1
        if end - start > 1 and octets[end - 1] in b"\\^":
            end -= 1
        parts.append(octets[start:end])
        start = end
    parts.append(octets[start:])
    return b"\r\n ".join(parts).decode()


def calendar_text(events, *, name):
    """A calendar of ``events`` with the VTIMEZONE blocks their times need, as iCalendar text."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    tzids = set().union(*(vevent.tzids for vevent in events)) - {"UTC"}
    for tzid in sorted(tzids):
        with contextlib.suppress(ValueError):  # a zone icalendar does not know goes without
            calendar.add_component(_timezone(tzid))
    head, end = calendar.to_ical().decode().rsplit("END:VCALENDAR", 1)
    lines = [line for vevent in events for line in vevent.lines()]
    return head + "".join(line + "\r\n" for line in lines) + "END:VCALENDAR" + end


@functools.cache
def _timezone(tzid):
    """The VTIMEZONE of ``tzid``, as icalendar's ``add_missing_timezones`` makes it."""
    return Timezone.from_tzid(tzid)


def calendar_response(events, *, name, filename):
    """The calendar of ``events`` as a response, shown inline."""
    response = HttpResponse(
        calendar_text(events, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
