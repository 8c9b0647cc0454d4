"""Generated data at scale, for the benchmark (``manage.py seed_scale``).

Realistic in shape rather than in wording: each app generates its own rows in its ``scale``
module (``seed(scale)``, see config/registry.py), with what is shared kept here: the sizes
of each scale, the word stock, a random source, fast inserts and the log. Apps seed in the
order of the registry, so relations' organisations and topics are there before the others
point at them. Rows go in with ``bulk_create`` or COPY in batches; model ``save()`` side
effects are reproduced where pages rely on them (``body_html``, slugs, call statistics). The
demo content is loaded first, so offices, topics and the named demo items are there as on a
real site.
"""

import random
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from config.registry import app_modules

BATCH = 2000


@dataclass(frozen=True)
class Sizes:
    news: int
    visits: int
    applications: int
    subscribers: int
    organisations: int
    registrations: int


SCALES = {
    "tiny": Sizes(news=60, visits=20, applications=30, subscribers=40, organisations=15,
                  registrations=200),
    "small": Sizes(news=10_000, visits=2_000, applications=5_000, subscribers=10_000,
                   organisations=500, registrations=20_000),
    "large": Sizes(news=100_000, visits=20_000, applications=50_000, subscribers=100_000,
                   organisations=5_000, registrations=200_000),
    # Ten times large: a million news items, for a look at search and the news list.
    "huge": Sizes(news=1_000_000, visits=200_000, applications=500_000, subscribers=1_000_000,
                  organisations=50_000, registrations=2_000_000),
}

# Word stock for titles and text: the unit's real subjects, recombined.
SUBJECTS_SV = [
    "Regionen", "Västra Götaland", "Brysselkontoret", "Regionstyrelsen", "Enheten",
    "CPMR", "AER", "ERRIN", "Regionkommittén", "ESF-rådet", "Interreg Nordsjön",
    "Göteborgskontoret", "Praktikanterna", "Delegationen", "Kommissionen",
]
VERBS_SV = [
    "lyfter", "diskuterar", "välkomnar", "presenterar", "samlar", "granskar", "stöttar",
    "bjuder in till", "deltar i", "leder", "sammanfattar", "kommenterar",
]
OBJECTS_SV = [
    "sammanhållningspolitiken", "den gröna omställningen", "transportkorridorerna",
    "vätgasdalen", "kompetensförsörjningen", "forskningssamarbetet", "batteriindustrin",
    "landsbygdens utveckling", "det maritima samarbetet", "EU:s budget efter 2027",
    "hälso- och sjukvårdsfrågorna", "kulturutbytet", "ungdomsarbetslösheten",
    "Östersjöstrategin", "den digitala inre marknaden", "energieffektiviseringen",
]
SUBJECTS_EN = [
    "The region", "West Sweden", "The Brussels office", "The regional board", "CPMR", "AER",
    "ERRIN", "The Committee of the Regions", "The interns", "The delegation",
]
VERBS_EN = [
    "discusses", "welcomes", "presents", "gathers", "reviews", "supports", "hosts",
    "takes part in", "leads", "sums up",
]
OBJECTS_EN = [
    "cohesion policy", "the green transition", "transport corridors", "the hydrogen valley",
    "skills supply", "research cooperation", "the battery industry", "rural development",
    "maritime cooperation", "the EU budget after 2027", "health policy", "youth unemployment",
]
FIRST_NAMES = [
    "Anna", "Erik", "Maria", "Johan", "Sara", "Karl", "Emma", "Lars", "Elin", "Oskar",
    "Fatima", "Ali", "Sofia", "Mohammed", "Linnea", "Ahmed", "Ida", "Nils", "Hanna", "Leo",
]
LAST_NAMES = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Hassan", "Lindberg", "Berg", "Ek",
]
CITIES = [
    ("BE", "Bryssel"), ("DE", "Hamburg"), ("FR", "Rennes"), ("PL", "Gdańsk"), ("NO", "Oslo"),
    ("DK", "Aarhus"), ("FI", "Åbo"), ("NL", "Rotterdam"), ("ES", "Bilbao"), ("IT", "Bologna"),
]

