from django.core.management.base import BaseCommand

from visits.periodic import purge_visit_personal_data


class Command(BaseCommand):
    help = (
        "Remove visit participants and requesters' contact data VISIT_PERSONAL_DATA_MONTHS "
        "after the visit or its cancellation (also run by run_periodic)."
    )

    def handle(self, *args, **options):
        self.stdout.write(purge_visit_personal_data())
