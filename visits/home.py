from portal.pagination import rows_by_keys
from visits.models import Visit

HOME_VISIT_COUNT = 3


def home_section(request):
    """The next public visits on the home page; None when there are none."""
    visits = list(rows_by_keys(Visit.objects.for_public_pages().upcoming(), 0, HOME_VISIT_COUNT))
    if not visits:
        return None
    return {"template": "visits/home_section.html", "visits": visits}
