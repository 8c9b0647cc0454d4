"""Relations' staff group (see portal/roles.py)."""

RELATIONS_OFFICERS = "Relationshandläggare"

GROUPS = {
    RELATIONS_OFFICERS: {
        "manage": ["relations"],
        "view": [],
        "demo_login": "relationer",
    },
}
