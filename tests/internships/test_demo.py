"""The demo content: calls around today, a few applications with real PDFs, idempotent."""

import pytest
from pypdf import PdfReader

from internships import demo
from internships.models import Application, InternshipCall

pytestmark = pytest.mark.django_db


def test_demo_has_open_upcoming_and_closed_calls_and_is_idempotent(private_storage):
    demo.load()
    assert InternshipCall.objects.open().count() == 1
    assert InternshipCall.objects.upcoming().count() == 1
    assert InternshipCall.objects.closed().count() >= 2
    assert set(InternshipCall.objects.values_list("office__slug", flat=True)) == {
        "goteborg",
        "bryssel",
    }
    applications = list(Application.objects.all())
    assert len(applications) >= 4
    assert {a.status for a in applications} >= {"accepted", "rejected", "received"}
    for application in applications:
        with private_storage.open(application.cv.name, "rb") as file:
            assert len(PdfReader(file).pages) == 1
    files = private_storage.listdir("applications")[1]

    demo.load()
    assert Application.objects.count() == len(applications)
    assert InternshipCall.objects.count() == 5
    assert private_storage.listdir("applications")[1] == files
