"""Test factories for the events models (factory-boy is a test dependency only)."""

from datetime import timedelta

import factory
from django.utils import timezone

from events import models


class EventFactory(factory.django.DjangoModelFactory):
    """A published seminar in ten days, open for registration with ten places by default."""

    class Meta:
        model = models.Event

    title = factory.Sequence(lambda n: f"Seminarium om sammanhållningspolitik {n}")
    title_en = factory.Sequence(lambda n: f"Seminar on cohesion policy {n}")
    slug = factory.Sequence(lambda n: f"seminarium-{n}")
    kind = models.Event.Kind.SEMINAR
    lead = "Ett seminarium om regionens arbete i Bryssel."
    lead_en = "A seminar on the region's work in Brussels."
    description = "Regionpolitiker och experter samtalar om EU:s sammanhållningspolitik."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))
    venue = "Västsvenska Handelskammaren"
    address = "Mässans gata 18"
    city = "Göteborg"
    status = models.Event.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    registration_closes_at = factory.LazyAttribute(
        lambda event: event.starts_at - timedelta(days=1)
    )
    capacity = 10
    waiting_list = True


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Question

    event = factory.SubFactory(EventFactory)
    text = factory.Sequence(lambda n: f"Fråga {n}")
    kind = models.Question.Kind.TEXT


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Registration

    event = factory.SubFactory(EventFactory)
    status = models.Registration.Status.CONFIRMED
    name = factory.Sequence(lambda n: f"Deltagare {n}")
    email = factory.Sequence(lambda n: f"deltagare{n}@kommun.example.se")
    organisation = "Borås stad"
    organisation_type = models.Registration.OrganisationType.MUNICIPALITY
    role = "EU-samordnare"
