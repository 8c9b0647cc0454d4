"""The newsroom's staff groups (see portal/roles.py): editors write, publishers publish."""

from portal.editorial import PUBLISHERS
from portal.roles import EDITORS

# Publishers do the editors' work, and publish it. Visits and agreements' follow-ups are
# picked among the public ones (portal/autocomplete.py), with no right to read them all.
NEWS_WORK = {
    "manage": ["newsroom"],
    "view": ["relations.topic", "relations.organisation", "internships.internshipcall"],
}

GROUPS = {
    EDITORS: {**NEWS_WORK, "demo_login": "redaktor"},
    PUBLISHERS: {**NEWS_WORK, "demo_login": "publicerare"},
}
