from visits.models import Visit

HOME_VISIT_COUNT = 3


def home_section(request):
    """The next public visits on the home page; None when there are none."""
    visits = list(Visit.objects.for_public_pages().upcoming()[:HOME_VISIT_COUNT])
    if not visits:
        return None
    return {"template": "visits/home_section.html", "visits": visits}
