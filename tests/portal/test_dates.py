"""Dates in words for people, ISO 8601 without microseconds for machines."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import engines
from django.utils import timezone, translation

from portal import dates


def local(*parts):
    return timezone.make_aware(datetime.datetime(*parts))


@pytest.mark.parametrize(
    ("start", "end", "swedish", "english"),
    [
        (datetime.date(2027, 3, 15), None, "15 mars 2027", "15 March 2027"),
        (datetime.date(2027, 3, 15), datetime.date(2027, 3, 16), "15–16 mars 2027",
         "15–16 March 2027"),
        (datetime.date(2027, 3, 30), datetime.date(2027, 4, 2), "30 mars – 2 april 2027",
         "30 March – 2 April 2027"),
        (datetime.date(2026, 12, 30), datetime.date(2027, 1, 2),
         "30 december 2026 – 2 januari 2027", "30 December 2026 – 2 January 2027"),
        (local(2026, 12, 22, 9), local(2026, 12, 22, 17), "22 december 2026 kl. 9–17",
         "22 December 2026, 9:00–17:00"),
        (local(2026, 12, 22, 9, 30), local(2026, 12, 22, 11, 45),
         "22 december 2026 kl. 9.30–11.45", "22 December 2026, 9:30–11:45"),
        (local(2027, 3, 15, 9), local(2027, 3, 16, 17), "15–16 mars 2027", "15–16 March 2027"),
        (local(2027, 3, 15, 12), None, "15 mars 2027 kl. 12", "15 March 2027, 12:00"),
    ],
)
def test_ranges_in_words_never_repeat_a_day_nor_use_iso_dates(start, end, swedish, english):
    with translation.override("sv"):
        assert dates.range_in_words(start, end) == swedish
    with translation.override("en"):
        assert dates.range_in_words(start, end) == english


def test_machine_readable_times_have_no_microseconds_and_are_local():
    edited = datetime.datetime(2026, 11, 3, 21, 59, 47, 578687, tzinfo=datetime.UTC)
    assert dates.machine_readable(edited) == "2026-11-03T22:59:47+01:00"
    assert dates.machine_readable(datetime.date(2027, 3, 15)) == "2027-03-15"


def test_the_template_filters():
    template = engines["django"].from_string(
        '{% load portal %}<time datetime="{{ start|machine_readable }}">'
        "{{ start|in_words:end }}</time>"
    )
    with translation.override("sv"):
        html = template.render(
            {"start": local(2027, 3, 15, 9, 0, 0, 123456), "end": local(2027, 3, 16, 17)}
        )
    assert html == '<time datetime="2027-03-15T09:00:00+01:00">15–16 mars 2027</time>'


def test_every_time_element_uses_the_filter():
    """``date:'c'`` keeps microseconds, which HTML does not allow in ``datetime``."""
    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for pattern in ("templates/**/*.html", "*/templates/**/*.html")
        for path in root.glob(pattern)
        if re.search(r'datetime="{{[^}]*\|date:', path.read_text())
    ]
    assert offenders == []


def test_an_item_edited_to_the_microsecond_shows_a_valid_datetime(client, demo_content):
    from newsroom.models import NewsItem

    edited = next(
        item for item in NewsItem.objects.published() if item.shows_updated
    )
    assert edited.updated_at.microsecond
    html = client.get(edited.get_absolute_url()).content.decode()
    stamps = re.findall(r'<time datetime="([^"]+)"', html)
    assert dates.machine_readable(edited.updated_at) in stamps
    assert not [stamp for stamp in stamps if "." in stamp]
