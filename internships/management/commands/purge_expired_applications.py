from django.core.management.base import BaseCommand

from internships import services
from internships.models import retention_months


class Command(BaseCommand):
    help = (
        "Delete the personal data and files of applicants not chosen, once the retention time "
        "after the call closed has passed (INTERNSHIP_RETENTION_MONTHS). Accepted interns, "
        "held applications and applications to held calls are kept; anonymous counts stay."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be removed, remove nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        removed = services.purge_expired_applications(dry_run=dry_run)
        verb = "Would remove" if dry_run else "Removed"
        for reference in removed:
            self.stdout.write(f"{verb} {reference}")
        self.stdout.write(
            f"{verb} {len(removed)} applications (retention {retention_months()} months)."
        )
