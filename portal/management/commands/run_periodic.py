import logging

from django.core.management.base import BaseCommand

from config.registry import app_modules

logger = logging.getLogger("portal")


class Command(BaseCommand):
    help = (
        "Run every periodic job that is due: each app's periodic.JOBS. Production runs this "
        "from a timer every few minutes; each job decides itself what is due, so running it "
        "more often does no harm."
    )

    def handle(self, *args, **options):
        failures = 0
        for module in app_modules("periodic"):
            for job in module.JOBS:
                name = f"{module.__name__}.{job.__name__}"
                try:
                    outcome = job()
                except Exception:
                    # One failing job must not keep the others from running.
                    failures += 1
                    logger.exception("Periodic job failed: %s", name)
                    self.stderr.write(f"{name}: failed (see the log)")
                else:
                    self.stdout.write(f"{name}: {outcome or 'done'}")
        if failures:
            raise SystemExit(1)
