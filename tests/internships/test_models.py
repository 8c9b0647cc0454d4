"""Calls' states follow their times; the application workflow refuses steps it does not allow."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from internships.factories import ApplicationFactory, InternshipCallFactory
from internships.models import (
    Application,
    ApplicationStatusChange,
    CallStatistic,
    InternshipCall,
    ReferenceCounter,
)
from portal.workflow import TransitionRefused

pytestmark = pytest.mark.django_db


def test_state_follows_the_times():
    now = timezone.now()
    upcoming = InternshipCallFactory(
        opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=9)
    )
    open_ = InternshipCallFactory()
    closed = InternshipCallFactory(
        opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1)
    )
    hidden = InternshipCallFactory(is_published=False)
    assert upcoming.state == InternshipCall.State.UPCOMING
    assert open_.state == InternshipCall.State.OPEN and open_.is_open
    assert closed.state == InternshipCall.State.CLOSED and not closed.is_open
    assert not hidden.is_open
    assert list(InternshipCall.objects.open()) == [open_]
    assert list(InternshipCall.objects.upcoming()) == [upcoming]
    assert list(InternshipCall.objects.closed()) == [closed]
    assert hidden not in InternshipCall.objects.published()
    assert list(InternshipCall.objects.published().in_public_order()) == [open_, upcoming, closed]


def test_closing_before_opening_is_refused():
    now = timezone.now()
    call = InternshipCallFactory.build(opens_at=now, closes_at=now - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        call.clean()
    assert "closes_at" in error.value.message_dict


def test_reference_numbers_count_up_per_year():
    assert ReferenceCounter.next_reference(2027) == "PRK-2027-0001"
    assert ReferenceCounter.next_reference(2027) == "PRK-2027-0002"
    assert ReferenceCounter.next_reference(2028) == "PRK-2028-0001"


def test_the_workflow_records_every_step_and_refuses_the_rest(django_user_model):
    recruiter = django_user_model.objects.create_user("rekryterare")
    application = ApplicationFactory()
    application.start_review(by=recruiter)
    application.shortlist(by=recruiter)
    application.invite_to_interview(by=recruiter)
    application.offer(by=recruiter)
    application.accept(by=recruiter)
    assert application.status == Application.Status.ACCEPTED
    steps = list(ApplicationStatusChange.objects.values_list("from_status", "to_status"))
    assert steps[0] == ("received", "under_review") and steps[-1] == ("offered", "accepted")
    assert all(change.changed_by == recruiter for change in ApplicationStatusChange.objects.all())
    with pytest.raises(TransitionRefused):
        application.reject(by=recruiter)
    with pytest.raises(TransitionRefused):
        application.withdraw()
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED


def test_received_cannot_jump_to_offered():
    application = ApplicationFactory()
    with pytest.raises(TransitionRefused):
        application.offer()
    assert not ApplicationStatusChange.objects.exists()


def test_withdrawn_application_frees_the_address_for_a_new_one(open_call):
    first = ApplicationFactory(call=open_call, email="Elin@Example.se")
    assert first.email == "elin@example.se"
    first.withdraw()
    second = ApplicationFactory(call=open_call, email="elin@example.se")
    assert second.pk != first.pk


def test_statistics_count_each_dimension_once_per_application(open_call):
    ApplicationFactory(call=open_call, university="Lunds universitet")
    ApplicationFactory(call=open_call, university="Lunds  universitet")
    application = ApplicationFactory(call=open_call, university="Uppsala universitet")
    application.reviewer_notes = "Stark kandidat"
    application.save()  # a later save counts nothing
    counts = {
        (row.dimension, row.value): row.count
        for row in CallStatistic.objects.filter(call=open_call)
    }
    assert counts[("total", "")] == 3
    assert counts[("university", "Lunds universitet")] == 2
    assert counts[("university", "Uppsala universitet")] == 1

