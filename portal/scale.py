"""Generated data at scale, for the benchmark (``manage.py seed_scale``).

Realistic in shape rather than in wording: years of news in Swedish and English with topics
and translations, visits over the same years (most public, some upcoming), internship calls
every term with their applications and statistics, organisations of every kind, and (when
the newsletter exists) confirmed and unconfirmed subscribers. Rows go in with
``bulk_create`` in batches; model ``save()`` side effects are reproduced where pages rely on
them (``body_html``, slugs, call statistics). The demo content is loaded first, so offices,
topics and the named demo items are there as on a real site.
"""

import random
import time
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

BATCH = 2000


@dataclass(frozen=True)
class Scale:
    news: int
    visits: int
    applications: int
    subscribers: int
    organisations: int


SCALES = {
    "tiny": Scale(news=60, visits=20, applications=30, subscribers=40, organisations=15),
    "small": Scale(news=10_000, visits=2_000, applications=5_000, subscribers=10_000,
                   organisations=500),
    "large": Scale(news=100_000, visits=20_000, applications=50_000, subscribers=100_000,
                   organisations=5_000),
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
UNIVERSITIES = [
    "Göteborgs universitet", "Chalmers tekniska högskola", "Lunds universitet",
    "Uppsala universitet", "Stockholms universitet", "Högskolan Väst", "Högskolan i Skövde",
    "Högskolan i Borås", "Linköpings universitet", "Umeå universitet",
]
PROGRAMMES = [
    "Statsvetenskap", "Europakunskap", "Nationalekonomi", "Juristprogrammet",
    "Internationella relationer", "Samhällsplanering", "Journalistik", "Freds- och konfliktstudier",
]
CITIES = [
    ("BE", "Bryssel"), ("DE", "Hamburg"), ("FR", "Rennes"), ("PL", "Gdańsk"), ("NO", "Oslo"),
    ("DK", "Aarhus"), ("FI", "Åbo"), ("NL", "Rotterdam"), ("ES", "Bilbao"), ("IT", "Bologna"),
]
REGION_NAMES = [
    "Bretagne", "Nordrhein-Westfalen", "Baskien", "Emilia-Romagna", "Pommern", "Skåne",
    "Midtjylland", "Zuid-Holland", "Egentliga Finland", "Vestland", "Flandern", "Toscana",
    "Katalonien", "Niederösterreich", "Norra Brabant", "Pays de la Loire", "Galicien",
]

# Project names: each is mentioned by a few items in a thousand, like a real project's name.
PROJECT_NAMES = [
    f"{first}{second}"
    for first in ["Nord", "Bal", "Sun", "Hav", "Ski", "Ven", "Dal", "Fjord", "Berg", "Ek",
                  "Alp", "Kust", "Sol", "Vind", "Is", "Ljus", "Skog", "Ström", "Älv", "Ö"]
    for second in ["link", "port", "hub", "net", "way", "tech", "grid", "bridge", "flow", "lab",
                   "gate", "path", "line", "point", "sphere", "works", "axis", "core", "mesh",
                   "field"]
]


def _sentence(rng, subjects, verbs, objects):
    return f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}"


def _paragraphs(rng, language, count):
    stock = (SUBJECTS_SV, VERBS_SV, OBJECTS_SV) if language == "sv" else (
        SUBJECTS_EN, VERBS_EN, OBJECTS_EN)
    return [
        ". ".join(_sentence(rng, *stock) for _ in range(rng.randint(3, 5))) + "."
        for _ in range(count)
    ]


@contextmanager
def _search_indexes_rebuilt_after(table):
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


def database_is_empty():
    """True when no content a page would show is there yet (migrations' own rows aside)."""
    from internships.models import Application
    from newsroom.models import NewsItem
    from relations.models import Organisation
    from visits.models import Visit

    return not any(
        model.objects.exists() for model in (NewsItem, Visit, Application, Organisation)
    )


def subscriber_model():
    """newsroom.Subscriber when the newsletter exists, else None."""
    try:
        return apps.get_model("newsroom", "Subscriber")
    except LookupError:
        return None


