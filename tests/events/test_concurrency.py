"""The last place never goes to two people: concurrent requests on PostgreSQL, where the
row lock around the count is real (SQLite serialises every writer anyway)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from events import services
from events.factories import EventFactory, RegistrationFactory
from events.models import Registration
from portal.form_protection import new_token

ATTEMPTS = 8


def post_at_once(url, data_for):
    barrier = threading.Barrier(ATTEMPTS)

    def attempt(number):
        try:
            client = Client()
            barrier.wait()
            return client.post(url, data_for(number)).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(ATTEMPTS) as pool:
        return list(pool.map(attempt, range(ATTEMPTS)))


def data_for(number):
    return {
        "form_token": new_token(),
        "name": f"Deltagare {number}",
        "email": f"person{number}@region.example.se",
        "organisation_type": "municipality",
    }


@pytest.mark.django_db(transaction=True)
def test_the_last_place_goes_to_one_and_the_rest_wait(require_postgres):
    event = EventFactory(capacity=3)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event)

    statuses = post_at_once(reverse("events:register", args=[event.slug]), data_for)

    assert statuses == [302] * ATTEMPTS
    assert event.registrations.filter(status=Registration.Status.CONFIRMED).count() == 3
    assert event.registrations.filter(status=Registration.Status.WAITING).count() == ATTEMPTS - 1


@pytest.mark.django_db(transaction=True)
def test_without_a_waiting_list_the_others_are_told_it_is_full(require_postgres):
    event = EventFactory(capacity=1, waiting_list=False)

    statuses = post_at_once(reverse("events:register", args=[event.slug]), data_for)

    assert sorted(statuses) == [200] * (ATTEMPTS - 1) + [302]
    assert Registration.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_cancellations_at_once_move_up_two_from_the_waiting_list(require_postgres):
    event = EventFactory(capacity=2)
    placed = [RegistrationFactory(event=event) for _ in range(2)]
    waiting = [RegistrationFactory(event=event, status="waiting") for _ in range(3)]
    barrier = threading.Barrier(2)

    def cancel(registration):
        try:
            barrier.wait()
            services.cancel(registration)
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(cancel, placed))

    confirmed = set(event.registrations.confirmed().values_list("pk", flat=True))
    assert confirmed == {waiting[0].pk, waiting[1].pk}
