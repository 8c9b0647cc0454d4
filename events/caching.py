"""Event pages in the page cache (portal/page_cache.py).

A registration changes the places left that the list and the event's page show, so
registrations are not private to the cache; answers and the anonymous counts are.
"""

from django.db.models import Min

from events.models import Event

CACHEABLE_URL_NAMES = {
    "events:list", "events:detail", "events:calendar", "events:event-ics", "events:feed",
}
PRIVATE_MODELS = {"events.answer", "events.eventstatistic"}


def next_change(now):
    """The next moment an event is published, opens or closes registration, begins or ends."""
    events = Event.objects.exclude(status=Event.Status.DRAFT)
    moments = [
        events.filter(**{f"{name}__gt": now}).aggregate(next=Min(name))["next"]
        for name in ("publish_at", "registration_opens_at", "registration_closes_at",
                     "starts_at", "ends_at")
    ]
    return min((moment for moment in moments if moment is not None), default=None)
