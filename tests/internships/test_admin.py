"""The recruiters' back office: who sees applications, workflow actions, exports, logs."""

import io
import zipfile

import pytest
from auditlog.models import LogEntry
from django import forms
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from internships.factories import ApplicationFactory, InternshipCallFactory
from internships.models import Application
from internships.roles import RECRUITERS
from newsroom.roles import EDITORS
from portal import audit
from portal.exports import spreadsheet_text
from tests.portal.spreadsheets import HOSTILE, formula_fields, read

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:internships_application_changelist"


def test_only_recruiters_and_superusers_see_applications(staff_client, application):
    editor = staff_client(EDITORS, username="redaktor")
    assert editor.get(reverse(CHANGELIST)).status_code == 403
    assert (
        editor.get(
            reverse("admin:internships_internshipcall_applicants", args=[application.call.pk])
        ).status_code
        == 403
    )
    recruiter = staff_client(RECRUITERS, username="rekryterare")
    response = recruiter.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert application.reference in response.content.decode()


def test_applications_list_runs_a_constant_number_of_queries(staff_client, open_call):
    client = staff_client(RECRUITERS)
    counts = []
    for rows in (5, 50):
        Application.objects.all().delete()
        for _index in range(rows):
            ApplicationFactory(call=open_call)
        client.get(reverse(CHANGELIST))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(CHANGELIST) + "?status__exact=received&q=Elin")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_calls_list_runs_a_constant_number_of_queries(staff_client, open_call):
    client = staff_client(RECRUITERS)
    url = reverse("admin:internships_internshipcall_changelist")
    counts = []
    for rows in (5, 50):
        while Application.objects.filter(call=open_call).count() < rows:
            ApplicationFactory(call=open_call)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_opening_an_application_is_logged_and_shows_file_links(staff_client, application):
    client = staff_client(RECRUITERS)
    url = reverse("admin:internships_application_change", args=[application.pk])
    html = client.get(url).content.decode()
    assert reverse("internships:file", args=[application.pk, "cv"]) in html
    assert application.cv.name not in html
    log = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert log.additional_data["event"] == "viewed" and log.actor == client.user


def test_the_audit_trail_is_for_administrators_only_and_read_only(staff_client, application):
    audit.record("viewed", application)
    url = reverse("admin:auditlog_logentry_changelist")
    recruiter = staff_client(RECRUITERS, username="rekryterare")
    assert recruiter.get(url).status_code == 403
    admin = staff_client(username="admin")
    assert admin.get(url).status_code == 200
    log = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).first()
    change = admin.get(reverse("admin:auditlog_logentry_change", args=[log.pk]))
    assert change.status_code == 200
    assert 'type="submit" value="Spara"' not in change.content.decode()
    assert admin.get(reverse("admin:auditlog_logentry_add")).status_code == 403


def test_reject_and_notify_asks_first_listing_who_gets_which_mail(staff_client, open_call):
    client = staff_client(RECRUITERS)
    received = ApplicationFactory(call=open_call, first_name="Amira", language="en")
    accepted = ApplicationFactory(call=open_call)
    for step in ("start_review", "shortlist", "offer", "accept"):
        getattr(accepted, step)()
    selection = {"action": "mark_rejected_notify", "_selected_action": [received.pk, accepted.pk]}
    response = client.post(reverse(CHANGELIST), selection)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Amira" in html and received.email in html
    assert f"News about your internship application ({received.reference})" in html
    assert "unfortunately unable to take your" in html
    assert accepted.reference in html.split("inget mejl")[1]
    received.refresh_from_db()
    assert received.status == "received" and mail.outbox == []


