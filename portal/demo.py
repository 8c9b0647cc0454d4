"""The portal's demo content: a page under "Om oss", so that the tree shows; and the demo
login accounts, one per staff group, created only in development (DEBUG on).

Also what the apps' demo modules share: each keeps its content in a JSON file beside it,
with the model's field names as keys, so that a value can never land in the wrong field.
"""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.utils import timezone

from portal import roles
from portal.pages.models import Page

DEMO_PASSWORD = "demo-lösenord-2026"  # noqa: S105 - development only, never created in production


# Days the unit meets no one (month, day): the Swedish public holidays with a fixed date,
# and Christmas to New Year's Day, when no one plans a visit or a seminar.
DAYS_OFF = {(1, 1), (1, 6), (5, 1), (6, 6), *((12, day) for day in range(24, 32))}


def is_working_day(day):
    return day.weekday() < 5 and (day.month, day.day) not in DAYS_OFF


def meeting_days(first_day, days=1):
    """The first and last day of a meeting of ``days`` days planned from ``first_day``
    (demo dates count from today), moved until every day of it is a working day, so that
    nothing meets on a Sunday or over New Year's Eve: forward, or back for a meeting that
    has been, so that it stays in the past."""
    step = datetime.timedelta(days=-1 if first_day < timezone.localdate() else 1)
    while True:
        span = [first_day + datetime.timedelta(days=offset) for offset in range(days)]
        if all(is_working_day(day) for day in span):
            return span[0], span[-1]
        first_day += step


def demo_accounts():
    """Username to group name (None for the superuser)."""
    return {"admin": None} | {role["demo_login"]: name for name, role in roles.groups().items()}


def load():
    for row in read_data(__file__)["pages"]:
        row["parent"] = Page.objects.get(key=row["parent"])
        save_row(Page, row, "parent", "slug")
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


def read_data(demo_module_file):
    """The content of the data file beside an app's demo module (``demo.py`` → ``demo.json``)."""
    return json.loads(Path(demo_module_file).with_suffix(".json").read_text(encoding="utf-8"))


def save_row(model, row, *keys):
    """The ``model`` instance found by the ``keys`` of ``row``, created or brought up to date.

    Values are read from their JSON text (dates, decimals); relations must already be
    instances. An instance that is up to date is not saved, so loading the demo again leaves
    even its timestamps and the audit trail as they were.
    """
    values = {}
    for name, value in row.items():
        field = model._meta.get_field(name)
        values[name] = value if field.is_relation else field.to_python(value)
    lookup = {key: values.pop(key) for key in keys}
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **values)
    changed = {name: value for name, value in values.items() if getattr(instance, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(instance, name, value)
        instance.save()
    return instance
