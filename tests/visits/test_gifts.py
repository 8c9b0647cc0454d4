"""The gifts register as a whole: one admin list across visits and a CSV per year."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from newsroom.roles import EDITORS
from tests.portal.spreadsheets import read
from visits.factories import GiftFactory, VisitFactory
from visits.models import Gift
from visits.roles import VISIT_COORDINATORS

pytestmark = pytest.mark.django_db


def on(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 10))


@pytest.fixture
def register():
    spring = VisitFactory(title="Delegation från Nordrhein-Westfalen", starts_at=on(2024, 4, 9),
                          ends_at=on(2024, 4, 10))
    autumn = VisitFactory(title="Resa till Bryssel", starts_at=on(2024, 10, 2),
                          ends_at=on(2024, 10, 3))
    later = VisitFactory(title="Besök från Shanghai", starts_at=on(2025, 5, 20),
                         ends_at=on(2025, 5, 21))
    GiftFactory(visit=autumn, description="Glasskål från Kosta", direction=Gift.Direction.GIVEN,
                giver="Regionstyrelsens ordförande", recipient="CPMR:s generalsekreterare",
                estimated_value_sek=1250, decision="")
    GiftFactory(visit=spring, description="Porslinsvas", direction=Gift.Direction.RECEIVED,
                giver="Delegationens ledare", recipient="Regionstyrelsens ordförande",
                estimated_value_sek=3000, decision=Gift.Decision.TO_REGION)
    GiftFactory(visit=later, description="Sidenhalsduk", decision=Gift.Decision.RETURNED)


def test_one_list_of_every_gift_filtered_by_year_and_decision(staff_client, register):
    client = staff_client(VISIT_COORDINATORS)
    url = reverse("admin:visits_gift_changelist")
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 3
    page = response.content.decode()
    for year in [2024, 2025]:
        assert reverse("admin:visits_gift_year_csv", args=[year]) in page
    in_2024 = client.get(url, {"year": "2024"}).context["cl"].result_list
    assert {gift.description for gift in in_2024} == {"Glasskål från Kosta", "Porslinsvas"}
    returned = client.get(url, {"decision__exact": "returned"}).context["cl"].result_list
    assert [gift.description for gift in returned] == ["Sidenhalsduk"]


def test_the_yearly_csv_has_value_giver_receiver_and_decision(staff_client, register):
    client = staff_client(VISIT_COORDINATORS)
    response = client.get(reverse("admin:visits_gift_year_csv", args=[2024]))
    assert response.status_code == 200
    assert 'filename="gavoregister-2024.csv"' in response["Content-Disposition"]
    header, *rows = read(response)
    assert header == [
        "Datum", "Besök", "Given eller mottagen", "Beskrivning", "Givare", "Mottagare",
        "Uppskattat värde (kronor)", "Beslut",
    ]
    assert rows == [
        ["2024-04-09", "Delegation från Nordrhein-Westfalen", "mottagen gåva", "Porslinsvas",
         "Delegationens ledare", "Regionstyrelsens ordförande", "3000,00",
         "tillfaller regionen"],
        ["2024-10-02", "Resa till Bryssel", "överlämnad gåva", "Glasskål från Kosta",
         "Regionstyrelsens ordförande", "CPMR:s generalsekreterare", "1250,00", "ej beslutat"],
    ]


def test_only_staff_who_see_visits_get_the_register(staff_client, register):
    client = staff_client(EDITORS)
    assert client.get(reverse("admin:visits_gift_changelist")).status_code == 403
    assert client.get(reverse("admin:visits_gift_year_csv", args=[2024])).status_code == 403
