"""The newsletter admin for editors: subscribers, CSV export, issues, sending, progress."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from newsroom.factories import DraftFactory, NewsItemFactory
from newsroom.newsletter import delivery
from newsroom.newsletter.factories import (
    NewsletterIssueFactory,
    PendingSubscriberFactory,
    SubscriberFactory,
)
from newsroom.newsletter.models import Delivery, NewsletterIssue, Subscriber, SuppressedAddress
from newsroom.roles import EDITORS
from portal import audit
from portal.exports import spreadsheet_text
from tests.portal.spreadsheets import HOSTILE, formula_fields, read

pytestmark = pytest.mark.django_db

SUBSCRIBERS = "/admin/newsroom/subscriber/"
ISSUES = "/admin/newsroom/newsletterissue/"


@pytest.fixture
def editor(staff_client):
    return staff_client(EDITORS)


def test_editors_manage_subscribers_and_issues():
    codenames = set(Group.objects.get(name=EDITORS).permissions.values_list("codename",
                                                                             flat=True))
    assert {"view_subscriber", "change_subscriber", "delete_subscriber",
            "change_newsletterissue", "view_delivery"} <= codenames


def test_the_subscriber_list_searches_and_filters(editor):
    SubscriberFactory(email="anna.berg@example.se")
    PendingSubscriberFactory(email="olle@example.se")
    html = editor.get(SUBSCRIBERS + "?q=anna").content.decode()
    assert "anna.berg@example.se" in html
    assert "olle@example.se" not in html
    html = editor.get(SUBSCRIBERS + "?status__exact=pending").content.decode()
    assert "olle@example.se" in html
    assert "anna.berg@example.se" not in html
    assert editor.get(SUBSCRIBERS + "?status__exact=nonsense").status_code in (200, 302)


def count(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_admin_lists_run_a_constant_number_of_queries(editor):
    SubscriberFactory.create_batch(5)
    issues = NewsletterIssueFactory.create_batch(5, news=[NewsItemFactory()])
    for issue in issues:
        delivery.create_deliveries(issue)
    small = [count(editor, SUBSCRIBERS), count(editor, ISSUES),
             count(editor, "/admin/newsroom/delivery/")]
    SubscriberFactory.create_batch(45)
    issues += NewsletterIssueFactory.create_batch(45, news=[NewsItemFactory()])
    for issue in issues:
        delivery.create_deliveries(issue)
    large = [count(editor, SUBSCRIBERS), count(editor, ISSUES),
             count(editor, "/admin/newsroom/delivery/")]
    assert small == large


def test_nobody_is_added_by_hand(editor):
    assert editor.get(SUBSCRIBERS + "add/").status_code == 403


def test_the_csv_export_is_recorded_in_the_audit_trail(editor):
    first = SubscriberFactory(email="anna.berg@example.se")
    second = SubscriberFactory(email="=cmd@example.se")
    response = editor.post(SUBSCRIBERS, {
        "action": "export_csv", "index": 0, "_selected_action": [first.pk, second.pk],
    })
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    rows = read(response)
    assert rows[0][:3] == ["email", "status", "language"]
    assert rows[1][:3] == ["'=cmd@example.se", "confirmed", "sv"]
    assert rows[2][:3] == ["anna.berg@example.se", "confirmed", "sv"]
    for subscriber in (first, second):
        assert audit.events(subscriber, "exported").get().actor == editor.user


def test_the_csv_export_holds_no_formula_whatever_was_typed(editor):
    subscriber = SubscriberFactory(email=HOSTILE, consent_version=HOSTILE, source=HOSTILE)
    response = editor.post(SUBSCRIBERS, {
        "action": "export_csv", "index": 0, "_selected_action": [subscriber.pk],
    })
    assert read(response)[1].count(spreadsheet_text(HOSTILE)) == 3
    assert formula_fields(response) == []


def test_deleting_a_subscriber_erases_and_suppresses_the_address(editor):
    subscriber = SubscriberFactory(email="anna.berg@example.se")
    response = editor.post(f"{SUBSCRIBERS}{subscriber.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert SuppressedAddress.covers("anna.berg@example.se")


def test_editors_cannot_confirm_or_readdress_anyone_only_unsubscribe(editor):
    subscriber = PendingSubscriberFactory(email="anna.berg@example.se")
    response = editor.post(f"{SUBSCRIBERS}{subscriber.pk}/change/", {
        "email": "other@example.se", "language": "en", "status": "confirmed",
    })
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert (subscriber.email, subscriber.status, subscriber.language) == (
        "anna.berg@example.se", "pending", "en"
    )
    editor.post(SUBSCRIBERS, {"action": "unsubscribe_selected", "index": 0,
                              "_selected_action": [subscriber.pk]})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert SuppressedAddress.covers("anna.berg@example.se")


def test_a_scheduled_issue_is_sent_by_the_periodic_job_when_its_time_comes(editor):
    from newsroom.periodic import JOBS

    SubscriberFactory.create_batch(2)
    later = timezone.now() + timedelta(hours=2)
    issue = NewsletterIssueFactory(news=[NewsItemFactory()], scheduled_at=later)
    unplanned = NewsletterIssueFactory(news=[NewsItemFactory()])
    editor.post(ISSUES, {"action": "schedule_selected", "index": 0,
                         "_selected_action": [issue.pk, unplanned.pk]})
    issue.refresh_from_db()
    unplanned.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SCHEDULED
    assert unplanned.status == NewsletterIssue.Status.DRAFT

    assert delivery.send_scheduled_issues in JOBS
    assert delivery.send_scheduled_issues().startswith("0 scheduled")
    assert not mail.outbox
    delivery.send_scheduled_issues(now=later)
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert len(mail.outbox) == 2


def send(client, issue, confirmed=False):
    data = {"action": "send_selected", "index": 0, "_selected_action": [issue.pk]}
    if confirmed:
        data["confirmed"] = "yes"
    return client.post(ISSUES, data, follow=confirmed)


def test_the_send_action_asks_first_then_sends_in_the_background(editor):
    SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory(news=[NewsItemFactory()])

    asking = send(editor, issue)
    assert asking.status_code == 200
    html = asking.content.decode()
    assert "skickas till 3 bekräftade prenumeranter" in html
    assert 'name="confirmed" value="yes"' in html
    assert not mail.outbox
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.DRAFT

    done = send(editor, issue, confirmed=True)
    assert "skickas nu i bakgrunden" in done.content.decode()
    assert len(mail.outbox) == 3
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert audit.events(issue, "sent").filter(actor=editor.user).exists()

    listing = editor.get(ISSUES).content.decode()
    assert "3 skickade, 0 studsade, 0 misslyckade, 0 väntar, 0 osäkra" in listing
    page = editor.get(f"{ISSUES}{issue.pk}/change/").content.decode()
    assert "?issue__id__exact=" in page  # progress links to the deliveries


@pytest.mark.parametrize("kind", ["empty", "sent"])
def test_sending_an_empty_or_sent_issue_is_refused_with_a_message(editor, kind):
    SubscriberFactory()
    issue = NewsletterIssueFactory(news=[] if kind == "empty" else [NewsItemFactory()])
    if kind == "sent":
        NewsletterIssue.objects.filter(pk=issue.pk).update(status="sent")
    asking = send(editor, issue).content.decode()
    assert "har inga nyheter" in asking if kind == "empty" else "redan skickat" in asking
    response = send(editor, issue, confirmed=True)
    messages = [str(message) for message in response.context["messages"]]
    assert any("har inga nyheter" in m or "redan skickat" in m for m in messages)
    assert not mail.outbox
    assert not Delivery.objects.exists()


def test_a_test_mail_goes_to_the_editors_own_address_only(editor):
    SubscriberFactory.create_batch(2)
    issue = NewsletterIssueFactory(subject="Nyhetsbrev mars", news=[NewsItemFactory()])
    editor.post(ISSUES, {"action": "send_test", "index": 0, "_selected_action": [issue.pk]})
    assert [message.to for message in mail.outbox] == [["staff@example.se"]]
    assert mail.outbox[0].subject == "[Test] Nyhetsbrev mars"
    assert mail.outbox[0].alternatives
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.DRAFT
    assert not Delivery.objects.exists()


def test_the_issue_form_has_ordered_items_and_a_preview(editor):
    first, second = NewsItemFactory(title="Första"), NewsItemFactory(title="Andra")
    response = editor.post(f"{ISSUES}add/", {
        "subject": "Nyhetsbrev april", "newsletter_list": "general", "language": "sv",
        "intro": "Hej!",
        "entries-TOTAL_FORMS": 2, "entries-INITIAL_FORMS": 0,
        "entries-0-news_item": second.pk, "entries-0-position": 2,
        "entries-1-news_item": first.pk, "entries-1-position": 1,
    })
    assert response.status_code == 302
    issue = NewsletterIssue.objects.get()
    assert [entry.news_item for entry in issue.entries.all()] == [first, second]
    preview = editor.get(f"/nyheter/nyhetsbrev/forhandsvisning/{issue.pk}/").content.decode()
    assert preview.index("Första") < preview.index("Andra")
    assert f"/nyheter/nyhetsbrev/forhandsvisning/{issue.pk}/" in editor.get(ISSUES).content.decode()


def test_a_sent_issue_can_no_longer_be_edited(editor):
    issue = NewsletterIssueFactory(news=[NewsItemFactory()])
    NewsletterIssue.objects.filter(pk=issue.pk).update(status="sent")
    html = editor.get(f"{ISSUES}{issue.pk}/change/").content.decode()
    assert 'name="subject"' not in html


def test_the_issue_news_picker_offers_only_published_news(editor):
    published = NewsItemFactory(title="Publicerad nyhet")
    DraftFactory(title="Utkast")
    NewsItemFactory(title="Schemalagd", publish_at=timezone.now() + timedelta(days=2))
    picker = f"{ISSUES}nyheter/"
    assert f'data-ajax--url="{picker}"' in editor.get(f"{ISSUES}add/").content.decode()
    found = editor.get(picker, {"app_label": "newsroom", "model_name": "issueitem",
                                "field_name": "news_item", "term": ""}).json()
    assert [result["id"] for result in found["results"]] == [str(published.pk)]


def test_an_issue_with_scheduled_news_warns_and_cannot_be_sent_yet(editor):
    SubscriberFactory()
    coming = timezone.now() + timedelta(days=2)
    scheduled = NewsItemFactory(title="Kommer snart", publish_at=coming)
    issue = NewsletterIssueFactory(news=[NewsItemFactory(), scheduled])
    when = formats.date_format(timezone.localtime(coming), "j F Y H:i")

    saved = editor.post(f"{ISSUES}{issue.pk}/change/", {
        "subject": issue.subject, "newsletter_list": issue.newsletter_list, "language": "sv",
        "intro": issue.intro, "entries-TOTAL_FORMS": 0, "entries-INITIAL_FORMS": 0,
    }, follow=True)
    warning = f"”Kommer snart” (publiceras {when})"
    assert any(warning in str(message) for message in saved.context["messages"])

    html = send(editor, issue).content.decode()
    assert f"innehåller nyheter som inte är publicerade än: {warning}." in html
    assert "Ja, skicka" not in html
    send(editor, issue, confirmed=True)
    assert not mail.outbox


def test_test_send_and_send_are_buttons_on_the_issues_own_page(editor):
    SubscriberFactory.create_batch(2)
    issue = NewsletterIssueFactory(subject="Nyhetsbrev maj", news=[NewsItemFactory()])
    page = f"{ISSUES}{issue.pk}/change/"
    html = editor.get(page).content.decode()
    assert f'action="{ISSUES}{issue.pk}/testmejl/"' in html
    assert f'href="{ISSUES}{issue.pk}/skicka/"' in html

    tested = editor.post(f"{ISSUES}{issue.pk}/testmejl/")
    assert tested.url == page
    assert [message.to for message in mail.outbox] == [["staff@example.se"]]

    asking = editor.get(f"{ISSUES}{issue.pk}/skicka/").content.decode()
    assert "skickas till 2 bekräftade prenumeranter" in asking
    assert f'href="{page}"' in asking  # going back returns to the issue
    sent = editor.post(f"{ISSUES}{issue.pk}/skicka/", {"confirmed": "yes"}, follow=True)
    assert sent.redirect_chain[-1][0] == page
    assert len(mail.outbox) == 3
    assert "2 skickade, 0 misslyckade" not in sent.content.decode()  # the table, not the summary
    assert "?issue__id__exact=" in sent.content.decode()
    assert f'href="{ISSUES}{issue.pk}/skicka/"' not in sent.content.decode()  # sent once
