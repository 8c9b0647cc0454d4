"""The visit statistics the coordinators report: confirmed and completed visits per year
and direction, and per country."""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear

from portal.charts import bar_chart
from visits.models import Visit


@dataclass
class YearCount:
    year: int
    incoming: int = 0
    outgoing: int = 0

    @property
    def total(self):
        return self.incoming + self.outgoing


def counted_visits():
    """The visits that count: those that were (or will be) held."""
    return Visit.objects.filter(status__in=[Visit.Status.CONFIRMED, Visit.Status.COMPLETED])


def per_year():
    """A YearCount for every year a counted visit starts in, the latest first (one query)."""
    years = {}
    rows = (
        counted_visits()
        .annotate(year=ExtractYear("starts_at"))
        .values("year", "direction")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        count = years.setdefault(row["year"], YearCount(row["year"]))
        setattr(count, row["direction"], row["count"])
    return sorted(years.values(), key=lambda count: count.year, reverse=True)


def per_country():
    """(country, count) for every country counted visits have, the most visited first."""
    rows = (
        counted_visits()
        .exclude(country="")
        .values("country")
        .annotate(count=Count("pk"))
        .order_by("-count", "country")
    )
    return [(Visit(country=row["country"]).country, row["count"]) for row in rows]


def year_chart(years):
    """Two bars a year, visits to the region and trips from it, the year to their left."""
    return bar_chart(
        years,
        ["incoming", "outgoing"],
        width=460,
        label_width=70,
        value_room=70,
        bar_height=18,
        gap=14,
    )


def statistics():
    """Everything the statistics page shows."""
    years = per_year()
    countries = per_country()
    return {
        "year_rows": years,
        "year_chart": year_chart(years),
        "country_rows": countries,
        # Each country's share is of all the counted visits with a country, not of the largest.
        "country_total": sum(count for _country, count in countries),
    }
