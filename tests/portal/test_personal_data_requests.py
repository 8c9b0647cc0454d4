"""Requests about personal data: find, export and erase what may be erased, with reasons."""

import datetime
import json

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from internships.factories import ApplicationFactory
from internships.models import Application
from internships.roles import RECRUITERS
from visits.factories import ParticipantFactory, VisitFactory
from visits.models import Participant, Visit

pytestmark = pytest.mark.django_db

URL = "/admin/personuppgifter/"
EMAIL = "anna.berg@example.se"


@pytest.fixture(autouse=True)
def private_storage(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    from django.core.files.storage import storages

    storages._storages.pop("private", None)
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": tmp_path, "base_url": None}},
    }


@pytest.fixture
def held_data():
    past = timezone.now() - datetime.timedelta(days=20)
    ended_visit = VisitFactory(starts_at=past, ends_at=past + datetime.timedelta(hours=5))
    return {
        "application": ApplicationFactory(email=EMAIL),
        "participant": ParticipantFactory(visit=ended_visit, email=EMAIL.upper()),
        "request": VisitFactory(
            requester_name="Anna Berg", requester_email=EMAIL, status=Visit.Status.REQUESTED,
            visibility=Visit.Visibility.INTERNAL,
        ),
    }


def test_only_administrators_may_use_the_page(staff_client):
    assert staff_client(RECRUITERS).get(URL).status_code == 403
    assert staff_client().get(URL).status_code == 200


def test_every_record_is_found_with_the_reason_it_may_or_may_not_be_erased(
    staff_client, held_data
):
    html = staff_client().get(URL, {"email": EMAIL}).content.decode()
    assert "3 uppgifter om anna.berg@example.se" in html
    assert held_data["application"].reference in html
    assert "allmän handling och får inte raderas förrän gallringstiden gått ut" in html
    assert "Besöket är genomfört; uppgifterna behövs inte längre." in html
    assert "Förfrågan är en allmän handling; kontaktuppgifterna gallras" in html


def test_register_extract_as_json_is_recorded_in_the_audit_trail(staff_client, held_data):
    response = staff_client().get(URL, {"email": EMAIL, "format": "json"})
    extract = json.loads(response.content)
    assert response["Content-Disposition"] == 'attachment; filename="registerutdrag.json"'
    assert {record["kind"] for record in extract["records"]} == {
        "Ansökan om praktik", "Deltagare i besök", "Förfrågan om besök"
    }
    assert LogEntry.objects.filter(additional_data__event="exported").count() == 3


def test_printable_extract_has_no_forms(staff_client, held_data):
    html = staff_client().get(URL, {"email": EMAIL, "format": "extract"}).content.decode()
    assert "Registerutdrag från Västra Götalandsregionen" in html
    assert "Radera det som får raderas" not in html


def test_erasing_removes_only_what_may_be_erased(staff_client, held_data):
    response = staff_client().post(URL, {"email": EMAIL}, follow=True)
    assert "1 uppgifter raderade, 2 sparas" in response.content.decode()
    assert not Participant.objects.filter(pk=held_data["participant"].pk).exists()
    assert Application.objects.filter(pk=held_data["application"].pk).exists()
    assert Visit.objects.get(pk=held_data["request"].pk).requester_email == EMAIL
    assert LogEntry.objects.filter(additional_data__event="purged").count() == 1


def test_a_malformed_address_gets_a_message_and_keeps_what_was_typed(staff_client):
    html = staff_client().get(URL, {"email": "anna.berg@"}).content.decode()
    assert 'value="anna.berg@"' in html
    assert "errorlist" in html
