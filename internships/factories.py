"""Test factories for the internships models (factory-boy is a test dependency only)."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from internships import models
from internships.samples import minimal_pdf
from relations.factories import OfficeFactory


class InternshipCallFactory(factory.django.DjangoModelFactory):
    """An open, published call by default; pass opens_at/closes_at for other states."""

    class Meta:
        model = models.InternshipCall

    title = factory.Sequence(lambda n: f"Praktik i Göteborg {n}")
    title_en = factory.Sequence(lambda n: f"Internship in Gothenburg {n}")
    slug = factory.Sequence(lambda n: f"praktik-{n}")
    term = models.InternshipCall.Term.SPRING
    year = 2027
    office = factory.SubFactory(OfficeFactory)
    places = 2
    description = "Praktik inom regional utveckling och externa relationer."
    description_en = "An internship in regional development and external relations."
    tasks = "Omvärldsbevakning, rapporter och förberedelser av besök."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    is_published = True


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Application

    call = factory.SubFactory(InternshipCallFactory)
    reference = factory.Sequence(lambda n: f"PRK-2027-{n + 1:04d}")
    first_name = "Elin"
    last_name = factory.Sequence(lambda n: f"Sökande{n}")
    email = factory.Sequence(lambda n: f"sokande{n}@example.se")
    phone = "070-123 45 67"
    university = "Göteborgs universitet"
    programme = "Masterprogram i statsvetenskap"
    level = models.Application.Level.MASTER
    expected_graduation = "juni 2027"
    languages = "svenska, engelska"
    cover_letter = "Jag vill lära mig hur regionen arbetar med EU-frågor."
    cv = factory.LazyFunction(
        lambda: ContentFile(minimal_pdf(["CV", "Elin Sökande"]), name="cv.pdf")
    )
    information_confirmed = True
    information_version = models.INFORMATION_VERSION
