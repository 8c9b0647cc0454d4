"""The protection shared by every public form: honeypot, one-time token, rate limits."""

import hashlib
import os
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from portal import form_protection
from portal.mail import queue_mail
from portal.models import FormSubmission
from tests.portal.test_task_recovery import run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.portal.form_protection_urls")]


def fresh_form(client):
    html = client.get("/form/").content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    return {"name": "Delegationen", "email": "anna@example.se", "form_token": token}


def test_the_form_carries_a_token_and_a_hidden_honeypot(client):
    html = client.get("/form/").content.decode()
    assert 'type="hidden" name="form_token"' in html
    assert '<div class="hp-field" aria-hidden="true">' in html


def test_a_replayed_post_lands_once_and_shows_the_same_receipt(client):
    data = fresh_form(client)
    first = client.post("/form/", data)
    second = client.post("/form/", data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Group.objects.filter(name="Delegationen").count() == 1
    assert FormSubmission.objects.get().receipt_url == first["Location"]


def test_a_filled_honeypot_stores_nothing_and_looks_like_success(client):
    data = {**fresh_form(client), "website": "http://spam.example"}
    response = client.post("/form/", data)
    assert response.status_code == 200
    assert not Group.objects.filter(name="Delegationen").exists()


def test_a_tampered_token_asks_to_send_again_and_keeps_the_input(client):
    data = {**fresh_form(client), "form_token": "forged"}
    response = client.post("/form/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Formuläret har varit öppet för länge" in html
    assert 'value="Delegationen"' in html
    assert 'value="forged"' not in html
    assert not Group.objects.exists() or not Group.objects.filter(name="Delegationen").exists()


def test_invalid_input_is_kept_with_messages_at_the_fields(client):
    data = {**fresh_form(client), "email": "inte-en-adress"}
    html = client.post("/form/", data).content.decode()
    assert 'value="inte-en-adress"' in html
    assert 'aria-invalid="true"' in html
    assert '<a href="#id_email">Skriv en e-postadress som namn@exempel.se.</a>' in html


def test_too_many_attempts_from_one_address_get_429_with_the_input_kept(client, settings):
    settings.FORM_RATE_LIMITS = {"default": {"address": (2, 60), "email": (10, 60)}}
    for _attempt in range(2):
        client.post("/form/", {**fresh_form(client), "email": "x"})
    response = client.post("/form/", fresh_form(client))
    assert response.status_code == 429
    assert 'value="Delegationen"' in response.content.decode()
    assert not Group.objects.filter(name="Delegationen").exists()


def test_too_many_submissions_for_one_email_get_429(client, settings):
    settings.FORM_RATE_LIMITS = {"default": {"address": (100, 60), "email": (1, 60)}}
    assert client.post("/form/", fresh_form(client)).status_code == 302
    response = client.post("/form/", {**fresh_form(client), "name": "Andra"})
    assert response.status_code == 429
    assert not Group.objects.filter(name="Andra").exists()


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.9, 198.51.100.7", "198.51.100.7"),
        (2, "203.0.113.9, 198.51.100.7", "203.0.113.9"),
        (2, "198.51.100.7", "10.0.0.1"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert form_protection.client_address(request) == expected


def test_expired_tokens_are_purged(settings, client):
    client.post("/form/", fresh_form(client))
    settings.FORM_TOKEN_MAX_AGE = -1
    assert form_protection.purge_old_submissions() == "1 expired form tokens removed"
    assert not FormSubmission.objects.exists()


def test_queue_mail_renders_plain_text_in_the_given_language(tmp_path, settings):
    (tmp_path / "greeting_subject.txt").write_text(
        '{% load i18n %}{% translate "Kontakta oss" %} {{ name }}'
    )
    (tmp_path / "greeting_body.txt").write_text("Hej {{ name }}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    queue_mail(template="greeting", context={"name": "O'Neil"}, to=["a@example.se"], language="en")
    assert mail.outbox[0].subject == "Contact us O'Neil"
    assert mail.outbox[0].body == "Hej O'Neil"
    assert mail.outbox[0].to == ["a@example.se"]


class FlakyBackend:
    """A mail backend that fails the first ``failures`` sends, then delivers to the outbox."""

    failures = 0
    calls = 0

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self.delivering = EmailBackend()

    def send_messages(self, messages):
        FlakyBackend.calls += 1
        if FlakyBackend.calls <= FlakyBackend.failures:
            raise ConnectionRefusedError("SMTP server down")
        return self.delivering.send_messages(messages)


@pytest.mark.parametrize(("failures", "delivered"), [(0, 1), (3, 1), (10, 0)])
def test_a_failing_mail_server_is_retried_a_bounded_number_of_times(
    settings, failures, delivered
):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    settings.TASK_MAX_ATTEMPTS = 4
    FlakyBackend.failures, FlakyBackend.calls = failures, 0
    from portal.mail import send_mail

    send_mail.enqueue(subject="Hej", body="Text", to=["a@example.se"])
    assert len(mail.outbox) == delivered
    assert FlakyBackend.calls == min(failures + 1, 4)


def test_with_the_database_queue_a_retry_waits_longer_each_time(settings):
    from django_tasks_db.models import DBTaskResult

    from portal.mail import send_mail

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    settings.TASK_RETRY_DELAY_SECONDS = 60
    FlakyBackend.failures, FlakyBackend.calls = 10, 0

    send_mail.enqueue(subject="Hej", body="Text", to=["a@example.se"], attempt=3)
    run_worker()

    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 4
    waited = (retry.run_after - retry.enqueued_at).total_seconds()
    assert 239 <= waited <= 241


# One pattern for every public form (GOV.UK's) --------------------------------------------


def test_the_error_summary_comes_first_in_the_form_and_says_only_what_to_do(client):
    data = {**fresh_form(client), "name": "", "email": "x"}
    html = client.post("/form/", data).content.decode()
    summary = html.index('class="error-summary"')
    assert summary < html.index('name="name"')
    assert 'tabindex="-1" data-error-summary' in html
    # The field's own message, once, without the label glued on ("…: Skriv…").
    assert '<a href="#id_email">Skriv en e-postadress som namn@exempel.se.</a>' in html
    assert ".:" not in html


def test_labels_have_no_colon_and_a_checkbox_has_its_text_beside_it(client):
    html = client.get("/form/").content.decode()
    assert '<label for="id_name">Namn</label>' in html
    assert (
        '<div class="choice"><input type="checkbox" name="agree"'
        ' aria-describedby="id_agree_helptext" id="id_agree">'
        ' <label for="id_agree">Jag håller med</label></div>'
    ) in html
    assert html.count("Frivilligt.") == 1


def test_the_page_title_starts_with_fel_after_a_failed_submit(client):
    response = client.post(reverse("visits:request"), {"organisation_name": ""})
    assert re.search(r"<title>Fel: Begär ett besök", response.content.decode())
    assert "<title>Begär ett besök" in client.get(reverse("visits:request")).content.decode()


def test_a_valid_file_is_kept_across_a_failed_submit_and_used_on_the_next(
    client, django_capture_on_commit_callbacks
):
    data = {
        **fresh_form(client),
        "email": "inte-en-adress",
        "attachment": SimpleUploadedFile("cv.pdf", b"Innehall" * 128),
    }
    html = client.post("/form/", data).content.decode()
    assert re.search(r"<strong>cv.pdf \(1,0.kB\)</strong> är bifogad – <label", html)
    kept = re.search(r'name="attachment_kept" value="([^"]+)"', html).group(1)
    assert len(os.listdir(kept_directory())) == 1

    data = {**data, "email": "anna@example.se", "attachment_kept": kept}
    del data["attachment"]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/form/", data).status_code == 302
    stored = Group.objects.get(name__startswith="Delegationen")
    assert stored.name == "Delegationen: " + hashlib.sha256(b"Innehall" * 128).hexdigest()
    assert os.listdir(kept_directory()) == []


def test_a_forged_or_expired_kept_token_brings_no_file(client, settings):
    data = {
        **fresh_form(client),
        "email": "x",
        "attachment": SimpleUploadedFile("cv.pdf", b"hemligt"),
    }
    kept = re.search(
        r'name="attachment_kept" value="([^"]+)"', client.post("/form/", data).content.decode()
    ).group(1)
    data = {**data, "email": "anna@example.se"}
    del data["attachment"]
    assert client.post("/form/", {**data, "attachment_kept": kept + "x"}).status_code == 302
    assert Group.objects.get(name__startswith="Delegationen").name == "Delegationen"
    settings.FORM_KEPT_FILE_MAX_AGE = -1
    assert form_protection.KeptFile.from_token("attachment", kept) is None
    assert form_protection.KeptFile.from_token("other", kept) is None


def test_the_periodic_sweep_removes_kept_files_after_their_time(client, settings):
    data = {**fresh_form(client), "email": "x", "attachment": SimpleUploadedFile("a.pdf", b"1")}
    client.post("/form/", data)
    assert form_protection.purge_kept_files() == "0 kept form files removed"
    settings.FORM_KEPT_FILE_MAX_AGE = -10
    assert form_protection.purge_kept_files() == "1 kept form files removed"
    assert os.listdir(kept_directory()) == []


def kept_directory():
    return storages["private"].path(form_protection.KEPT_FILES_DIRECTORY)
