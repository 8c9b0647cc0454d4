"""The newsroom's staff group (see portal/roles.py): the editors, who also keep the pages."""

from portal.roles import EDITORS

GROUPS = {
    EDITORS: {
        "manage": ["newsroom"],
        "view": ["relations.topic", "relations.organisation", "visits.visit",
                 "internships.internshipcall"],
        "demo_login": "redaktor",
    },
}
