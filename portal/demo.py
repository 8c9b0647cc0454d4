"""Demo login accounts, one per staff group, created only in development (DEBUG on)."""

from django.conf import settings
from django.contrib.auth.models import Group, User

from portal import roles

DEMO_PASSWORD = "demo-lösenord-2026"  # noqa: S105 - development only, never created in production


def demo_accounts():
    """Username to group name (None for the superuser)."""
    return {"admin": None} | {role["demo_login"]: name for name, role in roles.groups().items()}


def load():
    if not settings.DEBUG:
        return
    for username, group_name in demo_accounts().items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "is_staff": True,
                "is_superuser": group_name is None,
                "email": f"{username}@example.se",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
