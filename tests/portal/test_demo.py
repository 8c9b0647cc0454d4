"""load_demo: idempotent, discovered per app, and no login accounts outside development."""

from datetime import date, timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from portal.demo import meeting_days

pytestmark = pytest.mark.django_db


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"relations", "visits", "newsroom", "internships", "auth"}
    }


def test_running_load_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    first = row_counts()
    call_command("load_demo", verbosity=0)
    assert row_counts() == first


def test_demo_accounts_only_in_development(settings):
    settings.DEBUG = False
    call_command("load_demo", verbosity=0)
    assert not User.objects.exists()

    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    assert User.objects.filter(is_superuser=True, username="admin").exists()
    assert User.objects.get(username="redaktor").groups.get().name == "Redaktör"


def test_demo_meetings_fall_on_working_days_and_never_over_new_year():
    today = timezone.localdate()
    coming_new_year = date(today.year + 1, 12, 30)  # a Thursday in some year, always ahead
    first, last = meeting_days(coming_new_year, 2)
    assert first.weekday() < 5 and last.weekday() < 5
    assert not any(
        (day.month, day.day) in {(12, 31), (1, 1)}
        for day in (first + timedelta(days=n) for n in range((last - first).days + 1))
    )
    assert first > coming_new_year
    past_sunday = today - timedelta(days=today.weekday() + 8)  # a Sunday before last week
    moved, _last = meeting_days(past_sunday)
    assert moved < past_sunday and moved.weekday() < 5  # back, so it stays in the past
