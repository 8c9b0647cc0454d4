"""The rules on the event model: times, publishing and where registration stands."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.factories import EventFactory, RegistrationFactory
from events.models import Event, Registration

pytestmark = pytest.mark.django_db

State = Event.RegistrationState


def test_an_event_ending_before_it_starts_is_refused_at_the_end_field():
    event = EventFactory.build(slug="x")
    event.ends_at = event.starts_at - timedelta(hours=1)
    with pytest.raises(ValidationError) as refusal:
        event.full_clean()
    assert "ends_at" in refusal.value.error_dict


def test_registration_closing_after_the_start_is_refused_at_its_field():
    event = EventFactory.build(slug="x")
    event.registration_closes_at = event.starts_at + timedelta(minutes=1)
    with pytest.raises(ValidationError) as refusal:
        event.full_clean()
    assert list(refusal.value.error_dict) == ["registration_closes_at"]


def test_an_event_needs_a_place_or_a_broadcast():
    event = EventFactory.build(slug="x", venue="")
    with pytest.raises(ValidationError) as refusal:
        event.full_clean()
    assert "venue" in refusal.value.error_dict
    event.online_url = "https://mote.example.se/x"
    event.full_clean()


def test_published_is_by_status_and_time_alone():
    now = timezone.now()
    shown = EventFactory()
    cancelled = EventFactory(status=Event.Status.CANCELLED)
    EventFactory(status=Event.Status.DRAFT)
    scheduled = EventFactory(publish_at=now + timedelta(hours=2))
    assert set(Event.objects.published()) == {shown, cancelled}
    assert scheduled in Event.objects.published(now + timedelta(hours=3))


@pytest.mark.parametrize(
    ("changes", "state"),
    [
        ({}, State.OPEN),
        ({"registration_required": False}, State.NONE),
        ({"status": Event.Status.CANCELLED}, State.CALLED_OFF),
        ({"status": Event.Status.POSTPONED}, State.CALLED_OFF),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, State.NOT_YET),
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, State.CLOSED),
    ],
)
def test_registration_state(changes, state):
    assert EventFactory(**changes).registration_state() == state


def test_a_full_event_offers_its_waiting_list_or_is_simply_full():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    assert event.places_left() == 0
    assert event.registration_state() == State.WAITING_LIST
    event.waiting_list = False
    assert event.registration_state() == State.FULL


def test_places_left_counts_confirmed_only_and_unlimited_is_none():
    event = EventFactory(capacity=3)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    assert event.places_left() == 2
    assert EventFactory(capacity=None).places_left() is None
    annotated = Event.objects.with_confirmed_count().get(pk=event.pk)
    assert annotated.confirmed_count == 1
    nobody = Event.objects.with_confirmed_count().get(pk=EventFactory(capacity=3).pk)
    assert nobody.confirmed_count == 0 and nobody.places_left() == 3


def test_times_are_shown_in_the_events_own_zone():
    event = EventFactory(time_zone="Europe/Brussels")
    assert event.local_starts_at.tzinfo.key == "Europe/Brussels"
    assert event.local_starts_at == event.starts_at
