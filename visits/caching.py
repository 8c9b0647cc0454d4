"""Visits' pages in the page cache (portal/page_cache.py)."""

from visits.models import Visit

CACHEABLE_URL_NAMES = {"visits:list", "visits:detail", "visits:calendar", "visits:visit-ics"}
PRIVATE_MODELS = {"visits.participant", "visits.statuschange", "visits.gift"}


def next_change(now):
    """The next public visit ending: it moves from upcoming to past."""
    return (
        Visit.objects.public().filter(ends_at__gte=now).order_by("ends_at")
        .values_list("ends_at", flat=True).first()
    )
