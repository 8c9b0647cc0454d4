"""The newsroom's staff group (see portal/roles.py)."""

EDITORS = "Redaktör"

GROUPS = {
    EDITORS: {
        "manage": ["newsroom"],
        "view": ["relations.topic", "relations.organisation", "relations.agreementfollowup",
                 "visits.visit", "internships.internshipcall"],
        "demo_login": "redaktor",
    },
}
