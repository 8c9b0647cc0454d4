"""Projects' status follows their dates, budgets in kronor too; membership renewal reminders."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from portal import page_cache
from relations import services
from relations.factories import MembershipFactory, ProjectFactory
from relations.models import Project
from relations.periodic import JOBS
from relations.roles import RELATIONS_OFFICERS
from tests.relations.test_admin import project_form

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 15)


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [
        ((2025, 7, 1), (2027, 6, 30), Project.Status.PLANNED),
        ((2025, 6, 15), (2025, 6, 15), Project.Status.ONGOING),
        ((2022, 1, 1), (2025, 6, 14), Project.Status.COMPLETED),
    ],
)
def test_the_status_follows_the_dates(start, end, status):
    assert Project.Status.for_dates(
        datetime.date(*start), datetime.date(*end), TODAY
    ) == status


def test_the_periodic_job_moves_statuses_on_unless_set_by_hand(settings):
    settings.PAGE_CACHE_SECONDS = 300
    starting = ProjectFactory(start_date=TODAY, end_date=datetime.date(2026, 12, 31))
    ending = ProjectFactory(start_date=datetime.date(2023, 1, 1), end_date=TODAY)
    stopped = ProjectFactory(
        start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2027, 12, 31),
        status=Project.Status.COMPLETED, status_set_by_hand=True,
    )
    Project.objects.update(status=Project.Status.PLANNED)
    Project.objects.filter(pk=stopped.pk).update(status=Project.Status.COMPLETED)
    assert Project.objects.update_statuses(TODAY) == 2
    starting.refresh_from_db()
    assert starting.status == Project.Status.ONGOING
    assert Project.objects.update_statuses(TODAY + datetime.timedelta(days=1)) == 1
    ending.refresh_from_db()
    stopped.refresh_from_db()
    assert ending.status == Project.Status.COMPLETED
    assert stopped.status == Project.Status.COMPLETED
    # Run as the periodic job, a change moves the page cache on.
    Project.objects.filter(pk=starting.pk).update(status=Project.Status.PLANNED)
    before = page_cache.generation()
    assert "status changed for 1 projects" in [job() for job in JOBS]
    assert page_cache.generation() != before


def test_saving_a_project_sets_its_status_from_the_dates(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    programme = ProjectFactory().programme
    data = project_form(programme, status="", start_date="2020-01-01", end_date="2021-12-31")
    assert client.post(reverse("admin:relations_project_add"), data).status_code == 302
    assert Project.objects.get(slug="gron-vatgas").status == Project.Status.COMPLETED


def test_a_status_set_by_hand_needs_a_status(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    data = project_form(ProjectFactory().programme, status="", status_set_by_hand="on")
    response = client.post(reverse("admin:relations_project_add"), data)
    assert response.context["adminform"].form.errors["status"] == [
        "Välj en status när den sätts för hand."
    ]


def test_an_exchange_rate_needs_its_date_and_shows_the_budget_in_kronor(staff_client, client):
    officer = staff_client(RELATIONS_OFFICERS, username="handlaggare")
    programme = ProjectFactory().programme
    data = project_form(programme, exchange_rate="11.4925")
    response = officer.post(reverse("admin:relations_project_add"), data)
    assert response.context["adminform"].form.errors["exchange_rate_date"] == [
        "Ange både växelkursen och dess datum, eller ingen av dem."
    ]
    data["exchange_rate_date"] = "2025-01-02"
    assert officer.post(reverse("admin:relations_project_add"), data).status_code == 302
    project = Project.objects.get(slug="gron-vatgas")
    assert project.total_budget_sek == Decimal("11492500")
    officer.logout()
    page = client.get(project.get_absolute_url()).content.decode()
    assert "11\xa0492\xa0500 kronor" in page
    assert "11,4925 kronor per euro den 2 januari 2025" in page


@pytest.fixture
def officers(django_user_model):
    group = Group.objects.get(name=RELATIONS_OFFICERS)
    for username in ["anna", "bo"]:
        django_user_model.objects.create_user(
            username, email=f"{username}@example.se", is_staff=True
        ).groups.add(group)


def test_officers_are_reminded_once_of_a_renewal_two_months_ahead(officers):
    membership = MembershipFactory(
        renewal_date=datetime.date(2025, 8, 31), annual_fee=Decimal("12500"),
        organisation__name="CPMR",
    )
    MembershipFactory(renewal_date=datetime.date(2025, 9, 15))
    assert services.send_renewal_reminders(datetime.date(2025, 6, 30)) == 0
    assert services.send_renewal_reminders(datetime.date(2025, 7, 1)) == 1
    [message] = mail.outbox
    assert message.to == ["anna@example.se", "bo@example.se"]
    assert "CPMR" in message.subject and "31 augusti 2025" in message.subject
    assert "12\xa0500,00 EUR" in message.body
    assert f"/admin/relations/membership/{membership.pk}/change/" in message.body
    assert services.send_renewal_reminders(datetime.date(2025, 7, 15)) == 1  # the other one
    assert services.send_renewal_reminders(datetime.date(2025, 7, 16)) == 0
    # A new renewal date gets its own reminder.
    membership.renewal_date = datetime.date(2025, 8, 20)
    membership.save()
    assert services.send_renewal_reminders(datetime.date(2025, 7, 16)) == 1
