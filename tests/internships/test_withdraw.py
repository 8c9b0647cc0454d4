"""The signed withdraw link from the confirmation mail."""

import pytest
from django.core import mail
from django.urls import reverse

from internships import services
from internships.models import Application

pytestmark = pytest.mark.django_db


def withdraw_path(application):
    return reverse("internships:withdraw", args=[services.withdraw_token(application)])


def test_get_asks_to_confirm_and_changes_nothing(client, application):
    response = client.get(withdraw_path(application))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ja, återkalla min ansökan" in html
    assert "allmän handling" in html
    assert f"{application.call.purge_after:%Y}" in html
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    )
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED


def test_post_withdraws_and_records_it(client, application):
    response = client.post(withdraw_path(application))
    assert response.status_code == 200
    assert "Ansökan återkallad" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    change = application.status_changes.get()
    assert change.changed_by is None and change.to_status == "withdrawn"
    again = client.post(withdraw_path(application))
    assert "redan återkallad" in again.content.decode()


def test_a_tampered_link_is_refused(client, application):
    token = services.withdraw_token(application)
    response = client.post(reverse("internships:withdraw", args=[token[:-3] + "abc"]))
    assert response.status_code == 404
    assert "Länken fungerar inte" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED


def test_a_link_to_another_application_cannot_be_forged(client, application):
    from django.core import signing

    forged = signing.dumps({"a": application.pk, "r": "PRK-0000-0000"}, salt="other")
    assert client.get(reverse("internships:withdraw", args=[forged])).status_code == 404


def test_an_accepted_application_cannot_be_withdrawn_here(client, application):
    for step in ("start_review", "shortlist", "offer", "accept"):
        getattr(application, step)()
    html = client.post(withdraw_path(application)).content.decode()
    assert "kan inte längre återkallas" in html
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED


def test_withdrawing_mails_a_confirmation_and_the_receipt_shows_the_withdrawal(
    client, application
):
    receipt = reverse(
        "internships:receipt",
        kwargs={"token": services.receipt_token(application.call, application.reference)},
    )
    assert "Ansökan skickad" in client.get(receipt).content.decode()
    html = client.post(withdraw_path(application)).content.decode()
    assert '<div class="confirmation-panel" role="status">' in html
    assert application.reference in html

    assert [message.to for message in mail.outbox] == [[application.email]]
    assert application.reference in mail.outbox[0].subject
    assert "återkallat" in mail.outbox[0].body
    page = client.get(receipt).content.decode()
    assert "<title>Ansökan återkallad" in page
    assert "Du har återkallat din ansökan" in page
