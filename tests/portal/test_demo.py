"""load_demo: idempotent, discovered per app, and no login accounts outside development."""

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command

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
