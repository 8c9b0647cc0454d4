from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format) and the uploaded files to a dated folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to", default=str(settings.BASE_DIR / "backups"), help="where the dated folder goes"
        )

    def handle(self, *args, **options):
        try:
            folder = backup(connections["default"].settings_dict, options["to"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup written to {folder}")
