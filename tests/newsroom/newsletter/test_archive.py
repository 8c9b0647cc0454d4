"""The public archive of sent issues, the sitemap, and the erasure of subscribers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from newsroom.factories import EnglishNewsItemFactory, NewsItemFactory
from newsroom.newsletter import delivery
from newsroom.newsletter.factories import NewsletterIssueFactory, SubscriberFactory
from newsroom.newsletter.models import NewsletterIssue, Subscriber, SuppressedAddress
from portal import personal_data_requests

pytestmark = pytest.mark.django_db

ARCHIVE = "/nyheter/nyhetsbrev/arkiv/"


def sent_issue(language="sv", count=3, **kwargs):
    factory = NewsItemFactory if language == "sv" else EnglishNewsItemFactory
    issue = NewsletterIssueFactory(language=language, news=factory.create_batch(count),
                                   **kwargs)
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.SENT, sent_at=timezone.now()
    )
    issue.refresh_from_db()
    return issue


def test_the_archive_lists_sent_issues_of_its_language_only(client):
    sent = sent_issue(subject="Nyhetsbrev september")
    draft = NewsletterIssueFactory(subject="Utkast till nyhetsbrev")
    english = sent_issue("en", subject="September newsletter")
    html = client.get(ARCHIVE).content.decode()
    assert sent.subject in html
    assert draft.subject not in html
    assert english.subject not in html
    assert english.subject in client.get("/en/news/newsletter/archive/").content.decode()
    assert "csrfmiddlewaretoken" not in html


def test_the_web_version_shows_the_issue_on_the_site_of_its_language(client):
    issue = sent_issue(subject="Nyhetsbrev oktober")
    response = client.get(issue.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    for entry in issue.entries.all():
        assert entry.news_item.get_absolute_url() in html
    assert "avsluta" not in html  # no one's unsubscribe link on a public page
    assert client.get(f"/en/news/newsletter/archive/{issue.pk}/").status_code == 404


def test_drafts_and_issues_being_sent_are_not_public(client, staff_client):
    draft = NewsletterIssueFactory(news=[NewsItemFactory()])
    assert client.get(f"{ARCHIVE}{draft.pk}/").status_code == 404
    preview = f"/nyheter/nyhetsbrev/forhandsvisning/{draft.pk}/"
    assert client.get(preview).status_code == 302  # to the login
    editor = staff_client("Redaktör")
    response = editor.get(preview)
    assert response.status_code == 200
    assert "Förhandsvisning" in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize("page", ["abc", "99999", "-1"])
def test_bad_page_numbers_never_fail(client, page):
    sent_issue()
    assert client.get(f"{ARCHIVE}?page={page}").status_code == 200


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_archive_pages_run_a_constant_number_of_queries(client, django_assert_max_num_queries):
    issues = [sent_issue(count=5) for _ in range(5)]
    small = (queries(client, ARCHIVE), queries(client, issues[0].get_absolute_url()))
    issues += [sent_issue(count=50)] + [sent_issue(count=1) for _ in range(45)]
    large = (queries(client, ARCHIVE), queries(client, issues[-46].get_absolute_url()))
    assert small == large
    with django_assert_max_num_queries(8):
        client.get(ARCHIVE)
    with django_assert_max_num_queries(8):
        client.get(issues[-46].get_absolute_url())


def test_the_sitemap_lists_the_form_the_archive_and_each_sent_issue_in_its_language(client):
    swedish, english = sent_issue(), sent_issue("en")
    draft = NewsletterIssueFactory()
    pages = client.get("/sitemap-newsletter.xml").content.decode()
    assert "/nyheter/nyhetsbrev/prenumerera/" in pages
    assert "/en/news/newsletter/subscribe/" in pages
    assert "/nyheter/nyhetsbrev/arkiv/" in pages
    issues = client.get("/sitemap-newsletter-issues.xml").content.decode()
    assert swedish.get_absolute_url() in issues
    assert english.get_absolute_url() in issues
    assert f"/en/news/newsletter/archive/{swedish.pk}/" not in issues
    assert f"/{draft.pk}/" not in issues


def test_the_demo_archive_has_issues_with_news(client, demo_content):
    for language, archive in (("sv", ARCHIVE), ("en", "/en/news/newsletter/archive/")):
        issue = NewsletterIssue.objects.sent().get(language=language)
        assert issue.entries.count() == 3
        assert issue.subject in client.get(archive).content.decode()
        assert client.get(issue.get_absolute_url()).status_code == 200


# Requests about personal data -----------------------------------------------------------


@pytest.fixture
def swedish():
    with translation.override("sv"):
        yield


def test_a_subscriber_is_found_and_always_erasable_and_stays_suppressed(admin_user, swedish):
    subscriber = SubscriberFactory(email="anna.berg@example.se")
    issue = sent_issue()
    records = [r for r in personal_data_requests.find("ANNA.BERG@example.se")
               if r.kind == "Prenumeration på nyhetsbrevet"]
    assert len(records) == 1
    record = records[0]
    assert record.erasable
    assert record.data["E-post"] == "anna.berg@example.se"
    assert record.as_json()["data"]["Status"] == "bekräftad"

    record.erase(admin_user)

    assert not Subscriber.objects.exists()
    assert SuppressedAddress.covers("Anna.Berg@example.se")
    assert not SuppressedAddress.objects.filter(email_hash__contains="anna").exists()
    # Imported again by mistake, as confirmed: still never mailed.
    SubscriberFactory(email="anna.berg@example.se")
    assert not Subscriber.objects.receiving("sv").exists()
    delivery.create_deliveries(issue)
    assert not issue.deliveries.exists()
    from auditlog.models import LogEntry

    # The trail keeps the events about the erased row, not the address.
    trail = LogEntry.objects.filter(object_pk=str(subscriber.pk),
                                    content_type__model="subscriber")
    assert trail.filter(additional_data__event="purged").exists()
    assert "anna.berg" not in " ".join(trail.values_list("object_repr", flat=True))
    assert "anna.berg" not in " ".join(trail.values_list("changes_text", flat=True))


def test_a_finished_sending_shows_in_the_cached_archive_at_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    SubscriberFactory()
    issue = NewsletterIssueFactory(subject="Nyhetsbrev november", news=[NewsItemFactory()])
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    delivery.send_issue(issue)
    assert issue.subject not in client.get(ARCHIVE).content.decode()  # now cached
    delivery.send_newsletter_batch.call(issue_id=issue.pk)  # the worker finishes it
    assert issue.subject in client.get(ARCHIVE).content.decode()


def test_each_list_has_its_own_archive_in_both_languages(client):
    general = sent_issue(subject="Nyhetsbrev november")
    monitoring = sent_issue(subject="EU-bevakning: nya utlysningar",
                            newsletter_list="eu-monitoring")
    html = client.get(f"{ARCHIVE}eu-bevakning/").content.decode()
    assert monitoring.subject in html and general.subject not in html
    assert 'aria-current="page">EU-bevakning</a>' in html
    assert 'hreflang="en" href="http://testserver/en/news/newsletter/archive/eu-monitoring/"' \
        in html
    english = sent_issue("en", subject="EU monitoring: new calls", newsletter_list="eu-monitoring")
    assert english.subject in client.get(
        "/en/news/newsletter/archive/eu-monitoring/"
    ).content.decode()
    assert client.get(f"{ARCHIVE}okand-lista/").status_code == 404
    everything = client.get(ARCHIVE).content.decode()
    assert monitoring.subject in everything and general.subject in everything
    assert f'href="{ARCHIVE}praktikplatser/"' in everything
    sitemap = client.get("/sitemap-newsletter-lists.xml").content.decode()
    assert f"http://testserver{ARCHIVE}evenemang/" in sitemap
    assert "http://testserver/en/news/newsletter/archive/events/" in sitemap
