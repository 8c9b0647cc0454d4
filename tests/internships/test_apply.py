"""The public application form: good input, each kind of bad input, duplicates and replays."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from internships import services
from internships.models import Application, CallStatistic
from internships.pdf import MAX_FILE_SIZE
from internships.samples import minimal_pdf
from portal.form_protection import KeptFile
from tests.internships.conftest import form_token

pytestmark = pytest.mark.django_db


def pdf(name="cv.pdf", content=None):
    return SimpleUploadedFile(
        name, content or minimal_pdf(["Curriculum vitae"]), content_type="application/pdf"
    )


def good_data(client, call, **changes):
    url = reverse("internships:apply", args=[call.slug])
    data = {
        "form_token": form_token(client, url),
        "first_name": "Elin",
        "last_name": "Andersson",
        "email": "elin.andersson@student.example.se",
        "phone": "070-123 45 67",
        "university": "Göteborgs universitet",
        "programme": "Masterprogram i statsvetenskap",
        "level": "master",
        "expected_graduation": "juni 2027",
        "languages": "svenska, engelska",
        "cover_letter": "Jag vill lära mig hur en region arbetar med EU-frågor.",
        "cv": pdf(),
        "information_confirmed": "on",
    }
    data.update(changes)
    return url, {key: value for key, value in data.items() if value is not None}


def test_the_form_page_tells_how_the_application_is_handled(client, open_call):
    response = client.get(reverse("internships:apply", args=[open_call.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    for words in (
        "allmän handling",
        "sekretessprövning",
        "uppgift av allmänt intresse",
        "åtgärder innan ett avtal",
        "24 månader",
        "Skyddade personuppgifter",
        "/personuppgifter/#applications",
        "rekryterarna",
    ):
        assert words in html, words
    assert "personnummer" not in html.replace("inte efter personnummer", "")
    assert 'enctype="multipart/form-data"' in html


def test_a_good_application_is_stored_mailed_and_receipted(client, open_call, private_storage):
    url, data = good_data(client, open_call)
    response = client.post(url, data)
    assert response.status_code == 302
    application = Application.objects.get()
    assert re.fullmatch(r"PRK-\d{4}-0001", application.reference)
    assert application.status == Application.Status.RECEIVED
    assert application.information_confirmed and application.information_version
    assert application.cv.name.startswith("applications/") and "cv" not in application.cv.name
    assert private_storage.exists(application.cv.name)
    receipt = client.get(response["Location"])
    assert application.reference in receipt.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["elin.andersson@student.example.se"]
    assert application.reference in message.subject + message.body
    assert "/praktik/aterkalla/" in message.body
    assert CallStatistic.objects.get(call=open_call, dimension="total").count == 1


def test_mail_to_the_unverified_address_repeats_nothing_typed(client, open_call):
    """The applicant's address is not verified, so the mail carries only the site's words."""
    url, data = good_data(client, open_call, first_name="Vinn https://spam.example/claim")
    assert client.post(url, data).status_code == 302
    application = Application.objects.get()
    application.start_review()
    services.change_status(application, "shortlisted", by=None, notify=True)
    url, data = good_data(client, open_call, first_name="Köp https://spam.example/buy")
    assert client.post(url, data).status_code == 302
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert "spam.example" not in message.subject + message.body
        assert application.reference in message.subject + message.body or (
            "/praktik/aterkalla/" in message.body
        )


def test_english_applicants_get_english_mail(client, open_call):
    url, data = good_data(client, open_call)
    with translation.override("en"):
        english_url = reverse("internships:apply", args=[open_call.slug])
    response = client.post(english_url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Application.objects.get().language == "en"
    assert "We have received your application" in mail.outbox[0].subject


def test_a_double_click_or_replay_creates_one_application(client, open_call):
    url, data = good_data(client, open_call)
    first = client.post(url, data)
    data["cv"] = pdf()
    second = client.post(url, data)
    assert first["Location"] == second["Location"]
    assert Application.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_second_application_with_the_same_email_reveals_and_changes_nothing(client, open_call):
    url, data = good_data(client, open_call)
    client.post(url, data)
    original = Application.objects.get()
    url, data = good_data(
        client,
        open_call,
        first_name="Någon",
        last_name="Annan",
        email="ELIN.andersson@student.example.se",
    )
    response = client.post(url, data)
    assert response.status_code == 302
    receipt = client.get(response["Location"]).content.decode()
    assert "Ansökan skickad" in receipt
    assert original.reference not in receipt
    assert Application.objects.count() == 1
    original.refresh_from_db()
    assert original.first_name == "Elin"
    assert len(mail.outbox) == 2
    notice = mail.outbox[1]
    assert notice.to == ["elin.andersson@student.example.se"]
    assert "redan en ansökan" in notice.subject
    assert "/praktik/aterkalla/" in notice.body
    assert CallStatistic.objects.get(call=open_call, dimension="total").count == 1


def assert_refused_and_kept(response, message):
    html = response.content.decode()
    assert response.status_code in (200, 410)
    assert message in html, html[:3000]
    assert 'value="Elin"' in html
    assert "Jag vill lära mig hur en region arbetar med EU-frågor." in html
    assert not Application.objects.exists()
    assert not mail.outbox


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused(client, open_call, private_storage):
    url, data = good_data(client, open_call, cv=pdf(content=b"MZ\x90\x00 not a pdf at all"))
    assert_refused_and_kept(client.post(url, data), "Filen är inte en pdf-fil.")


def test_a_file_with_the_signature_that_does_not_parse_is_refused(client, open_call):
    url, data = good_data(client, open_call, cv=pdf(content=b"%PDF-1.4\ngarbage"))
    assert_refused_and_kept(client.post(url, data), "Filen går inte att läsa som pdf.")


def test_a_pdf_over_five_megabytes_is_refused_and_not_stored(client, open_call, private_storage):
    big = minimal_pdf(["CV"]) + b"%" + b"0" * MAX_FILE_SIZE
    url, data = good_data(client, open_call, transcript=pdf("intyg.pdf", big))
    assert_refused_and_kept(client.post(url, data), "Filen är för stor")
    assert (
        not private_storage.exists("applications") or not private_storage.listdir("applications")[1]
    )


def test_the_information_box_must_be_ticked(client, open_call):
    url, data = good_data(client, open_call, information_confirmed=None)
    assert_refused_and_kept(client.post(url, data), "Kryssa i rutan")


def test_a_malformed_email_is_refused(client, open_call):
    url, data = good_data(client, open_call, email="elin.example.se")
    response = client.post(url, data)
    assert_refused_and_kept(response, "Skriv en giltig e-postadress")
    assert 'value="elin.example.se"' in response.content.decode()


def test_a_cover_letter_over_the_limit_is_refused(client, open_call):
    url, data = good_data(client, open_call)
    data["cover_letter"] = "Jag vill lära mig hur en region arbetar med EU-frågor." + "x" * 5000
    assert_refused_and_kept(client.post(url, data), "det får vara högst 5000")


def test_line_breaks_count_as_one_character(client, open_call):
    url, data = good_data(client, open_call, cover_letter="a\r\n" * 2400)
    assert client.post(url, data).status_code == 302


def test_a_missing_cv_is_refused(client, open_call):
    url, data = good_data(client, open_call, cv=None)
    assert_refused_and_kept(client.post(url, data), "Bifoga ditt CV som pdf.")


def test_the_form_is_gone_after_the_closing_time(client, closed_call):
    response = client.get(reverse("internships:apply", args=[closed_call.slug]))
    html = response.content.decode()
    assert response.status_code == 410
    assert "är stängd sedan" in html
    assert "<form" not in html.split("<main", 1)[1]


def test_a_post_replayed_after_closing_is_refused_and_keeps_the_input(client, open_call):
    url, data = good_data(client, open_call)
    open_call.closes_at = timezone.now() - timedelta(minutes=1)
    open_call.save()
    response = client.post(url, data)
    assert_refused_and_kept(response, "är stängd sedan")
    assert response.status_code == 410
    assert "Skicka ansökan" not in response.content.decode()


@pytest.mark.parametrize("method", ["get", "head", "post", "put", "delete", "options"])
def test_an_unpublished_call_is_not_found_whatever_the_method(client, open_call, method):
    url, data = good_data(client, open_call)
    open_call.is_published = False
    open_call.save()
    response = getattr(client, method)(url, data)
    assert response.status_code == 404
    assert open_call.title not in response.content.decode()
    assert not Application.objects.exists()


def test_an_upcoming_call_says_when_it_opens(client, open_call):
    open_call.opens_at = timezone.now() + timedelta(days=3)
    open_call.closes_at = timezone.now() + timedelta(days=30)
    open_call.save()
    response = client.get(reverse("internships:apply", args=[open_call.slug]))
    assert response.status_code == 200
    assert "har inte öppnat än" in response.content.decode()


def test_a_file_failure_after_writing_removes_the_written_file(
    client, open_call, private_storage, monkeypatch
):
    url, data = good_data(client, open_call, transcript=pdf("intyg.pdf"))

    def broken_mail(**kwargs):
        raise RuntimeError("mail queue down")

    monkeypatch.setattr("internships.services.queue_mail", broken_mail)
    client.raise_request_exception = False
    response = client.post(url, data)
    assert response.status_code == 500
    assert not Application.objects.exists()
    _dirs, files = private_storage.listdir("applications")
    assert files == []


def test_a_valid_cv_is_kept_when_another_field_fails_and_reaches_the_application(
    client, open_call, private_storage, django_capture_on_commit_callbacks
):
    url, data = good_data(client, open_call, first_name="")
    html = client.post(url, data).content.decode()
    assert "Skriv ditt förnamn." in html
    assert re.search(r"<strong>cv.pdf \([\d,]+.(byte|kB)\)</strong> är bifogad – <label", html)
    assert "sparas inte" not in html
    kept = re.search(r'name="cv_kept" value="([^"]+)"', html).group(1)

    data.update(first_name="Elin", cv_kept=kept)
    del data["cv"]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    application = Application.objects.get()
    with private_storage.open(application.cv.name, "rb") as stored:
        assert stored.read().startswith(b"%PDF-")


def test_a_new_file_that_fails_leaves_the_kept_one_in_place(client, open_call):
    url, data = good_data(client, open_call, first_name="")
    kept = re.search(
        r'name="cv_kept" value="([^"]+)"', client.post(url, data).content.decode()
    ).group(1)
    data.update(cv=pdf(content=b"not a pdf"), cv_kept=kept)
    html = client.post(url, data).content.decode()
    assert "Filen är inte en pdf-fil." in html
    still_kept = re.search(r'name="cv_kept" value="([^"]+)"', html).group(1)
    assert (
        KeptFile.from_token("cv", still_kept).stored_name
        == KeptFile.from_token("cv", kept).stored_name
    )


def test_every_required_field_says_what_to_do(client, open_call):
    url = reverse("internships:apply", args=[open_call.slug])
    html = client.post(url, {"form_token": form_token(client, url)}).content.decode()
    for message in (
        "Skriv ditt förnamn.",
        "Skriv ditt efternamn.",
        "Skriv din e-postadress.",
        "Skriv ditt telefonnummer.",
        "Skriv vilket lärosäte du studerar vid.",
        "Välj vilken nivå du studerar på.",
        "Skriv ditt personliga brev.",
        "Bifoga ditt CV som pdf.",
        "Kryssa i rutan för att visa att du har läst informationen.",
    ):
        assert f">{message}</a></li>" in html, message
    assert "Detta fält måste fyllas i" not in html
    assert "<title>Fel: " in html
    # The summary is the first thing in the form, before the long information box.
    assert html.index("error-summary") < html.index("privacy-notice")
