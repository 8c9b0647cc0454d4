"""Events' generated data for the benchmark (see portal/scale.py): the registrations, twenty
to an event, the events spread over the last years and the coming months."""

from datetime import timedelta

from events.models import Event, Registration
from portal.scale import BATCH, FIRST_NAMES, LAST_NAMES
from relations.models import Topic

REGISTRATIONS_PER_EVENT = 20
KINDS = [kind for kind, _label in Event.Kind.choices]
ORGANISATION_TYPES = [kind for kind, _label in Registration.OrganisationType.choices]


def seed(scale):
    scale.step("registrations", registrations_and_events)


def registrations_and_events(scale):
    rng, now = scale.rng, scale.now
    count = max(1, scale.sizes.registrations // REGISTRATIONS_PER_EVENT)
    rows = []
    for number in range(count):
        # One in ten is coming; the rest make the archive.
        starts_at = (
            now + timedelta(days=rng.randint(1, 120), hours=rng.randint(0, 8))
            if number % 10 == 0
            else scale.moment(years_back=5)
        )
        online = rng.random() < 0.3
        rows.append(Event(
            title=f"{scale.sentence('sv')} ({number + 1})",
            title_en=f"{scale.sentence('en')} ({number + 1})",
            slug=f"skala-evenemang-{number + 1}",
            kind="web_seminar" if online else rng.choice(KINDS[:-1]),
            lead=scale.paragraphs("sv", 1)[0][:500],
            description=" ".join(scale.paragraphs("sv", 2)),
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=rng.randint(1, 6)),
            venue="" if online else "Regionens hus",
            city="" if online else "Göteborg",
            online_url="https://mote.example.se/skala" if online else "",
            status="published",
            publish_at=starts_at - timedelta(days=40),
            registration_opens_at=starts_at - timedelta(days=40),
            registration_closes_at=starts_at - timedelta(days=1),
            capacity=rng.choice([None, 20, 40, 100]),
        ))
    created = Event.objects.bulk_create(rows, batch_size=BATCH)
    topics = list(Topic.objects.values_list("pk", flat=True))
    if topics:
        through = Event.topics.through
        through.objects.bulk_create(
            [through(event_id=event.pk, topic_id=rng.choice(topics)) for event in created],
            batch_size=BATCH,
        )
    registrations = []
    for number in range(scale.sizes.registrations):
        event = created[number % len(created)]
        first_name, last_name = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        registrations.append(Registration(
            event_id=event.pk,
            reference=f"EV-SKALA-{number + 1:07d}",
            status="confirmed",
            name=f"{first_name} {last_name}",
            email=f"deltagare{number + 1}@kommun.example.se",
            organisation="Kommunen",
            organisation_type=rng.choice(ORGANISATION_TYPES),
            registered_at=event.starts_at - timedelta(days=rng.randint(2, 30)),
            attended=(rng.random() < 0.8) if event.ends_at < now else None,
        ))
    scale.bulk(Registration, registrations)
    return len(registrations)
