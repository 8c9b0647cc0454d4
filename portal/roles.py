"""The staff groups and the permissions each one's work needs.

Each app declares its groups in its ``roles`` module (see config/registry.py): ``GROUPS``,
group name to the apps the group manages in full (``manage``; an "app.model" entry for one
model), the single models of other apps it may only look up (``view``: autocomplete in the
admin needs the view permission on the related model) and the username of its login in the
demo content (``demo_login``). Several apps may declare the same group: the portal gives
the editors its pages, the newsroom its news; their declarations add up.

The groups are kept in step with these declarations after every ``migrate``: a group gets
exactly the permissions listed, so a permission removed from a declaration is also taken
away. Permissions that open personal data (applications, visit participants, subscribers)
live in the app of the one group that needs them.
"""

import functools

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from config.registry import app_modules
from portal.editorial import PUBLISHERS

EDITORS = "Redaktör"

# The site's own content: pages, redirects and the media library.
CONTENT_WORK = {
    "manage": ["portal.page", "portal.redirect", "portal.image", "portal.document", "portal.video"]
}
GROUPS = {EDITORS: CONTENT_WORK, PUBLISHERS: CONTENT_WORK}


@functools.cache
def groups():
    """Every app's ``GROUPS``, in the order of the apps, a group declared by several apps
    holding what each of them gives it."""
    merged = {}
    for module in app_modules("roles"):
        for name, role in getattr(module, "GROUPS", {}).items():
            into = merged.setdefault(name, {"manage": [], "view": []})
            into["manage"] = into["manage"] + role.get("manage", [])
            into["view"] = into["view"] + role.get("view", [])
            if "demo_login" in role:
                into["demo_login"] = role["demo_login"]
    return merged


def _model_permissions(dotted):
    app_label, model = dotted.split(".")
    return Q(content_type__app_label=app_label, content_type__model=model)


def permissions_for(role):
    apps = [entry for entry in role["manage"] if "." not in entry]
    managed = Q(content_type__app_label__in=apps)
    for dotted in role["manage"]:
        if "." in dotted:
            managed |= _model_permissions(dotted)
    for dotted in role["view"]:
        managed |= _model_permissions(dotted) & Q(codename=f"view_{dotted.split('.')[1]}")
    return Permission.objects.filter(managed)


def sync_groups(**kwargs):
    """post_migrate handler: create the groups and set their permissions (idempotent)."""
    for name, role in groups().items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions_for(role))
