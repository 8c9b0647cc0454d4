"""The periodic jobs: the reminder the day before, needs erased the day after, and the
registrations erased after the retention with their anonymous counts kept."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events import services
from events.factories import EventFactory, RegistrationFactory
from events.models import Event, EventStatistic, Registration
from events.statistics import event_statistics
from portal import audit

pytestmark = pytest.mark.django_db


def event_at(starts_at, **changes):
    return EventFactory(
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=3),
        registration_opens_at=starts_at - timedelta(days=30),
        registration_closes_at=starts_at - timedelta(hours=1),
        publish_at=starts_at - timedelta(days=30),
        **changes,
    )


def test_the_reminder_goes_once_the_day_before_to_those_with_a_place():
    now = timezone.now()
    tomorrow = event_at(now + timedelta(hours=20), online_url="https://mote.example.se/x")
    early = tomorrow.starts_at - timedelta(days=5)
    placed = RegistrationFactory(event=tomorrow, registered_at=early)
    RegistrationFactory(event=tomorrow, registered_at=early, status=Registration.Status.WAITING)
    RegistrationFactory(event=tomorrow, registered_at=now - timedelta(hours=1))  # just confirmed
    later = event_at(now + timedelta(days=3))
    RegistrationFactory(event=later, registered_at=early)
    cancelled = event_at(now + timedelta(hours=20), status=Event.Status.CANCELLED)
    RegistrationFactory(event=cancelled, registered_at=early)

    assert services.send_reminders(now) == 1
    assert services.send_reminders(now) == 0
    [message] = mail.outbox
    assert message.to == [placed.email]
    assert message.subject.startswith("Påminnelse:")
    assert "https://mote.example.se/x" in message.body
    assert message.attachments[0][2] == "text/calendar"


def test_needs_are_erased_the_day_after_the_event():
    now = timezone.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    yesterday = event_at(midnight - timedelta(hours=15))
    today = event_at(midnight + timedelta(minutes=1))
    old = RegistrationFactory(event=yesterday, dietary_needs="vegan", accessibility_needs="tolk")
    new = RegistrationFactory(event=today, dietary_needs="vegan")

    assert services.erase_needs(now) == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.dietary_needs, old.accessibility_needs) == ("", "")
    assert new.dietary_needs == "vegan"
    assert old.name  # the registration itself stays for now


def test_registrations_are_erased_after_the_retention_and_the_counts_stay(settings):
    settings.EVENT_RETENTION_MONTHS = 12
    now = timezone.now()
    old = event_at(now - relativedelta(months=13))
    recent = event_at(now - relativedelta(months=11))
    RegistrationFactory(event=old, attended=True)
    RegistrationFactory(event=old, attended=False, organisation_type="university")
    RegistrationFactory(event=old, status=Registration.Status.CANCELLED)
    kept = RegistrationFactory(event=recent)
    before = event_statistics(old)

    assert services.erase_registrations(now) == 3
    assert list(Registration.objects.all()) == [kept]
    after = event_statistics(old)
    assert [(row.label, row.registered, row.attended, row.no_shows) for row in after["rows"]] == [
        (row.label, row.registered, row.attended, row.no_shows) for row in before["rows"]
    ]
    assert after["total"].registered == 2
    assert EventStatistic.objects.filter(event=old).count() == 2
    old.refresh_from_db()
    assert old.registrations_erased_at is not None
    assert audit.events(old, "purged").exists()
    assert services.erase_registrations(now) == 0


def test_the_jobs_run_from_run_periodic():
    output = []
    call_command("run_periodic", stdout=type("Out", (), {"write": output.append})())
    text = "".join(output)
    for job in ("send_event_reminders", "erase_event_needs", "erase_old_registrations"):
        assert job in text
