"""The relations section of the home page: the region's current, public networks.

Only networks: partner regions, authorities and EU bodies have their place on the overview
page, not under the heading "the region's networks".
"""

from relations import services
from relations.models import Organisation

# The home page shows a handful; the overview page lists them all.
HOME_LIMIT = 8


def home_section(request):
    memberships = list(
        services.current_public_memberships().filter(
            organisation__kind=Organisation.Kind.NETWORK
        )[:HOME_LIMIT]
    )
    if not memberships:
        return None
    return {"template": "relations/home_section.html", "memberships": memberships}
