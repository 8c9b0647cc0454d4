"""Visits' staff group (see portal/roles.py)."""

VISIT_COORDINATORS = "Besökssamordnare"

GROUPS = {
    VISIT_COORDINATORS: {
        "manage": ["visits"],
        "view": ["relations.topic", "relations.organisation", "relations.project",
                 "portal.document"],
        "demo_login": "besok",
    },
}
