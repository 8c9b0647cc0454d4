"""Applicants' files: never public, only for those allowed to view applications, always logged."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from internships.roles import RECRUITERS
from newsroom.roles import EDITORS

pytestmark = pytest.mark.django_db


def file_url(application, kind="cv"):
    return reverse("internships:file", args=[application.pk, kind])


def test_anonymous_visitors_are_sent_to_the_login(client, application):
    response = client.get(file_url(application))
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert "login" in response["Location"]
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def test_staff_without_the_permission_are_refused(staff_client, application):
    client = staff_client(EDITORS)
    assert client.get(file_url(application)).status_code == 403
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def test_recruiters_download_as_an_attachment_and_it_is_logged(staff_client, application):
    client = staff_client(RECRUITERS)
    response = client.get(file_url(application))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert application.reference in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    log = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert log.additional_data == {"event": "downloaded", "detail": "CV"}
    assert log.actor == client.user and log.object_pk == str(application.pk)


def test_a_missing_transcript_or_unknown_kind_is_not_found(staff_client, application):
    client = staff_client(RECRUITERS)
    assert client.get(file_url(application, "transcript")).status_code == 404
    assert client.get(file_url(application, "call")).status_code == 404


def test_the_storage_has_no_public_url(application, settings):
    assert application.cv.name.startswith("applications/")
    assert not (settings.MEDIA_ROOT / application.cv.name).exists()
    assert str(settings.PRIVATE_MEDIA_ROOT) != str(settings.MEDIA_ROOT)


def test_staff_without_a_passed_second_factor_are_sent_to_log_in(
    client, django_user_model, application, settings
):
    from django.contrib.auth.models import Group

    settings.STAFF_2FA_REQUIRED = True
    user = django_user_model.objects.create_user("halvvag", is_staff=True)
    user.groups.add(Group.objects.get(name=RECRUITERS))
    client.force_login(user)
    response = client.get(file_url(application))
    assert response.status_code == 302
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()
