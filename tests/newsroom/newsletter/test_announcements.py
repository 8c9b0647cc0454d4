"""A call that opens is announced once, in each language, to those who chose the internship
list, by newsroom's periodic job."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from internships.factories import InternshipCallFactory
from newsroom.newsletter.announcements import announce_opened_internship_calls
from newsroom.newsletter.factories import SubscriberFactory
from newsroom.newsletter.models import NewsletterIssue
from newsroom.periodic import JOBS

pytestmark = pytest.mark.django_db


def opened(hours_ago=2, **kwargs):
    return InternshipCallFactory(opens_at=timezone.now() - timedelta(hours=hours_ago), **kwargs)


def test_an_opened_call_is_mailed_once_to_the_internship_list_in_each_language(client):
    call = opened(title="Praktik i Bryssel våren 2027",
                  title_en="Internship in Brussels, spring 2027", slug="praktik-bryssel-vt-2027")
    SubscriberFactory(email="student@example.se", lists=["internships", "general"])
    SubscriberFactory(email="student@example.com", language="en", lists=["internships"])
    SubscriberFactory(email="bara-nyhetsbrevet@example.se")

    assert announce_opened_internship_calls() == "2 internship call announcements started"
    assert announce_opened_internship_calls() == "0 internship call announcements started"

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"student@example.se", "student@example.com"}
    swedish = by_address["student@example.se"]
    assert swedish.subject == "Ny praktikutlysning: Praktik i Bryssel våren 2027"
    assert "/praktik/praktik-bryssel-vt-2027/" in swedish.body
    html = swedish.alternatives[0][0]
    assert 'href="http://127.0.0.1:8000/praktik/praktik-bryssel-vt-2027/"' in html
    english = by_address["student@example.com"]
    assert english.subject == "New internship call: Internship in Brussels, spring 2027"
    assert "/en/internships/praktik-bryssel-vt-2027/" in english.body

    # Kept in the internship list's archive, like any sent issue.
    archive = client.get("/nyheter/nyhetsbrev/arkiv/praktikplatser/").content.decode()
    assert "Ny praktikutlysning: Praktik i Bryssel våren 2027" in archive
    assert NewsletterIssue.objects.filter(announces=f"internships.call:{call.pk}").count() == 2


def test_old_unpublished_and_coming_calls_are_not_announced():
    SubscriberFactory(lists=["internships"])
    opened(hours_ago=24 * 30)
    opened(is_published=False)
    InternshipCallFactory(opens_at=timezone.now() + timedelta(days=3))
    assert announce_opened_internship_calls() == "0 internship call announcements started"
    assert not mail.outbox


def test_the_announcement_runs_with_the_periodic_jobs():
    assert announce_opened_internship_calls in JOBS
