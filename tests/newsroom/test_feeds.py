"""RSS 2.0 and Atom feeds: valid, absolute links from SITE_URL, per language and topic."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from newsroom.factories import EnglishNewsItemFactory, NewsItemFactory
from relations.factories import TopicFactory

pytestmark = pytest.mark.django_db

SITE = "https://externa.example.se"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize(
    ("path", "content_type", "version"),
    [
        ("/nyheter/flode/rss/", "application/rss+xml", "rss20"),
        ("/nyheter/flode/atom/", "application/atom+xml", "atom10"),
    ],
)
def test_feeds_parse_cleanly_with_absolute_links(client, path, content_type, version):
    topic = TopicFactory(name="Transport och infrastruktur")
    item = NewsItemFactory(title="Korridoren Oslo–Göteborg", lead="Järnvägen & <hamnen>.",
                           author_name="Brysselkontoret", topics=[topic])
    response, feed = parse(client, path)
    assert response["Content-Type"].startswith(content_type)
    assert feed.version == version
    assert feed.feed.link == f"{SITE}/nyheter/"
    (entry,) = feed.entries
    assert entry.title == "Korridoren Oslo–Göteborg"
    assert entry.link == f"{SITE}{item.get_absolute_url()}"
    # The summary is HTML; the plain-text lead arrives escaped, so readers show it as written.
    assert entry.summary == "Järnvägen &amp; &lt;hamnen&gt;."
    assert entry.author == "Brysselkontoret"
    assert [tag.term for tag in entry.tags] == ["Transport och infrastruktur"]
    assert entry.published_parsed is not None


def test_feed_follows_the_language_of_its_address(client):
    NewsItemFactory(title="Svensk nyhet")
    EnglishNewsItemFactory(title="English item")
    _response, sv = parse(client, "/nyheter/flode/rss/")
    _response, en = parse(client, "/en/news/feed/rss/")
    assert [entry.title for entry in sv.entries] == ["Svensk nyhet"]
    assert [entry.title for entry in en.entries] == ["English item"]
    assert sv.feed.language == "sv" and en.feed.language == "en"


def test_topic_feeds_list_only_that_topic(client):
    topic = TopicFactory()
    NewsItemFactory(title="Om frågan", topics=[topic])
    NewsItemFactory(title="Om annat")
    for path in (f"/nyheter/amne/{topic.slug}/rss/", f"/nyheter/amne/{topic.slug}/atom/"):
        _response, feed = parse(client, path)
        assert [entry.title for entry in feed.entries] == ["Om frågan"]
        assert feed.feed.link == f"{SITE}/nyheter/amne/{topic.slug}/"


def test_feed_holds_the_latest_twenty_newest_first(client):
    now = timezone.now()
    for days in range(25):
        NewsItemFactory(title=f"Nyhet {days}", publish_at=now - datetime.timedelta(days=days + 1))
    _response, feed = parse(client, "/nyheter/flode/atom/")
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Nyhet 0"


def test_news_pages_announce_their_feeds(client):
    topic = TopicFactory()
    item = NewsItemFactory(topics=[topic])
    for path in ("/nyheter/", item.get_absolute_url(), f"/nyheter/amne/{topic.slug}/"):
        html = client.get(path).content.decode()
        head = html.split("</head>")[0]
        assert '<link rel="alternate" type="application/rss+xml"' in head
        assert '<link rel="alternate" type="application/atom+xml"' in head
    topic_head = client.get(f"/nyheter/amne/{topic.slug}/").content.decode().split("</head>")[0]
    assert f'href="/nyheter/amne/{topic.slug}/rss/"' in topic_head
