"""Settings read from the environment: clear failures, and a clean deploy check."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-like-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "externa.example.se",
    "SITE_URL": "https://externa.example.se",
    "TRUSTED_PROXY_COUNT": "1",
}


def manage(*args, **env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "nonsense"),
        ("CACHE_URL", "nonsense"),
        ("EMAIL_URL", "nonsense"),
        ("DEBUG", "perhaps"),
        ("SITE_URL", "https://"),
    ],
)
def test_a_malformed_variable_fails_with_one_line_naming_it(variable, value):
    result = manage("check", **{**PRODUCTION_ENV, variable: value})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert "Traceback" not in result.stderr


def test_production_mode_without_secret_key_stops_naming_it():
    env = {**PRODUCTION_ENV}
    del env["SECRET_KEY"]
    result = manage("check", **env)
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: SECRET_KEY must be set when DEBUG is off."
    )


def test_deploy_check_is_clean_in_production_mode():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_plain_http_for_trying_serve_locally_is_accepted_but_warned_about():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        **PRODUCTION_ENV, SECURE_SSL_REDIRECT="0",
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


def test_production_mode_without_a_proxy_count_is_warned_about():
    env = {**PRODUCTION_ENV}
    del env["TRUSTED_PROXY_COUNT"]
    result = manage("check", **env)
    assert "portal.W001" in result.stdout + result.stderr
    assert "TRUSTED_PROXY_COUNT" in result.stdout + result.stderr
    assert "portal.W001" not in manage("check", **PRODUCTION_ENV).stderr


def test_time_zone_and_languages():
    assert settings.TIME_ZONE == "Europe/Stockholm"
    assert settings.LANGUAGE_CODE == "sv"
    assert [code for code, _name in settings.LANGUAGES] == ["sv", "en"]


def test_a_fresh_sqlite_database_migrates_and_takes_the_demo(tmp_path):
    """What `make run` does on a new machine, where DATABASE_URL is not set."""
    database = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    migrated = manage("migrate", "--no-input", DEBUG="1", DATABASE_URL=database)
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    demo = manage("load_demo", DEBUG="1", DATABASE_URL=database)
    assert demo.returncode == 0, demo.stderr[-2000:]


@pytest.mark.django_db
def test_postgresql_compiles_no_query_just_in_time(require_postgres):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
