"""Internships' staff group (see portal/roles.py)."""

RECRUITERS = "Rekryterare"

GROUPS = {
    RECRUITERS: {
        "manage": ["internships"],
        "view": ["relations.office", "relations.contact"],
        "demo_login": "rekryterare",
    },
}
