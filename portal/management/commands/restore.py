from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup folder (from `manage.py backup`) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup folder, e.g. backups/2026-11-28T043000")

    def handle(self, *args, **options):
        try:
            manifest = restore(connections["default"].settings_dict, options["folder"])
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored {sum(manifest['rows'].values())} rows in {len(manifest['rows'])} tables "
            f"and {len(manifest['files'])} files; counts and checksums match the backup."
        )
