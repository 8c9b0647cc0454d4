"""Backup, wipe, restore: the same rows and the same files come back."""

import hashlib

import psycopg
import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection

from portal.backup import BackupError, connection_arguments, row_counts

RESTORE_DB = "portal_restore_check"


@pytest.fixture
def empty_database(require_postgres):
    settings_dict = connection.settings_dict
    admin = psycopg.connect(
        dbname="postgres",
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        user=settings_dict["USER"] or None,
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{RESTORE_DB}"')
    admin.execute(f'CREATE DATABASE "{RESTORE_DB}"')
    yield {**settings_dict, "NAME": RESTORE_DB}
    admin.execute(f'DROP DATABASE IF EXISTS "{RESTORE_DB}" WITH (FORCE)')
    admin.close()


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database(settings, tmp_path, empty_database):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    cv = settings.PRIVATE_MEDIA_ROOT / "applications" / "cv.pdf"
    cv.parent.mkdir(parents=True)
    cv.write_bytes(b"%PDF-1.4 a CV")
    Group.objects.create(name="Backupgrupp")
    expected_rows = row_counts(connection.settings_dict)

    call_command("backup", "--to", str(tmp_path / "backups"))
    (backup_folder,) = (tmp_path / "backups").iterdir()

    cv.unlink()  # the wipe: files gone, and the restore goes to an empty database
    connection.settings_dict, original = empty_database, connection.settings_dict
    try:
        call_command("restore", str(backup_folder))
        restored_rows = row_counts(empty_database)
    finally:
        connection.close()
        connection.settings_dict = original

    assert restored_rows == expected_rows
    assert restored_rows["auth_group"] >= 1
    assert hashlib.sha256(cv.read_bytes()).hexdigest() == hashlib.sha256(
        b"%PDF-1.4 a CV"
    ).hexdigest()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(tmp_path, settings, require_postgres):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("backup", "--to", str(tmp_path / "backups"))
    (backup_folder,) = (tmp_path / "backups").iterdir()
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(backup_folder))


def test_backup_without_postgresql_says_so():
    with pytest.raises(BackupError, match="need PostgreSQL"):
        connection_arguments({"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"})
