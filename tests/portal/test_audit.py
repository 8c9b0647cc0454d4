"""The audit trail: changes with who and when, events that changes cannot show, no personal data."""

import datetime

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.conf import settings
from django.utils import timezone

from portal import audit
from relations.factories import OrganisationFactory
from visits.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_a_change_is_logged_with_its_actor(django_user_model):
    user = django_user_model.objects.create_user("redaktor")
    organisation = OrganisationFactory(name="CPMR")
    with set_actor(user):
        organisation.name = "Conference of Peripheral Maritime Regions"
        organisation.save()
    entry = LogEntry.objects.get_for_object(organisation).latest("timestamp")
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == user
    assert entry.changes_dict["name"] == ["CPMR", "Conference of Peripheral Maritime Regions"]


def test_the_middleware_names_the_actor_of_every_request():
    assert "auditlog.middleware.AuditlogMiddleware" in settings.MIDDLEWARE


def test_personal_data_never_enters_the_trail():
    participant = ParticipantFactory(email="anna@example.se", dietary_needs="vegetarisk")
    participant.email = "anna.andersson@example.se"
    participant.save()
    for entry in LogEntry.objects.get_for_object(participant):
        text = str(entry.changes)
        assert "anna" not in text and "vegetarisk" not in text
    update = LogEntry.objects.get_for_object(participant).get(action=LogEntry.Action.UPDATE)
    assert update.changes_dict["email"] == [audit.HIDDEN, audit.HIDDEN]


def test_events_that_changes_cannot_show_are_recorded_in_the_same_trail(django_user_model):
    user = django_user_model.objects.create_user("rekryterare")
    organisation = OrganisationFactory()
    entry = audit.record("exported", organisation, user=user, detail="CSV")
    assert entry.action == LogEntry.Action.ACCESS
    assert entry.actor == user
    assert entry.changes_text == "exporterade: CSV"
    assert list(audit.events(organisation, "exported")) == [entry]


def test_an_unknown_event_is_refused():
    with pytest.raises(ValueError, match="Unknown audit event"):
        audit.record("teleported", OrganisationFactory())


def test_forget_keeps_the_events_but_not_the_name():
    participant = ParticipantFactory(name="Anna Andersson")
    audit.record("purged", participant)
    pk = participant.pk
    participant.delete()
    audit.forget(type(participant), pk, "deltagare 1")
    reprs = set(
        LogEntry.objects.filter(object_pk=str(pk), content_type__model="participant")
        .values_list("object_repr", flat=True)
    )
    assert reprs == {"deltagare 1"}


def test_old_entries_are_purged_after_the_retention(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    organisation = OrganisationFactory()
    old = audit.record("viewed", organisation)
    LogEntry.objects.filter(pk=old.pk).update(
        timestamp=timezone.now() - datetime.timedelta(days=31)
    )
    recent = audit.record("viewed", organisation)
    assert audit.purge_old_entries().startswith("1 audit entries")
    assert list(LogEntry.objects.filter(action=LogEntry.Action.ACCESS)) == [recent]
