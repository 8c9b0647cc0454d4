"""Internships' generated data for the benchmark (see portal/scale.py): a call every term at
the offices (three open now, one upcoming) with their applications and statistics."""

import uuid
from collections import Counter
from datetime import timedelta

from internships.models import Application, CallStatistic, InternshipCall
from portal.scale import BATCH, FIRST_NAMES, LAST_NAMES
from relations.models import Office

APPLICATIONS_PER_CALL = 50

UNIVERSITIES = [
    "Göteborgs universitet", "Chalmers tekniska högskola", "Lunds universitet",
    "Uppsala universitet", "Stockholms universitet", "Högskolan Väst", "Högskolan i Skövde",
    "Högskolan i Borås", "Linköpings universitet", "Umeå universitet",
]

PROGRAMMES = [
    "Statsvetenskap", "Europakunskap", "Nationalekonomi", "Juristprogrammet",
    "Internationella relationer", "Samhällsplanering", "Journalistik", "Freds- och konfliktstudier",
]


def seed(scale):
    scale.step("applications", applications)


def applications(scale):
    rng, now = scale.rng, scale.now
    offices = list(Office.objects.values_list("pk", flat=True))
    calls = []
    for number in range(max(1, scale.sizes.applications // APPLICATIONS_PER_CALL)):
        # Past calls, newest first; the three newest are open and one is upcoming.
        if number < 3:
            opens_at = now - timedelta(days=10 + number)
            closes_at = now + timedelta(days=20 + number)
        elif number == 3:
            opens_at = now + timedelta(days=12)
            closes_at = now + timedelta(days=40)
        else:
            opens_at = now - timedelta(days=30 + 7 * number)
            closes_at = opens_at + timedelta(days=30)
        term = "spring" if opens_at.month >= 7 else "autumn"
        calls.append(InternshipCall(
            title=f"Praktik {number + 1} vid regionens kontor",
            title_en=f"Internship {number + 1} at the region's office",
            slug=f"skala-praktik-{number + 1}",
            term=term,
            year=min(2100, max(2000, opens_at.year + (1 if term == "spring" else 0))),
            office_id=rng.choice(offices),
            places=rng.randint(1, 3),
            description=" ".join(scale.paragraphs("sv", 2)),
            tasks=" ".join(scale.paragraphs("sv", 1)),
            requirements="Studier på avancerad nivå i statsvetenskap eller liknande.",
            opens_at=opens_at,
            closes_at=closes_at,
            is_published=True,
        ))
    calls = InternshipCall.objects.bulk_create(calls, batch_size=BATCH)
    statuses = [choice for choice, _label in Application.Status.choices]
    rows, stats = [], Counter()
    for number in range(scale.sizes.applications):
        call = calls[number % len(calls)]
        university = rng.choice(UNIVERSITIES)
        programme = rng.choice(PROGRAMMES)
        level = rng.choice(["bachelor", "master", "master", "doctoral"])
        first_name, last_name = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        rows.append(Application(
            call_id=call.pk,
            reference=f"PRK-S-{number + 1:07d}",
            first_name=first_name,
            last_name=last_name,
            email=f"sokande{number + 1}@student.example.se",
            phone="070-123 45 67",
            university=university,
            programme=programme,
            level=level,
            expected_graduation="juni 2027",
            languages="svenska, engelska",
            cover_letter=" ".join(scale.paragraphs("sv", 3)),
            cv=f"applications/{uuid.UUID(int=rng.getrandbits(128)).hex}.pdf",
            information_confirmed=True,
            information_version="2026-11",
            submitted_at=call.opens_at + timedelta(days=rng.randint(0, 9)),
            status=rng.choice(statuses) if call.closes_at < now else "received",
        ))
        for dimension, value in (("total", ""), ("university", university),
                                 ("programme", programme), ("level", level)):
            stats[(call.pk, dimension, value)] += 1
    scale.bulk(Application, rows)
    CallStatistic.objects.bulk_create(
        [CallStatistic(call_id=call, dimension=dimension, value=value, count=count)
         for (call, dimension, value), count in stats.items()],
        batch_size=BATCH,
    )
    return len(rows)
