"""The relations section of the home page: the region's current, public networks."""

from relations import services

# The home page shows a handful; the overview page lists them all.
HOME_LIMIT = 8


def home_section(request):
    memberships = list(services.current_public_memberships()[:HOME_LIMIT])
    if not memberships:
        return None
    return {"template": "relations/home_section.html", "memberships": memberships}
