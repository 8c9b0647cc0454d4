"""Query budgets: the event list and an event's page run as many queries with 30 events as
with 3, and the home and related sections one query each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import home, related
from events.factories import EventFactory, QuestionFactory, RegistrationFactory
from events.roles import EVENT_MANAGERS
from relations.factories import OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def make_events(count, topic):
    events = []
    for _number in range(count):
        event = EventFactory(organiser=OrganisationFactory())
        event.topics.add(topic, TopicFactory())
        event.co_organisers.add(OrganisationFactory(), OrganisationFactory())
        RegistrationFactory(event=event)
        QuestionFactory(event=event)
        events.append(event)
    return events


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_list_and_detail_run_a_constant_number_of_queries(client):
    topic = TopicFactory(slug="valet")
    first = make_events(3, topic)[0]
    urls = [
        reverse("events:list"),
        reverse("events:list") + "?kind=seminar&topic=valet",
        first.get_absolute_url(),
        first.get_register_url(),
        reverse("events:calendar"),
    ]
    few = [count_queries(client, url) for url in urls]
    make_events(27, topic)
    many = [count_queries(client, url) for url in urls]
    assert many == few
    assert max(few) <= 15


def test_home_and_related_sections_take_one_query_each(django_assert_num_queries):
    topic = TopicFactory()
    make_events(5, topic)
    with django_assert_num_queries(1):
        assert len(home.home_section(None)["events"]) == 3
    with django_assert_num_queries(1):
        assert len(related.sections(topic)[0]["events"]) == 5


def test_admin_lists_run_a_constant_number_of_queries(staff_client):
    client = staff_client(EVENT_MANAGERS)
    topic = TopicFactory()
    first = make_events(3, topic)[0]
    urls = [
        reverse("admin:events_event_changelist"),
        reverse("admin:events_registration_changelist"),
        reverse("admin:events_event_registrations", args=[first.pk]),
    ]
    few = [count_queries(client, url) for url in urls]
    make_events(12, topic)
    for _number in range(10):
        RegistrationFactory(event=first)
    assert [count_queries(client, url) for url in urls] == few
