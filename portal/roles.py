"""The staff groups and the permissions each one's work needs.

The groups are kept in step with this table after every ``migrate``: a group gets
exactly the permissions listed here, so a permission removed from the table is also
taken away. Permissions that open personal data (applications, visit participants,
subscribers) live in the app of the one group that needs them.
"""

from django.contrib.auth.models import Group, Permission

EDITORS = "Redaktör"
VISIT_COORDINATORS = "Besökssamordnare"
RECRUITERS = "Rekryterare"
RELATIONS_OFFICERS = "Relationshandläggare"

# Each group: the apps it manages in full, and single models it may only look up
# (autocomplete in the admin needs the view permission on the related model).
ROLES = {
    EDITORS: {
        "manage": ["newsroom"],
        "view": ["relations.topic", "relations.organisation", "visits.visit",
                 "internships.internshipcall"],
    },
    VISIT_COORDINATORS: {
        "manage": ["visits"],
        "view": ["relations.topic", "relations.organisation", "relations.project"],
    },
    RECRUITERS: {
        "manage": ["internships"],
        "view": ["relations.office", "relations.contact"],
    },
    RELATIONS_OFFICERS: {
        "manage": ["relations"],
        "view": [],
    },
}


def permissions_for(role):
    managed = Permission.objects.filter(content_type__app_label__in=role["manage"])
    viewable = Permission.objects.none()
    for dotted in role["view"]:
        app_label, model = dotted.split(".")
        viewable |= Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            codename=f"view_{model}",
        )
    return managed | viewable


def sync_groups(**kwargs):
    """post_migrate handler: create the groups and set their permissions (idempotent)."""
    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions_for(role))
