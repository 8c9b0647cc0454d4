"""Registrations in the personal-data request tool: found, exported and erased."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.factories import EventFactory, QuestionFactory, RegistrationFactory
from events.models import Answer, EventStatistic, Registration
from portal import personal_data_requests

pytestmark = pytest.mark.django_db

EMAIL = "karin.holm@boras.example.se"


def test_registrations_are_found_with_their_answers_and_exported():
    registration = RegistrationFactory(email=EMAIL, dietary_needs="vegan")
    question = QuestionFactory(event=registration.event, text="Fråga till panelen?")
    Answer.objects.create(registration=registration, question=question, value="Om valet")

    [record] = [r for r in personal_data_requests.find(EMAIL.upper()) if r.obj == registration]
    exported = record.as_json()
    assert exported["kind"] == "Anmälan till evenemang"
    assert exported["data"]["Kost"] == "vegan"
    assert exported["data"]["Fråga till panelen?"] == "Om valet"
    assert record.erasable
    json.dumps(exported)


def test_erasing_a_coming_registration_frees_its_place_for_the_waiting_list(staff_client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, email=EMAIL)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)

    erased, kept = personal_data_requests.erase(EMAIL, staff_client().user)

    assert len(erased) == 1 and kept == []
    assert not Registration.objects.filter(email=EMAIL).exists()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert mail.outbox[0].to == [waiting.email]


def test_erasing_a_past_registration_keeps_it_in_the_counts():
    past = timezone.now() - timedelta(days=3)
    event = EventFactory(starts_at=past, registration_opens_at=past - timedelta(days=9),
                         registration_closes_at=past - timedelta(days=1))
    RegistrationFactory(event=event, email=EMAIL, attended=True)
    personal_data_requests.erase(EMAIL, None)
    statistic = EventStatistic.objects.get(event=event)
    assert (statistic.registered, statistic.attended) == (1, 1)


def test_the_privacy_page_tells_about_registrations(client):
    html = client.get("/personuppgifter/").content.decode()
    assert 'id="events"' in html
    assert "dagen efter evenemanget" in html
    assert "Event registrations" in client.get("/en/personal-data/").content.decode()
