import datetime
from zoneinfo import ZoneInfo

import pytest

from events.factories import EventFactory
from events.models import Event
from portal.archive import periods_with

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(*moment):
    return datetime.datetime(*moment, tzinfo=datetime.UTC)


def starts(periods):
    return [(start.year, start.month) for start in periods]


def test_months_with_rows_newest_first_in_local_time_with_empty_months_left_out():
    # 23.30 UTC on 31 January is 00.30 on 1 February in Stockholm.
    for moment in [at(2026, 1, 31, 23, 30), at(2026, 5, 10, 9), at(2026, 5, 20, 9),
                   at(2025, 11, 3, 9)]:
        EventFactory(starts_at=moment, ends_at=moment + datetime.timedelta(hours=2))
    months = periods_with(Event.objects.all(), "starts_at", "month")
    assert starts(months) == [(2026, 5), (2026, 2), (2025, 11)]


def test_years_of_what_the_queryset_holds_only():
    EventFactory(starts_at=at(2024, 6, 1, 9), ends_at=at(2024, 6, 1, 11), title="Kvar")
    EventFactory(starts_at=at(2022, 6, 1, 9), ends_at=at(2022, 6, 1, 11), title="Bort")
    years = periods_with(Event.objects.filter(title="Kvar"), "starts_at", "year")
    assert [start.year for start in years] == [2024]
    assert periods_with(Event.objects.none(), "starts_at", "year") == []
    assert periods_with(Event.objects.filter(title="Ingen"), "starts_at", "year") == []
