"""The purge of participants' and requesters' personal data."""

import datetime

import pytest
from django.core.management import call_command

from visits.factories import ParticipantFactory, VisitFactory, in_days
from visits.models import Gift, Participant, Visit
from visits.periodic import JOBS
from visits.services import purge_personal_data

pytestmark = pytest.mark.django_db


def requester(**extra):
    return {"requester_organisation": "Region X", "requester_name": "Kim Kontakt",
            "requester_email": "kim@example.se", "requester_phone": "070-000", **extra}


def test_purge_after_n_months(settings):
    settings.VISIT_PERSONAL_DATA_MONTHS = 12
    old = VisitFactory(status=Visit.Status.COMPLETED, starts_at=in_days(-400),
                       ends_at=in_days(-399), **requester())
    recent = VisitFactory(status=Visit.Status.COMPLETED, starts_at=in_days(-300),
                          ends_at=in_days(-299), **requester())
    upcoming = VisitFactory(**requester())
    for visit in (old, recent, upcoming):
        ParticipantFactory(visit=visit)
    Gift.objects.create(visit=old, direction="given", description="Bok", giver="A", recipient="B")

    assert purge_personal_data() == 1
    old.refresh_from_db()
    assert not old.participants.exists()
    assert (old.requester_name, old.requester_email, old.requester_phone,
            old.requester_organisation) == ("", "", "", "")
    assert old.personal_data_purged_at is not None
    assert old.gifts.count() == 1  # the gifts register is a public record, kept
    assert old.hosts and old.delegation_size  # the visit itself stays
    for visit in (recent, upcoming):
        visit.refresh_from_db()
        assert visit.participants.count() == 1 and visit.requester_email

    # The same setting decides: a shorter retention reaches the recent visit too.
    settings.VISIT_PERSONAL_DATA_MONTHS = 6
    assert purge_personal_data() == 1
    assert Participant.objects.filter(visit=upcoming).count() == 1


def test_purge_after_a_refusal_counts_from_the_cancellation(settings):
    settings.VISIT_PERSONAL_DATA_MONTHS = 12
    refused = VisitFactory(status=Visit.Status.REQUESTED, starts_at=in_days(200),
                           ends_at=in_days(200, 16), **requester())
    refused.change_status(Visit.Status.CANCELLED)
    now = refused.cancelled_at
    assert purge_personal_data(now=now + datetime.timedelta(days=300)) == 0
    assert purge_personal_data(now=now + datetime.timedelta(days=370)) == 1
    refused.refresh_from_db()
    assert refused.requester_email == ""


def test_purge_is_idempotent_and_catches_late_participants():
    visit = VisitFactory(status=Visit.Status.COMPLETED, starts_at=in_days(-500),
                         ends_at=in_days(-499))
    ParticipantFactory(visit=visit)
    assert purge_personal_data() == 1
    assert purge_personal_data() == 0
    ParticipantFactory(visit=visit)  # typed in after the purge by mistake
    assert purge_personal_data() == 1
    assert not visit.participants.exists()


def test_periodic_job_and_command_run_the_purge(capsys):
    visit = VisitFactory(starts_at=in_days(-500), ends_at=in_days(-499), **requester())
    ParticipantFactory(visit=visit)
    [job] = JOBS
    assert "1" in job()
    ParticipantFactory(visit=visit)
    call_command("purge_visit_personal_data")
    assert "1" in capsys.readouterr().out
    assert not visit.participants.exists()
    call_command("run_periodic")
