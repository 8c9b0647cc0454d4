"""The double opt-in, unsubscribing and the enumeration case, through the test client."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from newsroom.newsletter import subscriptions
from newsroom.newsletter.factories import PendingSubscriberFactory, SubscriberFactory
from newsroom.newsletter.models import Subscriber, SuppressedAddress

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/nyheter/nyhetsbrev/prenumerera/"


def fresh_form(client, url=SUBSCRIBE, **data):
    html = client.get(url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    return {"email": "anna.svensson@example.se", "newsletter_lists": ["general"], "consent": "on",
            "form_token": token, **data}


def link_in(message, kind):
    return re.search(rf"https?://\S+/{kind}/\S+/", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_the_subscribe_page_is_linked_from_the_news_list_and_home_which_carry_no_csrf_token(
    client,
):
    from newsroom.factories import NewsItemFactory

    NewsItemFactory()
    for page in ("/nyheter/", "/"):
        html = client.get(page).content.decode()
        assert f'href="{SUBSCRIBE}"' in html
        assert "csrfmiddlewaretoken" not in html


def test_the_consent_box_is_not_ticked_and_the_page_names_what_is_kept(client):
    html = client.get(SUBSCRIBE).content.decode()
    box = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert "checked" not in box
    assert "raderas" in html


def test_subscribing_mails_a_link_and_receives_nothing_before_confirming(client):
    response = client.post(SUBSCRIBE, fresh_form(client))
    assert response.status_code == 302
    assert response["Location"] == reverse("newsroom:newsletter-thanks")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "sv"
    assert subscriber.consent_version == subscriptions.CONSENT_VERSION
    assert "nyhetsbrevet" in subscriber.consent_text
    assert subscriber.source == "newsroom:subscribe"
    assert [message.to for message in mail.outbox] == [["anna.svensson@example.se"]]
    assert "/nyheter/nyhetsbrev/bekrafta/" in mail.outbox[0].body
    assert not Subscriber.objects.receiving("sv").exists()


def test_the_confirm_link_shows_a_button_and_only_the_post_confirms(client):
    client.post(SUBSCRIBE, fresh_form(client))
    confirm = path_of(link_in(mail.outbox[0], "bekrafta"))

    page = client.get(confirm)
    assert page.status_code == 200
    assert "Ja, jag vill få nyhetsbrevet" in page.content.decode()
    client.get(confirm)  # a mail scanner following the link twice
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    done = client.post(confirm)
    assert done.status_code == 200
    assert "Prenumerationen är bekräftad" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert list(Subscriber.objects.receiving("sv")) == [subscriber]


def test_a_used_link_says_so_and_offers_to_start_again(client):
    client.post(SUBSCRIBE, fresh_form(client))
    confirm = path_of(link_in(mail.outbox[0], "bekrafta"))
    client.post(confirm)
    again = client.post(confirm)
    html = again.content.decode()
    assert again.status_code == 410
    assert "Länken har redan använts" in html
    assert f'href="{SUBSCRIBE}"' in html


def test_an_expired_link_says_so_and_changes_nothing(client, settings):
    client.post(SUBSCRIBE, fresh_form(client))
    confirm = path_of(link_in(mail.outbox[0], "bekrafta"))
    later = timezone.now() + timedelta(days=8)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: later.timestamp())
        response = client.post(confirm)
    assert response.status_code == 410
    assert "Länken har gått ut" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_tampered_link_gets_a_clear_page(client):
    client.post(SUBSCRIBE, fresh_form(client))
    confirm = path_of(link_in(mail.outbox[0], "bekrafta"))
    tampered = confirm.replace("/bekrafta/", "/bekrafta/x")
    for response in (client.get(tampered), client.post(tampered)):
        assert response.status_code == 400
        assert "Länken är inte giltig" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_link_to_another_row_is_refused():
    first = PendingSubscriberFactory()
    token = subscriptions.confirm_token(first)
    first.delete()
    SubscriberFactory(pk=first.pk, email="someone.else@example.se",
                      status=Subscriber.Status.PENDING)
    assert subscriptions.subscriber_to_confirm(token) == (None, subscriptions.LinkProblem.EXPIRED)


def test_an_already_confirmed_address_reveals_nothing_and_the_owner_gets_a_notice(client):
    SubscriberFactory(email="Anna.Svensson@example.se")
    fresh = client.post(SUBSCRIBE, fresh_form(client, email="nobody@example.se"))
    known = client.post(SUBSCRIBE, fresh_form(client, email="anna.svensson@EXAMPLE.se"))
    assert fresh.status_code == known.status_code == 302
    assert fresh["Location"] == known["Location"]
    assert client.get(fresh["Location"]).content == client.get(known["Location"]).content

    notice = mail.outbox[1]
    assert notice.to == ["Anna.Svensson@example.se"]
    assert "redan" in notice.subject
    assert "/nyheter/nyhetsbrev/avsluta/" in notice.body
    assert "bekrafta" not in notice.body
    assert Subscriber.objects.count() == 2
    assert Subscriber.objects.get(email="Anna.Svensson@example.se").status == "confirmed"


def test_subscribing_again_while_pending_sends_a_new_link_and_keeps_one_row(client):
    client.post(SUBSCRIBE, fresh_form(client))
    client.post(SUBSCRIBE, fresh_form(client, email="ANNA.svensson@example.se"))
    assert Subscriber.objects.count() == 1
    assert len(mail.outbox) == 2


def test_the_english_form_subscribes_in_english(client):
    client.post("/en/news/newsletter/subscribe/",
                fresh_form(client, "/en/news/newsletter/subscribe/"))
    assert Subscriber.objects.get().language == "en"
    assert "/en/news/newsletter/confirm/" in mail.outbox[0].body
    assert mail.outbox[0].subject == "Confirm that you want the newsletter"


@pytest.mark.parametrize("typed", ["anna.svensson@", "inte en adress", "a@b"])
def test_a_malformed_address_keeps_what_was_typed_and_says_what_is_wrong(client, typed):
    response = client.post(SUBSCRIBE, fresh_form(client, email=typed))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{typed}"' in html
    assert "Skriv en e-postadress i formen namn@exempel.se." in html
    assert 'aria-invalid="true"' in html
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_without_the_consent_box_nothing_is_stored(client):
    data = fresh_form(client)
    del data["consent"]
    html = client.post(SUBSCRIBE, data).content.decode()
    assert "Kryssa i rutan" in html
    assert 'value="anna.svensson@example.se"' in html
    assert not Subscriber.objects.exists()


def test_a_filled_honeypot_subscribes_nobody(client):
    response = client.post(SUBSCRIBE, fresh_form(client, website="http://spam.example"))
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_the_newsletter_rate_limit_applies_per_address(client, settings):
    settings.FORM_RATE_LIMITS = {
        "default": {"address": (100, 60), "email": (100, 60)},
        "newsletter": {"address": (100, 60), "email": (1, 60)},
    }
    assert client.post(SUBSCRIBE, fresh_form(client)).status_code == 302
    assert client.post(SUBSCRIBE, fresh_form(client)).status_code == 429
    assert len(mail.outbox) == 1


# Unsubscribing ----------------------------------------------------------------------------


def unsubscribe_path(subscriber):
    return path_of(subscriptions.unsubscribe_url(subscriber))


def test_the_unsubscribe_link_shows_a_button_and_a_get_changes_nothing(client):
    subscriber = SubscriberFactory()
    response = client.get(unsubscribe_path(subscriber))
    assert response.status_code == 200
    assert "Avsluta prenumerationen" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_one_click_post_unsubscribes_at_once_without_cookie_or_csrf(client):
    from django.test import Client

    subscriber = SubscriberFactory()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        unsubscribe_path(subscriber),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Location" not in response
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert SuppressedAddress.covers(subscriber.email)
    # Repeating it is harmless.
    assert strict.post(unsubscribe_path(subscriber)).status_code == 200


def test_a_tampered_unsubscribe_link_gets_a_clear_page(client):
    subscriber = SubscriberFactory()
    response = client.post(unsubscribe_path(subscriber)[:-3] + "xx/")
    assert response.status_code == 400
    assert "Länken är inte giltig" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_an_unsubscribed_address_that_subscribes_again_gets_nothing_until_it_confirms(client):
    subscriber = SubscriberFactory(email="anna.svensson@example.se")
    subscriptions.unsubscribe(subscriber)
    client.post(SUBSCRIBE, fresh_form(client))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert not Subscriber.objects.receiving("sv").exists()
    # A confirmed opt-in is the only way back.
    client.post(path_of(link_in(mail.outbox[-1], "bekrafta")))
    assert list(Subscriber.objects.receiving("sv")) == [subscriber]
    assert not SuppressedAddress.covers(subscriber.email)


def test_an_unsubscribed_address_imported_as_confirmed_is_still_never_mailed():
    subscriber = SubscriberFactory(email="anna.svensson@example.se")
    subscriptions.unsubscribe(subscriber)
    Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.CONFIRMED)
    assert not Subscriber.objects.receiving("sv").exists()


def test_unconfirmed_subscriptions_are_deleted_after_30_days():
    old = PendingSubscriberFactory(subscribed_at=timezone.now() - timedelta(days=31))
    recent = PendingSubscriberFactory(subscribed_at=timezone.now() - timedelta(days=29))
    confirmed = SubscriberFactory(subscribed_at=timezone.now() - timedelta(days=400))
    from newsroom.periodic import JOBS

    assert subscriptions.purge_unconfirmed in JOBS
    assert subscriptions.purge_unconfirmed() == "1 unconfirmed newsletter subscriptions removed"
    assert set(Subscriber.objects.all()) == {recent, confirmed}
    assert not Subscriber.objects.filter(pk=old.pk).exists()


def test_email_is_unique_without_regard_to_case():
    from django.db import IntegrityError

    SubscriberFactory(email="Anna@Example.se")
    with pytest.raises(IntegrityError):
        SubscriberFactory(email="anna@example.SE")


def test_the_thank_you_page_repeats_the_address_in_a_confirmation_panel(client):
    response = client.post(SUBSCRIBE, fresh_form(client), follow=True)
    html = response.content.decode()
    assert '<div class="confirmation-panel" role="status">' in html
    assert "Vi har skickat ett mejl till anna.svensson@example.se." in html
    assert "Cache-Control" in response.headers and "no-cache" in response["Cache-Control"]


def test_confirming_sends_a_welcome_mail_with_the_unsubscribe_link(client):
    client.post(SUBSCRIBE, fresh_form(client))
    confirm = path_of(link_in(mail.outbox[-1], "bekrafta"))
    html = client.post(confirm).content.decode()
    assert '<div class="confirmation-panel" role="status">' in html
    welcome = mail.outbox[-1]
    assert welcome.subject == "Välkommen som prenumerant på nyhetsbrevet"
    unsubscribe = path_of(link_in(welcome, "avsluta"))
    client.post(unsubscribe)
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_a_subscriber_chooses_lists_at_sign_up_and_must_choose_one(client):
    html = client.get(SUBSCRIBE).content.decode()
    general = re.search(r'<input type="checkbox" name="newsletter_lists" value="general"[^>]*>',
                        html).group(0)
    assert "checked" in general  # the general newsletter is the usual choice
    assert "EU-bevakning" in html and "Praktikplatser" in html

    refused = client.post(SUBSCRIBE, fresh_form(client, newsletter_lists=[]))
    assert "Välj minst en lista." in refused.content.decode()
    assert 'value="anna.svensson@example.se"' in refused.content.decode()
    assert not Subscriber.objects.exists()

    client.post(SUBSCRIBE, fresh_form(client, newsletter_lists=["eu-monitoring", "events"]))
    assert sorted(Subscriber.objects.get().newsletter_lists) == ["eu-monitoring", "events"]


def preferences_page(subscriber):
    return subscriptions.preferences_url(subscriber).replace("http://127.0.0.1:8000", "")


def test_the_preferences_link_changes_the_lists_and_refuses_none(client):
    subscriber = SubscriberFactory(email="anna@example.se")
    url = preferences_page(subscriber)
    html = client.get(url).content.decode()
    assert "anna@example.se" in html and 'name="robots" content="noindex"' in html
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)

    refused = client.post(url, {"form_token": token})
    assert "Välj minst en lista." in refused.content.decode()
    assert "<title>Fel: Dina val för nyhetsbrevet –" in refused.content.decode()
    assert subscriber.newsletter_lists == ["general"]

    saved = client.post(url, {"form_token": token, "newsletter_lists": ["internships"]},
                        follow=True)
    assert "Dina val är sparade." in saved.content.decode()
    assert subscriber.newsletter_lists == ["internships"]


def test_a_forged_preferences_link_explains_itself_and_changes_nothing(client):
    subscriber = SubscriberFactory()
    forged = preferences_page(subscriber)[:-4] + "xyz/"
    response = client.get(forged)
    assert response.status_code == 400
    assert "Länken till dina val är inte giltig." in response.content.decode()
    assert client.post(forged, {"newsletter_lists": ["events"]}).status_code == 400
    assert subscriber.newsletter_lists == ["general"]


def test_an_expired_preferences_link_asks_for_a_newer_mail(client):
    url = preferences_page(SubscriberFactory())
    later = timezone.now() + subscriptions.PREFERENCES_MAX_AGE + timedelta(days=1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = client.get(url)
    assert response.status_code == 410
    assert "Länken till dina val har gått ut." in response.content.decode()


def test_every_mail_links_to_the_preferences(client):
    client.post(SUBSCRIBE, fresh_form(client))
    subscriber = Subscriber.objects.get()
    subscriptions.confirm(subscriber)
    welcome = mail.outbox[-1]
    assert "/nyheter/nyhetsbrev/installningar/" in welcome.body
    assert "Du har valt: Nyhetsbrevet" in welcome.body
    client.post(SUBSCRIBE, fresh_form(client))
    notice = mail.outbox[-1]
    assert "/nyheter/nyhetsbrev/installningar/" in notice.body
