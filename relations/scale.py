"""Relations' generated data for the benchmark (see portal/scale.py): organisations of every
kind, each with a topic."""

from portal.scale import BATCH, CITIES
from relations.models import Organisation, Topic

REGION_NAMES = [
    "Bretagne", "Nordrhein-Westfalen", "Baskien", "Emilia-Romagna", "Pommern", "Skåne",
    "Midtjylland", "Zuid-Holland", "Egentliga Finland", "Vestland", "Flandern", "Toscana",
    "Katalonien", "Niederösterreich", "Norra Brabant", "Pays de la Loire", "Galicien",
]


def seed(scale):
    scale.step("organisations", organisations)


def organisations(scale):
    kinds = [choice for choice, _label in Organisation.Kind.choices]
    topics = list(Topic.objects.values_list("pk", flat=True))
    rows = []
    for number in range(scale.sizes.organisations):
        country, _city = scale.rng.choice(CITIES)
        base = scale.rng.choice(REGION_NAMES)
        rows.append(Organisation(
            kind=scale.rng.choice(kinds),
            name=f"{base} {number + 1}",
            name_en=f"{base} {number + 1}",
            slug=f"skala-organisation-{number + 1}",
            country=country,
            website=f"https://organisation-{number + 1}.example.eu",
            description=" ".join(scale.paragraphs("sv", 1)),
        ))
    created = Organisation.objects.bulk_create(rows, batch_size=BATCH)
    if topics:
        through = Organisation.topics.through
        through.objects.bulk_create(
            [through(organisation_id=org.pk, topic_id=scale.rng.choice(topics))
             for org in created], batch_size=BATCH, ignore_conflicts=True,
        )
    return len(created)
