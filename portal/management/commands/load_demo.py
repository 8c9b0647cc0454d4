from django.core.management.base import BaseCommand
from django.db import transaction

from config.registry import app_modules


class Command(BaseCommand):
    help = (
        "Load the demo content of every app (each app's demo.load()). Idempotent: running "
        "it again changes nothing. Creates login accounts only when DEBUG is on."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            for module in app_modules("demo"):
                module.load()
                self.stdout.write(f"Demo content loaded: {module.__name__}")
