"""The visit request form: good input, each kind of bad input, and a replayed submission."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from relations.factories import TopicFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db


def form_data(client, **overrides):
    """What a person types, plus the guard's one-time token from a fresh form."""
    page = client.get(reverse("visits:request"))
    token = page.context["form"]["form_token"].value()
    today = timezone.localdate()
    data = {
        "organisation_name": "Region Exempel",
        "country": "FI",
        "contact_name": "Kim Kontakt",
        "email": "kim@example.fi",
        "phone": "+358 40 000 0000",
        "starts_on": (today + datetime.timedelta(days=30)).isoformat(),
        "ends_on": (today + datetime.timedelta(days=31)).isoformat(),
        "delegation_size": "12",
        "purpose": "Vi vill lära oss om regionens Östersjösamarbete.",
        "has_read_privacy_notice": "on",
        "form_token": token,
        "website": "",
    }
    data.update(overrides)
    return data


def test_the_form_page(client):
    response = client.get(reverse("visits:request"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "/personuppgifter/#visit-requests" in text
    assert "csrfmiddlewaretoken" in text


def test_a_good_request_creates_an_internal_visit_and_two_mails(client, settings):
    settings.VISIT_COORDINATORS_EMAIL = "besok@example.se"
    topic = TopicFactory()
    data = form_data(client, topics=[str(topic.pk)])
    response = client.post(reverse("visits:request"), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("visits:request-received")
    assert client.get(response["Location"]).status_code == 200

    visit = Visit.objects.get()
    assert visit.status == Visit.Status.REQUESTED
    assert visit.visibility == Visit.Visibility.INTERNAL
    assert visit.requester_email == "kim@example.fi"
    assert visit.requester_organisation == "Region Exempel"
    assert visit.delegation_size == 12
    assert list(visit.topics.all()) == [topic]
    assert timezone.localtime(visit.starts_at).date().isoformat() == data["starts_on"]

    assert sorted(message.to[0] for message in mail.outbox) == ["besok@example.se",
                                                                 "kim@example.fi"]
    confirmation = next(m for m in mail.outbox if m.to == ["kim@example.fi"])
    assert visit.request_reference in confirmation.subject + confirmation.body
    # The public sees nothing of it.
    assert "Region Exempel" not in client.get(reverse("visits:list")).content.decode()


def test_the_confirmation_to_an_unverified_address_repeats_nothing_typed(client):
    """Nobody has verified the address, so the mail must not carry a stranger's words."""
    data = form_data(
        client,
        contact_name="Vinn pengar https://spam.example/claim",
        organisation_name="Billiga klockor https://spam.example/watches",
        purpose="Köp nu https://spam.example/buy",
    )
    assert client.post(reverse("visits:request"), data).status_code == 302
    visit = Visit.objects.get()
    confirmation = next(m for m in mail.outbox if m.to == ["kim@example.fi"])
    text = confirmation.subject + confirmation.body
    assert "spam.example" not in text
    assert visit.request_reference in text


@pytest.mark.parametrize("number", ["9" * 30, "-" + "9" * 30, str(2**63), str(2**31)])
def test_a_number_out_of_any_columns_range_is_a_field_error(client, number):
    data = form_data(client, topics=[number], delegation_size=number)
    response = client.post(reverse("visits:request"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"topics", "delegation_size"}
    assert not Visit.objects.exists()


def test_english_request_gets_an_english_confirmation(client):
    page = client.get("/en/visits/request-a-visit/")
    assert page.status_code == 200
    token = page.context["form"]["form_token"].value()
    data = form_data(client, form_token=token)
    response = client.post("/en/visits/request-a-visit/", data)
    assert response.status_code == 302
    confirmation = next(m for m in mail.outbox if m.to == ["kim@example.fi"])
    assert "Thank you" in confirmation.body or "Thank you" in confirmation.subject


def test_replayed_submission_creates_one_request(client):
    data = form_data(client)
    first = client.post(reverse("visits:request"), data)
    second = client.post(reverse("visits:request"), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Visit.objects.count() == 1
    assert len([m for m in mail.outbox if m.to == ["kim@example.fi"]]) == 1


def _yesterday():
    return (timezone.localdate() - datetime.timedelta(days=1)).isoformat()


def _in_days(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"starts_on": _yesterday()}, "starts_on"),
        ({"ends_on": _yesterday()}, "ends_on"),
        ({"starts_on": _in_days(20), "ends_on": _in_days(10)}, "ends_on"),
        ({"delegation_size": "0"}, "delegation_size"),
        ({"delegation_size": "201"}, "delegation_size"),
        ({"delegation_size": "många"}, "delegation_size"),
        ({"email": "inte-en-adress"}, "email"),
        ({"email": "kim@"}, "email"),
        ({"starts_on": "31/02/2027"}, "starts_on"),
        ({"country": "XX"}, "country"),
        ({"has_read_privacy_notice": ""}, "has_read_privacy_notice"),
        ({"organisation_name": ""}, "organisation_name"),
        ({"purpose": ""}, "purpose"),
    ],
)
def test_bad_input_gets_a_message_at_the_field_and_keeps_what_was_typed(client, overrides, field):
    data = form_data(client, **overrides)
    response = client.post(reverse("visits:request"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    text = response.content.decode()
    # The message is at the field, and the summary links to it.
    assert f'href="#id_{field}"' in text
    assert f'aria-describedby="id_{field}_error' in text or f'id="id_{field}_error' in text
    # Everything typed is kept.
    for name in ("organisation_name", "contact_name", "purpose"):
        if data[name]:
            assert data[name] in text
    assert data["email"] in text
    assert not Visit.objects.exists()
    assert not mail.outbox


def test_honeypot_stores_nothing(client):
    response = client.post(reverse("visits:request"), form_data(client, website="spam"))
    assert response.status_code == 200
    assert not Visit.objects.exists()
    assert not mail.outbox


def test_too_many_requests_from_one_address_are_refused_with_input_kept(client, settings):
    settings.FORM_RATE_LIMITS = {
        "default": {"address": (30, 3600), "email": (5, 3600)},
        "visit-request": {"address": (30, 3600), "email": (2, 3600)},
    }
    for _ in range(2):
        assert client.post(reverse("visits:request"), form_data(client)).status_code == 302
    refused = client.post(reverse("visits:request"), form_data(client))
    assert refused.status_code == 429
    assert "Region Exempel" in refused.content.decode()
    assert Visit.objects.count() == 2


def test_the_confirmation_is_a_panel_and_the_mail_repeats_nothing_typed(client):
    today = timezone.localdate()
    first, last = today + datetime.timedelta(days=400), today + datetime.timedelta(days=401)
    response = client.post(
        reverse("visits:request"),
        form_data(client, starts_on=first.isoformat(), ends_on=last.isoformat()),
        follow=True,
    )
    assert '<div class="confirmation-panel" role="status">' in response.content.decode()
    body = mail.outbox[0].body
    # The mail goes to an address nobody has verified: the site's words and a reference only.
    assert first.isoformat() not in body and str(first.year) not in body
    assert "BES-" in body
    # One form of address: "du", never "ni" or "er".
    for text in (body, mail.outbox[0].subject, response.content.decode()):
        assert not re.search(r"\b(ni|er|Ni|Er)\b", text)


def test_every_required_field_says_what_to_do(client):
    data = {"form_token": form_data(client)["form_token"]}
    html = client.post(reverse("visits:request"), data).content.decode()
    assert "Detta fält måste fyllas i" not in html
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert re.findall(r'<a href="#id_(\w+)">', summary) == [
        "organisation_name", "country", "contact_name", "email", "starts_on", "ends_on",
        "delegation_size", "purpose", "has_read_privacy_notice",
    ]
