"""Every public news page runs the same number of queries with 5 items as with 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.factories import EnglishNewsItemFactory, NewsItemFactory
from relations.factories import OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db

BUDGET = 12


def make_news(count):
    topics = TopicFactory.create_batch(3)
    organisation = OrganisationFactory()
    items = []
    for number in range(count):
        item = NewsItemFactory(title=f"Praktikant nummer {number}", topics=topics)
        item.related_organisations.set([organisation])
        items.append(item)
    EnglishNewsItemFactory(translation=items[0], topics=topics)
    return items, topics


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def paths(items, topics):
    year = timezone.localtime(items[0].publish_at).year
    return {
        "list": "/nyheter/",
        "list page 2": "/nyheter/?page=2",
        "search": "/nyheter/?q=praktikant",
        "filtered": f"/nyheter/?topic={topics[0].slug}&year={year}",
        "detail": items[0].get_absolute_url(),
        "topic": f"/nyheter/amne/{topics[0].slug}/",
        "year": f"/nyheter/arkiv/{year}/",
        "rss": "/nyheter/flode/rss/",
        "atom": "/nyheter/flode/atom/",
        "topic feed": f"/nyheter/amne/{topics[0].slug}/rss/",
        "home": "/",
        "sitemap": "/sitemap-news-items.xml",
        "list pages sitemap": "/sitemap-news.xml",
    }


@pytest.mark.parametrize(
    "page",
    ["list", "list page 2", "search", "filtered", "detail", "topic", "year", "rss", "atom",
     "topic feed", "home", "sitemap", "list pages sitemap"],
)
def test_query_count_does_not_grow_with_the_number_of_items(client, page):
    items, topics = make_news(5)
    few = count_queries(client, paths(items, topics)[page])

    more, _topics = make_news(45)
    many = count_queries(client, paths(items, topics)[page])

    assert few == many
    # The home page counts the other apps' sections too; the news pages stay small.
    assert page == "home" or few <= BUDGET, f"{page}: {few} queries"


def test_admin_list_query_count_does_not_grow(staff_client):
    editor = staff_client("Redaktör")
    make_news(5)
    few = count_queries(editor, "/admin/newsroom/newsitem/")
    make_news(45)
    assert count_queries(editor, "/admin/newsroom/newsitem/") == few


def test_the_topic_links_are_indexed_by_topic_then_news_item():
    # topics_with_news_in stops at a topic's first published item only from such an index.
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "newsroom_newsitem_topics")
    assert ["topic_id", "newsitem_id"] in [
        index["columns"] for index in indexes.values() if index["index"]
    ]
