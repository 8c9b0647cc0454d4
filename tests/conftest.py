"""Fixtures shared by every test of the portal."""

import os
import shutil

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db.models import FileField
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import staff_sessions

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition, reason):
    """Skip with a visible reason when a tool is missing; under CI=true, fail instead."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@pytest.fixture
def require_postgres():
    require(
        settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
        "this test needs PostgreSQL (set DATABASE_URL=postgres://…)",
    )


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # The production hasher is slow on purpose; tests log in hundreds of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_roots(settings, tmp_path_factory, monkeypatch):
    """Uploads of every test go to throwaway folders, never into the repository: public
    media, and the private storage of every file field that uses it. Returns both paths."""
    # Folders of their own, not in tmp_path, which a test may fill and read as a whole.
    public, private = tmp_path_factory.mktemp("media"), tmp_path_factory.mktemp("private")
    settings.MEDIA_ROOT = public
    private_storage = FileSystemStorage(location=private, base_url=None)
    for model in apps.get_models():
        for field in model._meta.get_fields():
            location = getattr(field, "storage", None) and field.storage.base_location
            if isinstance(field, FileField) and location == settings.PRIVATE_MEDIA_ROOT:
                monkeypatch.setattr(field, "storage", private_storage)
    return public, private


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached pages live in the cache: no test sees another's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _swedish_after_each_test():
    # A request to the English site leaves English active in the test's thread: the next
    # test starts in Swedish, whatever the last request of this one was.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _private_storage_in_tmp(settings, tmp_path):
    # Files kept between form submits (and anything else in the private storage) go to a
    # fresh directory per test, never into the repository.
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {
            **settings.STORAGES["private"]["OPTIONS"],
            "location": tmp_path / "private-storage", "base_url": None}},
    }


@pytest.fixture
def staff_client(client, django_user_model):
    """Log the test client in as staff: ``staff_client(group_name)`` or ``staff_client()``.

    Every admin test logs in through here: the user has a confirmed TOTP device and the
    session has passed it, as after a real login with a code.
    """

    def login(group=None, *, superuser=False, username=None):
        user = django_user_model.objects.create_user(
            username=username or f"staff-{group or 'admin'}".replace(" ", "-").lower(),
            email="staff@example.se",
            is_staff=True,
            is_superuser=superuser or group is None,
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        device = TOTPDevice.objects.create(user=user, name="Testtelefon", confirmed=True)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        staff_sessions.record_code_in(session)
        session.save()
        client.user = user
        return client

    return login


@pytest.fixture
def demo_content(db):
    call_command("load_demo", verbosity=0)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Playwright drives the system Chromium (it cannot download browsers here)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    require(path, "Chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": path,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as a script, which the site's CSP rightly forbids.
    return {**browser_context_args, "bypass_csp": True}
