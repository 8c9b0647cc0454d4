"""RSS 2.0 and Atom feeds of the news, for the whole site and per topic.

A feed follows the language of its address (the Swedish feed lists Swedish items).
Every link in a feed is absolute, built from SITE_URL, since readers fetch feeds from
anywhere and the request's own host may be an internal one behind the proxy.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from newsroom.models import NewsItem
from portal.links import absolute_url
from relations.models import Topic

FEED_LENGTH = 20


class LatestNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    url_name = "newsroom:feed-rss"

    def title(self, obj=None):
        return _("Nyheter från Externa relationer, Västra Götalandsregionen")

    def description(self, obj=None):
        return _("Det senaste om Västra Götalandsregionens arbete i Stockholm, Bryssel och Europa.")

    def subtitle(self, obj=None):
        return self.description(obj)

    def link(self, obj=None):
        return absolute_url(reverse("newsroom:list"))

    def feed_url(self, obj=None):
        return absolute_url(reverse(self.url_name))

    def items(self, obj=None):
        return self.public_items(obj).select_related("author").for_listing()[:FEED_LENGTH]

    def public_items(self, obj):
        return NewsItem.objects.published().in_language()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers read descriptions as HTML: the plain-text lead is escaped once
        # more, so "<" in a lead shows as written instead of vanishing as a tag.
        return escape(item.lead)

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.last_modified

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [topic.display_name for topic in item.topics.all()]


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = Atom1Feed
    url_name = "newsroom:feed-atom"


class TopicNewsFeed(LatestNewsFeed):
    """The news about one topic (an unknown topic is a 404)."""

    url_name = "newsroom:topic-feed-rss"

    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj=None):
        return _("Nyheter om %(topic)s från Externa relationer") % {"topic": obj.display_name}

    def link(self, obj=None):
        return absolute_url(reverse("newsroom:topic", kwargs={"slug": obj.slug}))

    def feed_url(self, obj=None):
        return absolute_url(reverse(self.url_name, kwargs={"slug": obj.slug}))

    def public_items(self, obj):
        return super().public_items(obj).filter(topics=obj)


class TopicNewsAtomFeed(TopicNewsFeed):
    feed_type = Atom1Feed
    url_name = "newsroom:topic-feed-atom"
