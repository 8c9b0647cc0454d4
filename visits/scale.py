"""Visits' generated data for the benchmark (see portal/scale.py): visits over ten years and
the next one, most of them public, some upcoming, some with the generated organisations."""

from datetime import timedelta

from portal.scale import CITIES, OBJECTS_EN, OBJECTS_SV
from relations.models import Organisation
from visits.models import Visit


def seed(scale):
    scale.step("visits", visits)


def visits(scale):
    rng = scale.rng
    organisations = list(Organisation.objects.values_list("pk", flat=True)) or [None]
    rows = []
    for number in range(scale.sizes.visits):
        outgoing = rng.random() < 0.4
        country, city = rng.choice(CITIES) if outgoing else ("BE", "Göteborg")
        starts_at = scale.moment(10, 1).replace(minute=0, second=0, microsecond=0)
        ends_at = starts_at + timedelta(hours=rng.choice([3, 8, 26, 50]))
        upcoming = ends_at > scale.now
        roll = rng.random()
        if roll < 0.75:
            visibility, status = Visit.Visibility.PUBLIC, (
                Visit.Status.CONFIRMED if upcoming else Visit.Status.COMPLETED)
        elif roll < 0.9:
            visibility, status = Visit.Visibility.INTERNAL, (
                Visit.Status.PLANNING if upcoming else Visit.Status.COMPLETED)
        else:
            visibility, status = Visit.Visibility.PUBLIC, Visit.Status.CANCELLED
        object_ = rng.choice(OBJECTS_SV)
        rows.append(Visit(
            direction=Visit.Direction.OUTGOING if outgoing else Visit.Direction.INCOMING,
            title=f"Besök om {object_}",
            title_en=f"Visit on {rng.choice(OBJECTS_EN)}",
            slug=f"skala-besok-{number + 1}",
            organisation_id=rng.choice(organisations),
            country=country,
            city=city,
            venue="Regionens hus" if not outgoing else "",
            starts_at=starts_at,
            ends_at=ends_at,
            purpose=" ".join(scale.paragraphs("sv", 1)),
            hosts=f"{scale.person()}, regionråd",
            delegation_size=rng.randint(2, 40),
            visibility=visibility,
            status=status,
            cancelled_at=scale.now if status == Visit.Status.CANCELLED else None,
            summary=" ".join(scale.paragraphs("sv", 1)) if not upcoming else "",
        ))
    return len(scale.bulk(Visit, rows))
