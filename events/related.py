"""Public events on relations' pages: a topic's, an organisation's, a programme's and a
project's events."""

from django.db.models import Q

from events.models import Event
from relations.models import Organisation, Programme, Project, Topic

RELATED_EVENT_COUNT = 6


def sections(obj):
    if isinstance(obj, Topic):
        condition = Q(topics=obj)
    elif isinstance(obj, Organisation):
        condition = Q(organiser=obj) | Q(co_organisers=obj)
    elif isinstance(obj, Programme):
        condition = Q(programme=obj)
    elif isinstance(obj, Project):
        condition = Q(project=obj)
    else:
        return []
    matching = Event.objects.filter(condition).values("pk")
    events = list(
        Event.objects.for_public_pages().filter(pk__in=matching)
        .upcoming_then_past()[:RELATED_EVENT_COUNT]
    )
    if not events:
        return []
    return [{"template": "events/related_section.html", "events": events}]
