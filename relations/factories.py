"""Test factories for the relations models (factory-boy is a test dependency only)."""

import datetime

import factory
from django.utils import timezone

from relations import models


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Prioriterad fråga {n}")
    name_en = factory.Sequence(lambda n: f"Priority {n}")
    slug = factory.Sequence(lambda n: f"fraga-{n}")
    description = "En fråga som regionen driver."


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation

    kind = models.Organisation.Kind.NETWORK
    name = factory.Sequence(lambda n: f"Nätverk {n}")
    acronym = factory.Sequence(lambda n: f"N{n}")
    slug = factory.Sequence(lambda n: f"natverk-{n}")
    country = "BE"
    description = "Ett europeiskt nätverk av regioner."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Membership

    organisation = factory.SubFactory(OrganisationFactory)
    role = models.Membership.Role.MEMBER
    since = datetime.date(2015, 1, 1)
    representative_name = "Anna Andersson"
    representative_title = "regionråd"
    public_notes = "Regionen deltar i arbetsgruppen för transport."
    internal_notes = "Intern anteckning: förhandlingsläge."


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Programme

    name = factory.Sequence(lambda n: f"Interreg-program {n} 2021–2027")
    slug = factory.Sequence(lambda n: f"program-{n}")
    fund = models.Programme.Fund.INTERREG
    period_start = 2021
    period_end = 2027
    region_role = "Contact Point"


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Project

    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    programme = factory.SubFactory(ProgrammeFactory)
    # Ongoing whenever the tests run: the status follows the dates.
    start_date = factory.LazyFunction(lambda: timezone.localdate().replace(month=1, day=1))
    end_date = factory.LazyAttribute(lambda project: project.start_date.replace(
        year=project.start_date.year + 3, month=12, day=31
    ))
    total_budget = 1_000_000
    eu_grant = 800_000
    region_role = models.Project.Role.PARTNER
    status = models.Project.Status.ONGOING


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Office
        django_get_or_create = ["slug"]

    name = "Göteborg"
    slug = "goteborg"
    address = "Regionens hus, Norra Hamngatan 14, 411 06 Göteborg"
    role = "Enhetens huvudkontor."
    email = "externa.relationer@example.se"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Contact

    name = factory.Sequence(lambda n: f"Kontakt {n}")
    title = "EU-handläggare"
    office = factory.SubFactory(OfficeFactory)
    email = factory.Sequence(lambda n: f"kontakt{n}@example.se")


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Agreement

    kind = models.Agreement.Kind.AGREEMENT
    title = factory.Sequence(lambda n: f"Överenskommelse {n}")
    slug = factory.Sequence(lambda n: f"overenskommelse-{n}")
    summary = "En överenskommelse om samverkan i EU-frågor."
    decided_by = "regionstyrelsen"
    decided_on = datetime.date(2014, 11, 20)
    signed_on = datetime.date(2015, 1, 15)
    valid_from = datetime.date(2015, 1, 1)


class DevelopmentAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DevelopmentArea

    agreement = factory.SubFactory(AgreementFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Utvecklingsområde {n}")


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Forum

    agreement = factory.SubFactory(AgreementFactory)
    kind = models.Forum.Kind.STEERING_GROUP
    name = "Styrgrupp"


class ForumMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ForumMember

    forum = factory.SubFactory(ForumFactory)
    name = factory.Sequence(lambda n: f"Deltagare {n}")
    title = "EU-samordnare"
    organisation = "Partnerkommunen"
    email = factory.Sequence(lambda n: f"deltagare{n}@example.se")


class AgreementContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AgreementContact

    agreement = factory.SubFactory(AgreementFactory)
    name = factory.Sequence(lambda n: f"Kontaktperson {n}")
    organisation = "Partnerorganisationen"
    email = factory.Sequence(lambda n: f"kontaktperson{n}@example.se")


class AgreementFollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AgreementFollowUp

    agreement = factory.SubFactory(AgreementFactory)
    year = factory.Sequence(lambda n: 2015 + n)
    summary = "Samverkan har fördjupats under året."
    decided_by = "styrgruppen"


class AreaResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AreaResult

    follow_up = factory.SubFactory(AgreementFollowUpFactory)
    area = factory.SubFactory(
        DevelopmentAreaFactory, agreement=factory.SelfAttribute("..follow_up.agreement")
    )
    text = "Två gemensamma ansökningar har lämnats in."


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Position

    kind = models.Position.Kind.CONSULTATION_RESPONSE
    title = factory.Sequence(lambda n: f"Remissvar {n}")
    slug = factory.Sequence(lambda n: f"remissvar-{n}")
    date = datetime.date(2025, 3, 14)
    addressee = "Regeringskansliet, Finansdepartementet"
    case_number = "Fi2025/00123"
    summary = "Regionen tillstyrker förslaget med några ändringar."
