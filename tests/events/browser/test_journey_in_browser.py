"""A visitor's journey in a real browser: find a seminar, register, get the mail with the
.ics, cancel; the first on the waiting list gets the place and a mail."""

import re

import pytest
from django.core import mail

from events.factories import EventFactory
from events.models import Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def register(page, name, email):
    page.get_by_label(re.compile("^Namn")).fill(name)
    page.get_by_label("E-postadress").fill(email)
    page.get_by_label(re.compile("^Organisation:?$")).fill("Borås stad")
    page.get_by_label("Typ av organisation").select_option("municipality")


def test_register_cancel_and_the_waiting_list_moves_up(live_server, page):
    EventFactory(title="Seminarium om den kommande valrörelsen", slug="valrorelsen", capacity=1)
    page.goto(live_server.url + "/")
    page.get_by_role("navigation").get_by_role("link", name="Evenemang").click()
    page.get_by_label("Typ av evenemang").select_option("seminar")
    page.get_by_role("button", name="Visa").click()
    page.get_by_role("link", name="Seminarium om den kommande valrörelsen").click()
    assert page.get_by_text("1 plats kvar").first.is_visible()
    page.get_by_role("link", name="Anmäl dig").click()

    # A mistake in every field: the summary comes first, links to the fields, keeps the input.
    page.get_by_label("E-postadress").fill("karin.holm")
    page.get_by_label(re.compile("^Organisation:?$")).fill("Borås stad")
    page.get_by_role("button", name="Anmäl mig").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.title().startswith("Fel: ")
    summary.get_by_role("link", name="Välj vilken typ av organisation du kommer från.").click()
    assert page.evaluate("document.activeElement.id") == "id_organisation_type"
    assert page.get_by_label(re.compile("^Organisation:?$")).input_value() == "Borås stad"
    assert not Registration.objects.exists()

    register(page, "Karin Holm", "karin.holm@boras.example.se")
    page.get_by_role("button", name="Anmäl mig").click()
    page.get_by_role("heading", name="Du är anmäld").wait_for()
    [confirmation] = mail.outbox
    assert confirmation.attachments[0][0] == "valrorelsen.ics"

    # Someone else finds it full and joins the waiting list.
    page.goto(live_server.url + "/evenemang/valrorelsen/")
    assert page.get_by_text("Fullbokat – skriv upp dig på väntelistan").is_visible()
    page.get_by_role("link", name="Skriv upp dig på väntelistan").click()
    register(page, "Omar Haddad", "omar.haddad@gu.example.se")
    page.get_by_role("button", name="Skriv upp mig på väntelistan").click()
    page.get_by_role("heading", name="Du står på väntelistan").wait_for()

    # Karin cancels through the link in her mail.
    link = re.search(r"http://\S+/evenemang/anmalan/\S+/", confirmation.body).group(0)
    page.goto(link.replace("http://127.0.0.1:8000", live_server.url))
    page.get_by_role("button", name="Avboka anmälan").click()
    page.get_by_role("heading", name="Anmälan avbokad").wait_for()

    promoted = mail.outbox[-1]
    assert promoted.to == ["omar.haddad@gu.example.se"]
    assert "fått en plats" in promoted.subject
    assert Registration.objects.get(email="omar.haddad@gu.example.se").status == "confirmed"
