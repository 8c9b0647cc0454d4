"""seed_scale: generated data at a tiny scale, on PostgreSQL, and the pages answer."""

import ast
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from events.models import Registration
from internships.models import Application, CallStatistic, InternshipCall
from newsroom.models import NewsItem
from newsroom.newsletter.models import ListSubscription, Subscriber
from portal.scale import SCALES
from portal.search import Search
from relations.models import Organisation
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_seed_scale_refuses_anything_but_postgresql(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("seed_scale", "--scale", "tiny")


def test_tiny_scale_fills_every_kind_and_the_pages_answer(require_postgres, client):
    before = {
        model: model.objects.count() for model in (NewsItem, Visit, Application, Organisation)
    }
    output = StringIO()
    call_command("seed_scale", "--scale", "tiny", "--force", stdout=output)
    tiny = SCALES["tiny"]
    # The last line, which make bench reports, counts what each app made.
    summary = output.getvalue().splitlines()[-1]
    assert summary.startswith("Seeded in ")
    assert ast.literal_eval(summary.split(": ", 1)[1]) == vars(tiny)
    assert NewsItem.objects.count() - before[NewsItem] >= tiny.news
    assert NewsItem.objects.filter(slug__startswith="skala-").count() == tiny.news
    assert Visit.objects.filter(slug__startswith="skala-besok-").count() == tiny.visits
    assert Application.objects.filter(reference__startswith="PRK-S-").count() == tiny.applications
    assert Organisation.objects.filter(slug__startswith="skala-").count() == tiny.organisations
    assert Subscriber.objects.filter(email__startswith="prenumerant").count() == tiny.subscribers
    # On a list, so that an issue reaches them (make bench sends one).
    on_general_list = ListSubscription.objects.filter(
        newsletter_list="general", subscriber__email__startswith="prenumerant"
    )
    assert on_general_list.count() == tiny.subscribers
    scaled = Registration.objects.filter(reference__startswith="EV-SKALA-")
    assert scaled.count() == tiny.registrations
    # The call statistics match the applications, as Application.save() would keep them.
    total = sum(CallStatistic.objects.filter(dimension="total").values_list("count", flat=True))
    assert total == Application.objects.count()

    # The GIN indexes were rebuilt: search finds a generated item by a word of its lead.
    item = NewsItem.objects.published().filter(slug__startswith="skala-", language="sv").first()
    word = item.lead.split(":")[0]
    assert item in Search(word, "sv").ranked_alone(NewsItem.objects.published())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'newsroom_newsitem_search_%'"
        )
        assert cursor.fetchone()[0] == 3

    call = InternshipCall.objects.open().filter(slug__startswith="skala-").first()
    for url in [
        reverse("home"),
        reverse("newsroom:list"),
        reverse("newsroom:list") + "?page=3",
        reverse("newsroom:list") + "?q=" + word,
        item.get_absolute_url(),
        reverse("newsroom:feed-rss"),
        reverse("internships:list"),
        call.get_absolute_url(),
        call.get_apply_url(),
        reverse("visits:list"),
        reverse("visits:calendar"),
        reverse("events:list"),
        reverse("events:calendar"),
        reverse("relations:organisation-list"),
        reverse("sitemap"),
        reverse("sitemap-section", kwargs={"section": "news-items"}),
    ]:
        assert client.get(url).status_code == 200, url


def test_seed_scale_refuses_a_database_with_content(require_postgres):
    Organisation.objects.create(kind="region", name="Skåne", slug="skane-test")
    with pytest.raises(CommandError, match="already has content"):
        call_command("seed_scale", "--scale", "tiny")
