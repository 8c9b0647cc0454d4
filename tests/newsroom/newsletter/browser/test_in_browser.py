"""The double opt-in, the enumeration case and unsubscribing in a real browser, by
keyboard-reachable controls only."""

import re

import pytest
from django.core import mail

from newsroom.factories import NewsItemFactory
from newsroom.newsletter import subscriptions
from newsroom.newsletter.factories import SubscriberFactory
from newsroom.newsletter.models import Subscriber

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def local(live_server, url):
    return live_server.url + re.sub(r"^https?://[^/]+", "", url)


def consent(page):
    return page.get_by_role("checkbox", name="Jag vill få nyhetsbrevet med e-post")


def subscribe(page, live_server, email):
    page.goto(live_server.url + "/nyheter/")
    page.get_by_role("link", name="Prenumerera på nyhetsbrevet").click()
    page.get_by_role("textbox", name="E-postadress").fill(email)
    consent(page).check()
    page.get_by_role("button", name="Prenumerera").click()


def test_subscribe_confirm_by_button_and_get_the_newsletter(live_server, page):
    NewsItemFactory()
    page.goto(live_server.url + "/nyheter/nyhetsbrev/prenumerera/")
    assert not consent(page).is_checked()

    # A malformed address comes back with the message and what was typed.
    page.get_by_role("textbox", name="E-postadress").fill("anna.svensson@")
    consent(page).check()
    page.get_by_role("button", name="Prenumerera").click()
    assert page.get_by_text("Skriv en e-postadress i formen namn@exempel.se.").first.is_visible()
    assert page.get_by_role("textbox", name="E-postadress").input_value() == "anna.svensson@"
    assert not Subscriber.objects.exists()

    page.get_by_role("textbox", name="E-postadress").fill("anna.svensson@example.se")
    consent(page).check()
    page.get_by_role("button", name="Prenumerera").click()
    page.get_by_role("heading", name="Kolla din e-post").wait_for()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    link = re.search(r"https?://\S+/bekrafta/\S+/", mail.outbox[0].body).group(0)
    page.goto(local(live_server, link))
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # the GET changes nothing
    page.get_by_role("button", name="Ja, jag vill få nyhetsbrevet").click()
    page.get_by_role("heading", name="Prenumerationen är bekräftad").wait_for()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    # The same link again: a clear page that offers to start again.
    page.goto(local(live_server, link))
    page.get_by_role("heading", name="Länken fungerar inte").wait_for()
    page.get_by_role("link", name="Anmäl dig till nyhetsbrevet igen").click()
    page.get_by_role("heading", name="Prenumerera på nyhetsbrevet").wait_for()


def test_an_already_confirmed_address_sees_the_same_page_and_gets_a_notice(live_server, page):
    NewsItemFactory()
    SubscriberFactory(email="anna.svensson@example.se")
    subscribe(page, live_server, "okand@example.se")
    page.get_by_role("heading", name="Kolla din e-post").wait_for()
    # The page repeats the address typed, and otherwise says the same whoever it belongs to.
    unknown_text = page.locator("main").inner_text().replace("okand@example.se", "ADDRESS")

    subscribe(page, live_server, "anna.svensson@example.se")
    page.get_by_role("heading", name="Kolla din e-post").wait_for()
    known_text = page.locator("main").inner_text()
    assert known_text.replace("anna.svensson@example.se", "ADDRESS") == unknown_text
    assert [message.to for message in mail.outbox] == [
        ["okand@example.se"], ["anna.svensson@example.se"]
    ]
    assert "bekrafta" not in mail.outbox[1].body


def test_unsubscribe_by_the_button_and_by_one_click_post(live_server, page):
    by_button = SubscriberFactory(email="anna@example.se")
    one_click = SubscriberFactory(email="olle@example.se")

    page.goto(local(live_server, subscriptions.unsubscribe_url(by_button)))
    by_button.refresh_from_db()
    assert by_button.status == Subscriber.Status.CONFIRMED
    page.get_by_role("button", name="Avsluta prenumerationen").click()
    page.get_by_role("heading", name="Prenumerationen är avslutad").wait_for()
    by_button.refresh_from_db()
    assert by_button.status == Subscriber.Status.UNSUBSCRIBED

    # What a mail program does with List-Unsubscribe-Post: no cookie, no CSRF token.
    response = page.request.post(
        local(live_server, subscriptions.unsubscribe_url(one_click)),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        data="List-Unsubscribe=One-Click",
        max_redirects=0,
    )
    assert response.status == 200
    one_click.refresh_from_db()
    assert one_click.status == Subscriber.Status.UNSUBSCRIBED
