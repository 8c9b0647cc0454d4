"""Public visits on relations' pages: a topic's and an organisation's visits."""

from relations.models import Organisation, Topic

RELATED_VISIT_COUNT = 6


def sections(obj):
    from visits.views import public_visits

    if isinstance(obj, Topic):
        visits = public_visits().filter(topics=obj)
    elif isinstance(obj, Organisation):
        visits = public_visits().filter(organisation=obj)
    else:
        return []
    visits = list(visits.upcoming_then_past()[:RELATED_VISIT_COUNT])
    if not visits:
        return []
    return [{"template": "visits/related_section.html", "visits": visits}]
