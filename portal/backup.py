"""Backup and restore of the whole portal: the PostgreSQL database and the uploaded files.

A backup is a dated folder holding ``database.dump`` (pg_dump's custom format: one
consistent snapshot), ``files.tar.gz`` (public and private media, taken after the dump so
that every row in the dump finds its file) and ``manifest.json`` (row counts and file
checksums, which the restore verifies).
"""

import hashlib
import json
import os
import subprocess
import tarfile
from pathlib import Path

import psycopg
from django.conf import settings
from django.utils import timezone

MEDIA_FOLDERS = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    pass


def connection_arguments(database):
    """pg_dump/pg_restore arguments and environment for a Django database settings dict."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("Backup and restore need PostgreSQL (DATABASE_URL=postgres://…).")
    arguments = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        arguments += ["--host", database["HOST"]]
    if database.get("PORT"):
        arguments += ["--port", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["--username", database["USER"]]
    environment = {**os.environ, "PGPASSWORD": database.get("PASSWORD") or ""}
    return arguments, environment


def connect(database):
    return psycopg.connect(
        dbname=database["NAME"],
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
        autocommit=True,
    )


def row_counts(database):
    with connect(database) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }


def checksums(roots):
    sums = {}
    for name, root in roots.items():
        for path in sorted(Path(root).rglob("*")):
            if path.is_file():
                relative = f"{name}/{path.relative_to(root)}"
                sums[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


def media_roots():
    return {name: Path(getattr(settings, setting)) for name, setting in MEDIA_FOLDERS.items()}


def run(command, environment):
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(database, target_root):
    """Write a backup folder under ``target_root`` and return its path."""
    arguments, environment = connection_arguments(database)
    folder = Path(target_root) / timezone.localtime().strftime("%Y-%m-%dT%H%M%S")
    folder.mkdir(parents=True)
    counts = row_counts(database)
    run(["pg_dump", "--format=custom", "--file", str(folder / "database.dump"), *arguments],
        environment)
    roots = media_roots()
    with tarfile.open(folder / "files.tar.gz", "w:gz") as archive:
        for name, root in roots.items():
            if root.exists():
                archive.add(root, arcname=name)
    manifest = {"created": timezone.now().isoformat(), "rows": counts, "files": checksums(roots)}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return folder


def restore(database, folder):
    """Restore a backup folder into an empty database and the media folders."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    arguments, environment = connection_arguments(database)
    if row_counts(database):
        raise BackupError(
            f"The database {database['NAME']} is not empty; restore needs an empty one."
        )
    run(["pg_restore", "--no-owner", "--exit-on-error", *arguments, str(folder / "database.dump")],
        environment)
    roots = media_roots()
    with tarfile.open(folder / "files.tar.gz", "r:gz") as archive:
        for member in archive.getmembers():
            name, _slash, relative = member.name.partition("/")
            if name not in roots or not relative:
                continue
            member.name = relative
            archive.extract(member, roots[name], filter="data")
    problems = []
    if row_counts(database) != manifest["rows"]:
        problems.append("row counts differ from the backup's")
    if not set(manifest["files"].items()) <= set(checksums(roots).items()):
        problems.append("file checksums differ from the backup's")
    if problems:
        raise BackupError("Restore finished, but " + " and ".join(problems) + ".")
    return manifest
