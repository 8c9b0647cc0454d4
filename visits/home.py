from visits.views import public_visits

HOME_VISIT_COUNT = 3


def home_section(request):
    """The next public visits on the home page; None when there are none."""
    visits = list(public_visits().upcoming()[:HOME_VISIT_COUNT])
    if not visits:
        return None
    return {"template": "visits/home_section.html", "visits": visits}
