"""Registering through the public form: good input, bad input, duplicates, the waiting list
and the signed link that cancels."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events import services
from events.factories import EventFactory, QuestionFactory, RegistrationFactory
from events.models import Answer, Event, Question, Registration
from portal.models import FormSubmission
from tests.events.conftest import register, registration_data

pytestmark = pytest.mark.django_db


def manage_link(message):
    return re.search(r"http://[^\s]+/evenemang/anmalan/[^\s]+/", message.body).group(0)


def test_registering_gives_a_place_a_receipt_and_a_mail_with_the_event(client, event):
    response = register(client, event)

    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.dietary_needs == "vegetarisk"
    html = response.content.decode()
    assert "Du är anmäld" in html
    assert registration.reference in html
    assert response.redirect_chain[0][0].startswith("/evenemang/anmalan/kvitto/")

    [message] = mail.outbox
    assert message.to == ["karin.holm@boras.example.se"]
    assert registration.reference in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("valrorelsen.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content
    assert "Seminarium om den kommande valr" in content


def test_mails_carry_nothing_the_registrant_typed(client, event):
    register(client, event, name="Klicka här http://skräp.example", organisation="Spam AB",
             role="https://phish.example", dietary_needs="gluten")
    [message] = mail.outbox
    for typed in ("Klicka", "skräp", "Spam AB", "phish", "gluten"):
        assert typed not in message.subject + message.body


def test_the_online_link_goes_only_to_those_with_a_place(client):
    event = EventFactory(venue="", online_url="https://mote.example.se/hemlig", capacity=1)
    register(client, event)
    register(client, event, email="andra@example.se")
    first, second = mail.outbox
    assert "https://mote.example.se/hemlig" in first.body
    assert "https://mote.example.se/hemlig" in first.attachments[0][1]
    assert "hemlig" not in second.body
    assert not second.attachments


def test_the_events_own_questions_are_asked_and_answered(client, event):
    text = QuestionFactory(event=event, text="Fråga till panelen?")
    choice = QuestionFactory(event=event, text="Område", kind=Question.Kind.CHOICE,
                             choices="Gröna näringar\nLivsmedel", required=True)
    yes_no = QuestionFactory(event=event, text="Mingel?", kind=Question.Kind.YES_NO,
                             required=True)
    response = register(client, event, **{text.field_name: "Om regionens roll",
                                          yes_no.field_name: "ja"})
    assert "Svara på frågan." in response.content.decode()
    assert not Registration.objects.exists()

    register(client, event, **{choice.field_name: "Livsmedel", yes_no.field_name: "ja"})
    answers = dict(Answer.objects.values_list("question__text", "value"))
    assert answers == {"Område": "Livsmedel", "Mingel?": "ja"}


def test_a_mistake_in_every_field_keeps_what_was_typed_and_says_what_to_do(client, event):
    url, data = registration_data(client, event, name="", email="inte-en-adress",
                                  organisation_type="", organisation="Borås stad")
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="error-summary"') == 1
    assert "<title>Fel: " in html
    for message in ("Skriv ditt namn.", "Skriv en giltig e-postadress",
                    "Välj vilken typ av organisation"):
        assert message in html
    assert 'value="Borås stad"' in html
    assert not Registration.objects.exists()


def test_registering_twice_changes_nothing_visible_and_mails_the_owner(client, event):
    register(client, event)
    first = Registration.objects.get()
    mail.outbox.clear()

    response = register(client, event, email="KARIN.HOLM@boras.example.se ", name="Någon annan")

    assert Registration.objects.get() == first
    assert Registration.objects.get().name == "Karin Holm"
    html = response.content.decode()
    assert "Du är anmäld" in html
    assert first.reference not in html
    [message] = mail.outbox
    assert message.to == [first.email]
    assert "redan anmäld" in message.body
    assert "Någon annan" not in message.body
    assert manage_link(message)


def test_a_double_click_lands_once(client, event):
    url, data = registration_data(client, event)
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.url == second.url
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_honeypot_stores_nothing(client, event):
    url, data = registration_data(client, event, website="http://spam.example")
    assert client.post(url, data).status_code == 200
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_a_full_event_puts_the_next_on_the_waiting_list(client):
    event = EventFactory(capacity=1)
    register(client, event)
    response = register(client, event, email="andra@example.se")
    assert "Du står på väntelistan" in response.content.decode()
    assert Registration.objects.get(email="andra@example.se").status == "waiting"
    assert "väntelistan" in mail.outbox[-1].subject


@pytest.mark.parametrize(
    ("changes", "message", "status"),
    [
        ({"capacity": 0, "waiting_list": False}, "fullbokat och har ingen väntelista", 200),
        ({"status": Event.Status.CANCELLED}, "inställt", 410),
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "stängd", 410),
    ],
)
def test_no_registration_when_full_closed_or_cancelled(client, changes, message, status):
    event = EventFactory()
    url, data = registration_data(client, event)
    Event.objects.filter(pk=event.pk).update(**changes)

    for response in (client.get(url), client.post(url, data)):
        assert response.status_code == status
        html = response.content.decode()
        assert message in html
        assert "Ingen anmälan har sparats" in html
    assert not Registration.objects.exists()
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def test_a_draft_or_an_event_without_registration_has_no_form(client):
    assert client.get(reverse("events:register", args=[
        EventFactory(status=Event.Status.DRAFT).slug])).status_code == 404
    assert client.get(reverse("events:register", args=[
        EventFactory(registration_required=False).slug])).status_code == 404


def test_a_refusal_between_the_check_and_the_write_stores_nothing(client, event, monkeypatch):
    url, data = registration_data(client, event)
    # The last place goes to someone else while this form is checked.
    original = services.register

    def taken_meanwhile(event, *args, **kwargs):
        Event.objects.filter(pk=event.pk).update(capacity=0, waiting_list=False)
        return original(event, *args, **kwargs)

    monkeypatch.setattr(services, "register", taken_meanwhile)
    response = client.post(url, data)
    assert "fullbokat" in response.content.decode()
    assert not Registration.objects.exists()
    assert not FormSubmission.objects.exists()


def test_cancelling_gives_the_place_to_the_first_on_the_waiting_list(client):
    event = EventFactory(capacity=1)
    register(client, event)
    register(client, event, email="forsta@example.se")
    register(client, event, email="andra@example.se")
    link = manage_link(mail.outbox[0])
    mail.outbox.clear()

    page = client.get(link)
    assert "Avboka anmälan" in page.content.decode()
    response = client.post(link, follow=True)

    assert "Anmälan avbokad" in response.content.decode()
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "karin.holm@boras.example.se": "cancelled",
        "forsta@example.se": "confirmed",
        "andra@example.se": "waiting",
    }
    [message] = mail.outbox
    assert message.to == ["forsta@example.se"]
    assert "fått en plats" in message.subject
    assert message.attachments[0][0] == f"{event.slug}.ics"


def test_a_cancel_link_used_twice_shows_the_same_receipt(client, event):
    register(client, event)
    link = manage_link(mail.outbox[0])
    first = client.post(link, follow=True).content.decode()
    second = client.post(link, follow=True).content.decode()
    again = client.get(link).content.decode()
    reference = Registration.objects.get().reference
    for html in (first, second, again):
        assert "Anmälan avbokad" in html
        assert reference in html
    assert Registration.objects.get().status == "cancelled"


def test_a_tampered_link_shows_a_clear_page(client, event):
    response = client.get(reverse("events:manage", args=["nonsens"]))
    assert response.status_code == 404
    assert "Länken fungerar inte" in response.content.decode()


def test_after_cancelling_one_may_register_again(client, event):
    registration = RegistrationFactory(event=event, email="karin.holm@boras.example.se")
    services.cancel(registration)
    register(client, event)
    assert Registration.objects.filter(status="confirmed").count() == 1