def test_bulk_action_moves_allowed_rows_and_refuses_the_rest(staff_client, open_call):
    client = staff_client(RECRUITERS)
    received = ApplicationFactory(call=open_call)
    accepted = ApplicationFactory(call=open_call)
    for step in ("start_review", "shortlist", "offer", "accept"):
        getattr(accepted, step)()
    response = client.post(
        reverse(CHANGELIST),
        {"action": "mark_rejected_notify", "_selected_action": [received.pk, accepted.pk],
         "confirmed": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    received.refresh_from_db()
    accepted.refresh_from_db()
    assert received.status == "rejected"
    assert accepted.status == "accepted"
    assert received.status_changes.get().changed_by == client.user
    assert [m.to for m in mail.outbox] == [[received.email]]
    html = response.content.decode()
    assert accepted.reference in html
    assert "1 ansökan fick status ”inte aktuell”. Den sökande får ett mejl om det." in html


def test_a_status_action_without_mail_says_that_no_mail_went_out(staff_client, open_call):
    client = staff_client(RECRUITERS)
    applications = [ApplicationFactory(call=open_call) for _index in range(2)]
    response = client.post(
        reverse(CHANGELIST),
        {"action": "mark_under_review", "_selected_action": [a.pk for a in applications]},
        follow=True,
    )
    assert "2 ansökningar fick status ”under granskning”. Inget mejl skickades." in (
        response.content.decode()
    )
    assert mail.outbox == []


def test_status_change_from_the_form_with_optional_mail(staff_client, application):
    client = staff_client(RECRUITERS)
    url = reverse("admin:internships_application_change", args=[application.pk])
    response = client.post(
        url,
        {
            "registration_number": "RS 2027-00123",
            "reviewer_notes": "Bra brev.",
            "rating": "4",
            "new_status": "under_review",
            "notify_applicant": "on",
            "status_changes-TOTAL_FORMS": "0",
            "status_changes-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    application.refresh_from_db()
    assert application.status == "under_review"
    assert application.registration_number == "RS 2027-00123"
    assert len(mail.outbox) == 1
    message = str(list(client.get(url).context["messages"])[0])
    assert message == "1 ansökan fick status ”under granskning”. Den sökande får ett mejl om det."


def test_csv_export_has_the_applications_but_no_files(staff_client, open_call):
    client = staff_client(RECRUITERS)
    first = ApplicationFactory(call=open_call, first_name="=HYPERLINK(1)")
    response = client.get(reverse("admin:internships_internshipcall_csv", args=[open_call.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="ansokningar-{open_call.slug}.csv"'
    )
    assert "no-store" in response["Cache-Control"]
    rows = read(response)
    assert rows[0][0] == "Referensnummer" and len(rows) == 2
    assert rows[1][0] == first.reference
    assert "'=HYPERLINK(1)" in rows[1]
    assert first.cv.name not in response.content.decode()
    assert audit.events(open_call).get().additional_data["event"] == "exported"


def test_csv_export_holds_no_formula_whatever_the_applicant_wrote(staff_client, open_call):
    client = staff_client(RECRUITERS)
    ApplicationFactory(
        call=open_call, reference=HOSTILE, registration_number=HOSTILE, first_name=HOSTILE,
        last_name=HOSTILE, email=HOSTILE, phone=HOSTILE, university=HOSTILE,
        programme=HOSTILE, expected_graduation=HOSTILE, languages=HOSTILE,
    )
    response = client.get(reverse("admin:internships_internshipcall_csv", args=[open_call.pk]))
    assert read(response)[1].count(spreadsheet_text(HOSTILE)) == 10
    assert formula_fields(response) == []


def test_cvs_as_one_zip_is_logged(staff_client, open_call):
    client = staff_client(RECRUITERS)
    applications = [ApplicationFactory(call=open_call) for _index in range(2)]
    response = client.get(reverse("admin:internships_internshipcall_zip", args=[open_call.pk]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted(f"{a.reference}-cv.pdf" for a in applications)
    assert audit.events(open_call).get().additional_data["event"] == "downloaded"


def test_the_cv_zip_leaves_out_withdrawn_applications(staff_client, open_call):
    client = staff_client(RECRUITERS)
    kept = ApplicationFactory(call=open_call)
    withdrawn = ApplicationFactory(call=open_call)
    withdrawn.withdraw()
    response = client.get(reverse("admin:internships_internshipcall_zip", args=[open_call.pk]))
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == [f"{kept.reference}-cv.pdf"]


def test_a_board_per_call_has_a_column_per_status_and_a_card_per_applicant(
    staff_client, open_call
):
    client = staff_client(RECRUITERS)
    best = ApplicationFactory(call=open_call, university="Lunds universitet", rating=5)
    unrated = ApplicationFactory(call=open_call)
    shortlisted = ApplicationFactory(call=open_call, university="Umeå universitet", rating=3)
    shortlisted.start_review()
    shortlisted.shortlist()
    ApplicationFactory(call=InternshipCallFactory())  # another call's

    board = reverse("admin:internships_internshipcall_board", args=[open_call.pk])
    calls = client.get(reverse("admin:internships_internshipcall_changelist"))
    assert board in calls.content.decode()
    response = client.get(board)
    assert response.status_code == 200
    columns = {status.value: cards for status, cards in response.context["columns"]}
    assert list(columns) == list(Application.Status.values)
    assert columns["received"] == [best, unrated]
    assert columns["shortlisted"] == [shortlisted]
    html = response.content.decode()
    assert "Mottagen <span class=\"board-count\">(2)</span>" in html
    assert "Går vidare <span class=\"board-count\">(1)</span>" in html
    card = html[html.index(shortlisted.reference) - 400:html.index(shortlisted.reference) + 300]
    assert shortlisted.full_name in card and "Umeå universitet" in card and "<dd>3</dd>" in card


def test_applicants_side_by_side_and_statistics(staff_client, open_call):
    client = staff_client(RECRUITERS)
    ApplicationFactory(call=open_call, university="Lunds universitet", first_name="Amira")
    ApplicationFactory(call=open_call, university="Lunds universitet")
    side = client.get(reverse("admin:internships_internshipcall_applicants", args=[open_call.pk]))
    assert side.status_code == 200 and "Amira" in side.content.decode()
    assert LogEntry.objects.filter(additional_data__event="viewed").count() == 2
    stats = client.get(reverse("admin:internships_internshipcall_statistics", args=[open_call.pk]))
    html = stats.content.decode()
    assert stats.status_code == 200
    assert "Lunds universitet</td><td>2</td>" in html


def test_applications_cannot_be_added_or_deleted_by_recruiters(staff_client, application):
    client = staff_client(RECRUITERS)
    assert client.get(reverse("admin:internships_application_add")).status_code == 403
    delete = reverse("admin:internships_application_delete", args=[application.pk])
    assert client.get(delete).status_code == 403


def posted(form):
    """What the browser sends for an unchanged admin form."""
    data = {}
    for field in form:
        value = field.value()
        if isinstance(field.field.widget, forms.MultiWidget):
            for index, part in enumerate(field.field.widget.decompress(value)):
                data[f"{field.html_name}_{index}"] = "" if part is None else str(part)
        elif value is True:
            data[field.html_name] = "on"
        elif value not in (None, False):
            data[field.html_name] = value
    return data


def test_publishing_and_unpublishing_a_call_is_in_the_audit_trail(staff_client):
    recruiter = staff_client(RECRUITERS)
    call = InternshipCallFactory(is_published=False)
    url = reverse("admin:internships_internshipcall_change", args=[call.pk])
    data = posted(recruiter.get(url).context["adminform"].form)
    response = recruiter.post(url, {**data, "is_published": "on"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert audit.events(call, "published").get().actor == recruiter.user

    recruiter.post(url, data)
    assert audit.events(call, "unpublished").get().actor == recruiter.user
