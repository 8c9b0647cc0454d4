"""Dates and times as the site writes them: in words for people, ISO 8601 for machines.

People read "15–16 mars 2027" and "22 december 2026 kl. 9–17": never an ISO date, and never
a day repeated in a range within one day (Språkrådet's advice; GOV.UK writes dates the same
way). ``<time datetime>`` gets a valid HTML date-time: local, to the second, no microseconds.
"""

import datetime

from django.utils import dateformat, timezone
from django.utils.translation import gettext, pgettext


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def machine_readable(value):
    """The value for ``<time datetime="…">``: a date, or a local date-time without microseconds."""
    value = _local(value)
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


def day_in_words(value):
    return dateformat.format(value, pgettext("day, month in words and year", "j F Y"))


def clock(value):
    """A time of day: "9", "9.30" in Swedish (after "kl."), "9:00", "9:30" in English."""
    if value.minute:
        return dateformat.format(value, pgettext("time of day with minutes", "G.i"))
    return dateformat.format(value, pgettext("time of day on the hour", "G"))


def moment_in_words(value):
    """One point in time: "15 mars 2027 kl. 12"; a date alone: "15 mars 2027"."""
    value = _local(value)
    if not isinstance(value, datetime.datetime):
        return day_in_words(value)
    return gettext("%(day)s kl. %(time)s") % {"day": day_in_words(value), "time": clock(value)}


def range_in_words(start, end):
    """A span: "15–16 mars 2027", "30 mars – 2 april 2027", "22 december 2026 kl. 9–17".

    Within one day the times are given; across days only the days.
    """
    start, end = _local(start), _local(end)
    if end is None:
        return moment_in_words(start)
    first, last = _as_date(start), _as_date(end)
    if first == last:
        if isinstance(start, datetime.datetime) and start != end:
            return gettext("%(day)s kl. %(start)s–%(end)s") % {
                "day": day_in_words(first), "start": clock(start), "end": clock(end),
            }
        return moment_in_words(start)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day_in_words(last)}"
    if first.year == last.year:
        day_and_month = pgettext("day and month in words", "j F")
        return f"{dateformat.format(first, day_and_month)} – {day_in_words(last)}"
    return f"{day_in_words(first)} – {day_in_words(last)}"


def _as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value
