"""The newsroom's staff group (see portal/roles.py)."""

EDITORS = "Redaktör"

GROUPS = {
    EDITORS: {
        "manage": ["newsroom", "portal.image", "portal.document", "portal.video"],
        "view": ["relations.topic", "relations.organisation", "visits.visit",
                 "internships.internshipcall"],
        "demo_login": "redaktor",
    },
}
