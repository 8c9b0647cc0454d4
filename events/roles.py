"""Events' staff group, and the editors' share in events (see portal/roles.py)."""

from portal.roles import EDITORS

EVENT_MANAGERS = "Evenemangsansvarig"

LOOKUPS = ["relations.topic", "relations.organisation", "relations.programme",
           "relations.project", "relations.contact", "portal.document"]

GROUPS = {
    EVENT_MANAGERS: {
        "manage": ["events"],
        "view": LOOKUPS,
        "demo_login": "evenemang",
    },
    # Editors publish the unit's events along with its news.
    EDITORS: {"manage": ["events"], "view": LOOKUPS},
}
