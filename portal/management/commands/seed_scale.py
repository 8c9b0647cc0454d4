"""Fill a PostgreSQL database with generated data at a chosen scale, for the benchmark."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal.scale import SCALES, Scale, Sizes, database_is_empty


class Command(BaseCommand):
    help = (
        "Fill the (PostgreSQL) database with generated news, visits, internship calls and "
        "applications, organisations and newsletter subscribers: --scale small (10,000 news "
        "items) or large (100,000), or tiny for tests. Refuses a database that already has "
        "content unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")
        parser.add_argument(
            "--news", type=int, help="Override the number of news items (and so on below)."
        )
        parser.add_argument("--visits", type=int)
        parser.add_argument("--applications", type=int)
        parser.add_argument("--subscribers", type=int)
        parser.add_argument("--organisations", type=int)
        parser.add_argument("--registrations", type=int)
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (repeatable).")
        parser.add_argument(
            "--force", action="store_true", help="Add to a database that already has content."
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "seed_scale runs on PostgreSQL only (the benchmark measures the production "
                f"database); this DATABASE_URL is {connection.vendor}."
            )
        if not options["force"] and not database_is_empty():
            raise CommandError(
                f"The database {connection.settings_dict['NAME']!r} already has content; "
                "use an empty one (make bench creates its own) or pass --force."
            )
        base = SCALES[options["scale"]]
        sizes = Sizes(**{
            name: options[name] if options[name] is not None else getattr(base, name)
            for name in ("news", "visits", "applications", "subscribers", "organisations",
                         "registrations")
        })
        self.stdout.write(f"Seeding {connection.settings_dict['NAME']} at {sizes}")
        # Each app's scale.seed(), in the order of the registry: relations' organisations
        # and topics first, since the others point at them.
        Scale(sizes, seed=options["seed"], log=self.stdout.write).run()
