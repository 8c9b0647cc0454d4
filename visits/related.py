"""Public visits on relations' pages: a topic's and an organisation's visits."""

from relations.models import Organisation, Topic
from visits.models import Visit

RELATED_VISIT_COUNT = 6


def sections(obj):
    if isinstance(obj, Topic):
        visits = Visit.objects.for_public_pages().filter(topics=obj)
    elif isinstance(obj, Organisation):
        visits = Visit.objects.for_public_pages().filter(organisation=obj)
    else:
        return []
    visits = list(visits.upcoming_then_past()[:RELATED_VISIT_COUNT])
    if not visits:
        return []
    return [{"template": "visits/related_section.html", "visits": visits}]
