"""Relations' staff group (see portal/roles.py)."""

RELATIONS_OFFICERS = "Relationshandläggare"

GROUPS = {
    RELATIONS_OFFICERS: {
        "manage": ["relations"],
        "view": ["portal.document"],
        "demo_login": "relationer",
    },
}
