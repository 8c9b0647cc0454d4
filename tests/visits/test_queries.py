"""Query budgets: list and detail pages run the same number of queries for 5 and 50 rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from relations.factories import OrganisationFactory, TopicFactory
from visits.factories import ParticipantFactory, ProgrammeItemFactory, VisitFactory, in_days
from visits.models import Visit
from visits.roles import VISIT_COORDINATORS

pytestmark = pytest.mark.django_db


def make_visits(count, topic, organisation):
    visits = []
    for number in range(count):
        visit = VisitFactory(
            organisation=organisation,
            starts_at=in_days(number - count // 2),
            ends_at=in_days(number - count // 2) + datetime.timedelta(hours=5),
            status=Visit.Status.COMPLETED if number < count // 2 else Visit.Status.CONFIRMED,
        )
        visit.topics.add(topic, TopicFactory())
        ProgrammeItemFactory(visit=visit)
        ParticipantFactory(visit=visit)
        visits.append(visit)
    return visits


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def counts_for(client, urls_for, rows):
    topic = TopicFactory(slug=f"budget-{rows}")
    organisation = OrganisationFactory()
    visits = make_visits(rows, topic, organisation)
    return [count_queries(client, url) for url in urls_for(visits, topic, organisation)]


def test_public_pages_run_a_constant_number_of_queries(client, django_assert_max_num_queries):
    def urls(visits, topic, organisation):
        return [reverse("visits:list"), reverse("visits:list") + f"?topic={topic.slug}",
                visits[-1].get_absolute_url(), reverse("visits:calendar"), "/sitemap.xml"]

    few = counts_for(client, urls, 5)
    Visit.objects.all().delete()
    many = counts_for(client, urls, 50)
    assert few == many
    with django_assert_max_num_queries(max(few)):
        client.get(reverse("visits:list"))


def test_detail_page_budget_with_many_programme_items(client, django_assert_max_num_queries):
    visit = VisitFactory()
    for _ in range(5):
        ProgrammeItemFactory(visit=visit)
    few = count_queries(client, visit.get_absolute_url())
    for _ in range(45):
        ProgrammeItemFactory(visit=visit)
        visit.topics.add(TopicFactory())
    with django_assert_max_num_queries(few):
        client.get(visit.get_absolute_url())


def test_related_sections_and_home_take_one_query_each(django_assert_num_queries):
    from visits.home import home_section
    from visits.related import sections

    topic = TopicFactory()
    organisation = OrganisationFactory()
    make_visits(20, topic, organisation)
    with django_assert_num_queries(1):
        sections(topic)
    with django_assert_num_queries(1):
        sections(organisation)
    with django_assert_num_queries(1):
        home_section(None)


def test_admin_list_runs_a_constant_number_of_queries(staff_client):
    client = staff_client(VISIT_COORDINATORS)
    topic, organisation = TopicFactory(), OrganisationFactory()
    make_visits(5, topic, organisation)
    url = reverse("admin:visits_visit_changelist")
    few = count_queries(client, url)
    make_visits(45, topic, organisation)
    assert count_queries(client, url) == few