class Seeder:
    def __init__(self, scale, seed=2026, log=print):
        self.scale = scale
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.log = log
        self.counts = {}

    def run(self):
        from django.core.management import call_command

        started = time.monotonic()
        call_command("load_demo", verbosity=0)
        self._step("organisations", self.organisations)
        self._step("news", self.news)
        self._step("visits", self.visits)
        self._step("applications", self.applications)
        self._step("subscribers", self.subscribers)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ANALYZE")
        self.log(f"Seeded in {time.monotonic() - started:.1f} s: {self.counts}")
        return self.counts

    def _step(self, name, function):
        started = time.monotonic()
        with transaction.atomic():
            result = function()
        if result is not None:
            self.counts[name] = result
            self.log(f"  {name}: {result} rows in {time.monotonic() - started:.1f} s")

    def _moment(self, years_back=10, years_ahead=0):
        """A moment spread evenly from ``years_back`` ago to ``years_ahead`` from now."""
        span = (years_back + years_ahead) * 365 * 86400
        return self.now - timedelta(days=years_back * 365) + timedelta(
            seconds=self.rng.randrange(span)
        )

    # Organisations ------------------------------------------------------------------------

    def organisations(self):
        from relations.models import Organisation, Topic

        kinds = [choice for choice, _label in Organisation.Kind.choices]
        topics = list(Topic.objects.values_list("pk", flat=True))
        rows = []
        for number in range(self.scale.organisations):
            country, _city = self.rng.choice(CITIES)
            base = self.rng.choice(REGION_NAMES)
            rows.append(Organisation(
                kind=self.rng.choice(kinds),
                name=f"{base} {number + 1}",
                name_en=f"{base} {number + 1}",
                slug=f"skala-organisation-{number + 1}",
                country=country,
                website=f"https://organisation-{number + 1}.example.eu",
                description=" ".join(_paragraphs(self.rng, "sv", 1)),
            ))
        created = Organisation.objects.bulk_create(rows, batch_size=BATCH)
        if topics:
            through = Organisation.topics.through
            through.objects.bulk_create(
                [through(organisation_id=org.pk, topic_id=self.rng.choice(topics))
                 for org in created], batch_size=BATCH, ignore_conflicts=True,
            )
        self.organisation_ids = [org.pk for org in created]
        return len(created)

    # News ---------------------------------------------------------------------------------

    def news(self):
        from newsroom.models import NewsItem
        from relations.models import Topic

        topics = list(Topic.objects.values_list("pk", flat=True))
        rows = []
        for number in range(self.scale.news):
            language = "sv" if self.rng.random() < 0.8 else "en"
            stock = (SUBJECTS_SV, VERBS_SV, OBJECTS_SV) if language == "sv" else (
                SUBJECTS_EN, VERBS_EN, OBJECTS_EN)
            title = _sentence(self.rng, *stock)
            paragraphs = _paragraphs(self.rng, language, self.rng.randint(2, 4))
            roll = self.rng.random()
            if roll < 0.03:
                status, publish_at = NewsItem.Status.DRAFT, self._moment(1)
            elif roll < 0.04:
                # Scheduled: published status, time still to come (weeks ahead).
                status = NewsItem.Status.PUBLISHED
                publish_at = self.now + timedelta(hours=self.rng.randint(2, 24 * 60))
            else:
                status, publish_at = NewsItem.Status.PUBLISHED, self._moment()
            rows.append(NewsItem(
                title=title,
                slug=f"skala-{number + 1}",
                language=language,
                lead=(f"{self.rng.choice(PROJECT_NAMES)}: " + paragraphs[0])[:590],
                body="\n\n".join(paragraphs[1:]),
                # What render_markdown makes of plain paragraphs, without its cost.
                body_html="\n".join(f"<p>{text}</p>" for text in paragraphs[1:]),
                status=status,
                publish_at=publish_at,
                author_name=f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}",
            ))
        with _search_indexes_rebuilt_after(NewsItem._meta.db_table):
            created = self._copy(NewsItem, rows, key="slug")
        if topics:
            through = NewsItem.topics.through
            links = set()
            for item in created:
                for topic in self.rng.sample(topics, k=min(len(topics), self.rng.randint(1, 2))):
                    links.add((item.pk, topic))
            self._copy(through, [through(newsitem_id=item, topic_id=topic)
                                 for item, topic in links])
        # One item in ten has a translation: pair Swedish and English items both ways.
        swedish = [item.pk for item in created if item.language == "sv"]
        english = [item.pk for item in created if item.language == "en"]
        pairs = list(zip(swedish[: len(english) // 2], english[: len(english) // 2], strict=True))
        if pairs:
            with connection.cursor() as cursor:
                values = ",".join(f"({a},{b}),({b},{a})" for a, b in pairs)
                cursor.execute(
                    f"UPDATE {NewsItem._meta.db_table} AS n SET translation_id = v.other "  # noqa: S608
                    f"FROM (VALUES {values}) AS v(id, other) WHERE n.id = v.id"
                )
        return len(created)

    def _copy(self, model, rows, key=None):
        """Insert ``rows`` with PostgreSQL's COPY (several times faster than INSERT for the
        big tables); with ``key`` (a unique field), the rows get their primary keys back."""
        if connection.vendor != "postgresql":
            return self._bulk(model, rows)
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

    def _bulk(self, model, rows):
        created = []
        for start in range(0, len(rows), BATCH):
            created.extend(model.objects.bulk_create(rows[start:start + BATCH]))
        return created

    # Visits -------------------------------------------------------------------------------

    def visits(self):
        from visits.models import Visit

        organisations = getattr(self, "organisation_ids", None) or [None]
        rows = []
        for number in range(self.scale.visits):
            outgoing = self.rng.random() < 0.4
            country, city = self.rng.choice(CITIES) if outgoing else ("BE", "Göteborg")
            starts_at = self._moment(10, 1).replace(minute=0, second=0, microsecond=0)
            ends_at = starts_at + timedelta(hours=self.rng.choice([3, 8, 26, 50]))
            upcoming = ends_at > self.now
            roll = self.rng.random()
            if roll < 0.75:
                visibility, status = Visit.Visibility.PUBLIC, (
                    Visit.Status.CONFIRMED if upcoming else Visit.Status.COMPLETED)
            elif roll < 0.9:
                visibility, status = Visit.Visibility.INTERNAL, (
                    Visit.Status.PLANNING if upcoming else Visit.Status.COMPLETED)
            else:
                visibility, status = Visit.Visibility.PUBLIC, Visit.Status.CANCELLED
            object_ = self.rng.choice(OBJECTS_SV)
            rows.append(Visit(
                direction=Visit.Direction.OUTGOING if outgoing else Visit.Direction.INCOMING,
                title=f"Besök om {object_}",
                title_en=f"Visit on {self.rng.choice(OBJECTS_EN)}",
                slug=f"skala-besok-{number + 1}",
                organisation_id=self.rng.choice(organisations),
                country=country,
                city=city,
                venue="Regionens hus" if not outgoing else "",
                starts_at=starts_at,
                ends_at=ends_at,
                purpose=" ".join(_paragraphs(self.rng, "sv", 1)),
                hosts=f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}, regionråd",
                delegation_size=self.rng.randint(2, 40),
                visibility=visibility,
                status=status,
                cancelled_at=self.now if status == Visit.Status.CANCELLED else None,
                summary=" ".join(_paragraphs(self.rng, "sv", 1)) if not upcoming else "",
            ))
        return len(self._bulk(Visit, rows))

    # Internship calls and applications ----------------------------------------------------

    def applications(self):
        from internships.models import Application, CallStatistic, InternshipCall
        from relations.models import Office

        offices = list(Office.objects.values_list("pk", flat=True))
        per_call = 50
        call_count = max(1, self.scale.applications // per_call)
        calls = []
        for number in range(call_count):
            # Past calls, newest first; the three newest are open and one is upcoming.
            if number < 3:
                opens_at = self.now - timedelta(days=10 + number)
                closes_at = self.now + timedelta(days=20 + number)
            elif number == 3:
                opens_at = self.now + timedelta(days=12)
                closes_at = self.now + timedelta(days=40)
            else:
                opens_at = self.now - timedelta(days=30 + 7 * number)
                closes_at = opens_at + timedelta(days=30)
            term = "spring" if opens_at.month >= 7 else "autumn"
            calls.append(InternshipCall(
                title=f"Praktik {number + 1} vid regionens kontor",
                title_en=f"Internship {number + 1} at the region's office",
                slug=f"skala-praktik-{number + 1}",
                term=term,
                year=min(2100, max(2000, opens_at.year + (1 if term == "spring" else 0))),
                office_id=self.rng.choice(offices),
                places=self.rng.randint(1, 3),
                description=" ".join(_paragraphs(self.rng, "sv", 2)),
                tasks=" ".join(_paragraphs(self.rng, "sv", 1)),
                requirements="Studier på avancerad nivå i statsvetenskap eller liknande.",
                opens_at=opens_at,
                closes_at=closes_at,
                is_published=True,
            ))
        calls = InternshipCall.objects.bulk_create(calls, batch_size=BATCH)
        statuses = [choice for choice, _label in Application.Status.choices]
        rows, stats = [], Counter()
        for number in range(self.scale.applications):
            call = calls[number % len(calls)]
            university = self.rng.choice(UNIVERSITIES)
            programme = self.rng.choice(PROGRAMMES)
            level = self.rng.choice(["bachelor", "master", "master", "doctoral"])
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            rows.append(Application(
                call_id=call.pk,
                reference=f"PRK-S-{number + 1:07d}",
                first_name=first,
                last_name=last,
                email=f"sokande{number + 1}@student.example.se",
                phone="070-123 45 67",
                university=university,
                programme=programme,
                level=level,
                expected_graduation="juni 2027",
                languages="svenska, engelska",
                cover_letter=" ".join(_paragraphs(self.rng, "sv", 3)),
                cv=f"applications/{uuid.UUID(int=self.rng.getrandbits(128)).hex}.pdf",
                information_confirmed=True,
                information_version="2026-11",
                submitted_at=call.opens_at + timedelta(days=self.rng.randint(0, 9)),
                status=self.rng.choice(statuses) if call.closes_at < self.now else "received",
            ))
            for dimension, value in (("total", ""), ("university", university),
                                     ("programme", programme), ("level", level)):
                stats[(call.pk, dimension, value)] += 1
        self._bulk(Application, rows)
        CallStatistic.objects.bulk_create(
            [CallStatistic(call_id=call, dimension=dimension, value=value, count=count)
             for (call, dimension, value), count in stats.items()],
            batch_size=BATCH,
        )
        return len(rows)

    # Newsletter subscribers ---------------------------------------------------------------

    def subscribers(self):
        model = subscriber_model()
        if model is None:
            self.log("  subscribers: skipped (newsroom.Subscriber does not exist yet)")
            return None
        fields = {field.name: field for field in model._meta.concrete_fields}
        # save() sets the hash the suppression list is matched by; bulk_create does not.
        from newsroom import models as newsroom_models

        email_hash = getattr(newsroom_models, "suppression_hash", lambda email: "")
        rows = []
        for number in range(self.scale.subscribers):
            values = {"email": f"prenumerant{number + 1}@example.se"}
            confirmed = self.rng.random() < 0.9
            if "language" in fields:
                values["language"] = "sv" if self.rng.random() < 0.85 else "en"
            if "confirmed_at" in fields:
                values["confirmed_at"] = self._moment(5) if confirmed else None
            if "is_confirmed" in fields:
                values["is_confirmed"] = confirmed
            if "status" in fields and fields["status"].choices:
                choices = [choice for choice, _label in fields["status"].choices]
                wanted = "confirmed" if confirmed else "pending"
                values["status"] = wanted if wanted in choices else choices[0]
            if "email_hash" in fields:
                values["email_hash"] = email_hash(values["email"])
            rows.append(model(**values))
        return len(self._bulk(model, rows))
