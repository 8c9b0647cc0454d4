"""Test factories for the visits models (factory-boy is a test dependency only)."""

import datetime

import factory
from django.utils import timezone

from relations.factories import OrganisationFactory
from visits import models


def in_days(days, hour=10):
    """An aware datetime ``days`` from today at ``hour`` o'clock, local time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return models.local_datetime(day, hour)


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Visit

    direction = models.Visit.Direction.INCOMING
    title = factory.Sequence(lambda n: f"Besök {n} från en partnerregion")
    title_en = factory.Sequence(lambda n: f"Visit {n} from a partner region")
    organisation = factory.SubFactory(OrganisationFactory)
    country = "FI"
    city = "Göteborg"
    venue = factory.Sequence(lambda n: f"Sal {n}, Regionens hus")
    starts_at = factory.LazyFunction(lambda: in_days(10, 9))
    ends_at = factory.LazyAttribute(lambda visit: visit.starts_at + datetime.timedelta(hours=7))
    purpose = "Erfarenhetsutbyte om regional utveckling."
    purpose_en = "Exchange of experience on regional development."
    hosts = "Anna Andersson, regionråd"
    delegation_size = 8
    visibility = models.Visit.Visibility.PUBLIC
    status = models.Visit.Status.CONFIRMED


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ProgrammeItem

    visit = factory.SubFactory(VisitFactory)
    starts_at = factory.LazyAttribute(lambda item: item.visit.starts_at)
    ends_at = factory.LazyAttribute(lambda item: item.starts_at + datetime.timedelta(hours=1))
    activity = factory.Sequence(lambda n: f"Programpunkt {n}")
    activity_en = factory.Sequence(lambda n: f"Programme item {n}")
    place = "Regionens hus"
    responsible = "Externa relationer"
    is_public = True


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Participant

    visit = factory.SubFactory(VisitFactory)
    name = factory.Sequence(lambda n: f"Deltagare Hemligsson {n}")
    title = "Regionråd"
    organisation = "Partnerregionen"
    role = models.Participant.Role.DELEGATE
    email = factory.Sequence(lambda n: f"deltagare{n}@example.fi")
    phone = "+358 40 123 4567"
    dietary_needs = "Vegetarisk kost"
    accessibility_needs = "Rullstolsplats"


class GiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Gift

    visit = factory.SubFactory(VisitFactory)
    direction = models.Gift.Direction.GIVEN
    description = "Glasskål från Kosta"
    giver = "Regionstyrelsens ordförande"
    recipient = "Delegationens ledare"
    estimated_value_sek = 450
