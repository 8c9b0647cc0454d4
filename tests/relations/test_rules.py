"""The rules on the models: periods, budgets and grants, logos, public and current memberships."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from relations.factories import (
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
)
from relations.models import Membership

pytestmark = pytest.mark.django_db


def errors_of(obj):
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


def test_project_end_before_start_is_refused_at_the_end_date():
    project = ProjectFactory.build(
        programme=ProgrammeFactory(),
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2024, 12, 31),
    )
    assert errors_of(project) == {"end_date": ["Slutdatumet kan inte vara före startdatumet."]}


def test_negative_budget_and_grant_are_refused_at_their_fields():
    project = ProjectFactory.build(
        programme=ProgrammeFactory(), total_budget=Decimal("-1"), eu_grant=Decimal("-1")
    )
    errors = errors_of(project)
    assert errors["total_budget"] == ["Budgeten kan inte vara negativ."]
    assert errors["eu_grant"] == ["EU-bidraget kan inte vara negativt."]


def test_grant_above_total_budget_is_refused_at_the_grant():
    project = ProjectFactory.build(
        programme=ProgrammeFactory(), total_budget=Decimal(100), eu_grant=Decimal(101)
    )
    assert errors_of(project) == {
        "eu_grant": ["EU-bidraget kan inte vara större än den totala budgeten."]
    }


def test_grant_equal_to_budget_is_allowed():
    project = ProjectFactory.build(
        programme=ProgrammeFactory(), total_budget=Decimal(100), eu_grant=Decimal(100)
    )
    project.full_clean()


def test_membership_end_before_start_is_refused():
    membership = MembershipFactory.build(
        organisation=OrganisationFactory(),
        since=datetime.date(2020, 1, 1),
        until=datetime.date(2019, 1, 1),
    )
    assert errors_of(membership) == {"until": ["Slutdatumet kan inte vara före startdatumet."]}


def test_programme_period_cannot_end_before_it_starts():
    programme = ProgrammeFactory.build(period_start=2021, period_end=2020)
    assert "period_end" in errors_of(programme)


def test_logo_needs_alternative_text():
    organisation = OrganisationFactory.build(
        logo=SimpleUploadedFile("logo.png", b"not checked here"), logo_alt=" "
    )
    assert errors_of(organisation)["logo_alt"] == ["En logotyp behöver en alternativtext."]


def test_public_and_current_memberships():
    today = datetime.date(2026, 6, 1)
    current = MembershipFactory(since=datetime.date(2020, 1, 1))
    ended = MembershipFactory(since=datetime.date(2010, 1, 1), until=datetime.date(2019, 1, 1))
    future = MembershipFactory(since=datetime.date(2027, 1, 1))
    internal = MembershipFactory(since=datetime.date(2020, 1, 1), is_public=False)
    assert set(Membership.objects.current(on=today)) == {current, internal}
    assert set(Membership.objects.public().current(on=today)) == {current}
    assert ended not in Membership.objects.current(on=today)
    assert future not in Membership.objects.current(on=today)