STOCK = {"sv": (SUBJECTS_SV, VERBS_SV, OBJECTS_SV), "en": (SUBJECTS_EN, VERBS_EN, OBJECTS_EN)}


def seeding_modules():
    """The ``scale`` module of each app that seeds (this one holds the shared parts only)."""
    return [module for module in app_modules("scale") if hasattr(module, "seed")]


def database_is_empty():
    """True when no app that seeds has a row yet (what migrate makes, such as the groups and
    their permissions, lives in other apps)."""
    return not any(
        model.objects.exists()
        for module in seeding_modules()
        for model in apps.get_containing_app_config(module.__name__).get_models()
    )


@contextmanager
def search_indexes_rebuilt_after(table):
    """Drop the table's GIN indexes while rows go in and build them again after.

    Building a full-text index once over all rows is several times faster than updating it
    row by row; the index definitions are read back from PostgreSQL, so whatever the
    migrations made is exactly what comes back.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
            "AND indexdef ILIKE '%%USING gin%%'",
            [table],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    yield
    with connection.cursor() as cursor:
        # Deferred foreign-key checks must run before an index can be built in this transaction.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cursor.execute(definition)


class Scale:
    """One run of ``seed_scale``: the sizes asked for, one random source (repeatable from
    its seed), the moment the run started, and what each app's ``seed(scale)`` needs to put
    its rows in."""

    def __init__(self, sizes, seed=2026, log=print):
        self.sizes = sizes
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.log = log
        self.counts = {}

    def run(self):
        started = time.monotonic()
        call_command("load_demo", verbosity=0)
        for module in seeding_modules():
            module.seed(self)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # What autovacuum does soon after on a live database; the visibility map it
                # writes lets counts and index-only scans skip the table. (VACUUM cannot run
                # in a transaction, as in a test.)
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self.log(f"Seeded in {time.monotonic() - started:.1f} s: {self.counts}")
        return self.counts

    def step(self, name, function):
        """``function(self)`` in a transaction of its own; it returns how many rows it made."""
        started = time.monotonic()
        with transaction.atomic():
            self.counts[name] = function(self)
        self.log(f"  {name}: {self.counts[name]} rows in {time.monotonic() - started:.1f} s")

    def moment(self, years_back=10, years_ahead=0):
        """A moment spread evenly from ``years_back`` ago to ``years_ahead`` from now."""
        span = (years_back + years_ahead) * 365 * 86400
        return self.now - timedelta(days=years_back * 365) + timedelta(
            seconds=self.rng.randrange(span)
        )

    def person(self):
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def sentence(self, language):
        subjects, verbs, objects = STOCK[language]
        return f"{self.rng.choice(subjects)} {self.rng.choice(verbs)} {self.rng.choice(objects)}"

    def paragraphs(self, language, count):
        return [
            ". ".join(self.sentence(language) for _ in range(self.rng.randint(3, 5))) + "."
            for _ in range(count)
        ]

    def copy(self, model, rows, key=None):
        """Insert ``rows`` with PostgreSQL's COPY (several times faster than INSERT for the
        big tables); with ``key`` (a unique field), the rows get their primary keys back."""
        if connection.vendor != "postgresql":
            return self.bulk(model, rows)
        fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {table} ({columns}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row([
                    field.get_db_prep_save(field.pre_save(row, True), connection)
                    for field in fields
                ])
        if key:
            ids = dict(model.objects.filter(**{f"{key}__in": [getattr(row, key) for row in rows]})
                       .values_list(key, "pk"))
            for row in rows:
                row.pk = ids[getattr(row, key)]
        return rows

    def bulk(self, model, rows):
        created = []
        for start in range(0, len(rows), BATCH):
            created.extend(model.objects.bulk_create(rows[start:start + BATCH]))
        return created
