"""The staff groups and the permissions each one's work needs.

Each app declares its groups in its ``roles`` module (see config/registry.py): ``GROUPS``,
group name to the apps the group manages in full (``manage``), the single models of other
apps it may only look up (``view``: autocomplete in the admin needs the view permission on
the related model) and the username of its login in the demo content (``demo_login``).

The groups are kept in step with these declarations after every ``migrate``: a group gets
exactly the permissions listed, so a permission removed from a declaration is also taken
away. Permissions that open personal data (applications, visit participants, subscribers)
live in the app of the one group that needs them.
"""

import functools

from django.contrib.auth.models import Group, Permission

from config.registry import app_modules


@functools.cache
def groups():
    """Every app's ``GROUPS``, in the order of the apps (this module is the portal's own,
    and the portal has no group).

    An app may give a group another app declares a share in its own work (the editors
    publish events too): a later declaration of the same name adds its ``manage`` and
    ``view`` to the first one's.
    """
    merged = {}
    for module in app_modules("roles"):
        for name, role in getattr(module, "GROUPS", {}).items():
            if name in merged:
                first = merged[name]
                role = {
                    **first,
                    "manage": first["manage"] + role["manage"],
                    "view": first["view"] + role["view"],
                }
            merged[name] = role
    return merged


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
    for name, role in groups().items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions_for(role))
