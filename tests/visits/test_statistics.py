"""The visit statistics: held visits only, per year and direction and per country."""

import datetime

import pytest

from visits import statistics
from visits.factories import VisitFactory
from visits.models import Visit, local_datetime

pytestmark = pytest.mark.django_db
S = Visit.Status


def visit(year, *, direction="incoming", country="FI", status=S.COMPLETED):
    starts = local_datetime(datetime.date(year, 5, 1), 9)
    return VisitFactory(direction=direction, country=country, status=status, starts_at=starts,
                        ends_at=starts + datetime.timedelta(hours=6))


def test_held_visits_counted_per_year_and_direction_and_country():
    visit(2025, country="BE")
    visit(2025, direction="outgoing", country="BE")
    visit(2025, direction="outgoing", country="BE", status=S.CONFIRMED)
    visit(2024)
    visit(2024, country="")
    for status in (S.REQUESTED, S.PLANNING, S.CANCELLED):
        visit(2024, status=status)

    years = statistics.per_year()
    assert [(y.year, y.incoming, y.outgoing, y.total) for y in years] == [
        (2025, 1, 2, 3), (2024, 2, 0, 2),
    ]
    assert [(country.code, count) for country, count in statistics.per_country()] == [
        ("BE", 3), ("FI", 1),
    ]
    chart = statistics.year_chart(years)
    assert [[bar.value for bar in row.bars] for row in chart.rows] == [[1, 2], [2, 0]]
    assert [bar.series for bar in chart.rows[0].bars] == ["incoming", "outgoing"]


def test_nothing_held_yet():
    visit(2025, status=S.PLANNING)
    shown = statistics.statistics()
    assert shown["year_rows"] == [] and shown["country_rows"] == []
    assert shown["year_chart"].rows == [] and shown["country_total"] == 0
