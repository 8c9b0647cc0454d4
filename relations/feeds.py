"""The RSS feed of the region's positions and consultation responses.

Links are absolute, built from SITE_URL (see newsroom/feeds.py for why).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from portal.i18n import localized
from portal.links import absolute_url
from relations.models import Position

FEED_LENGTH = 20


class PositionFeed(Feed):
    feed_type = Rss201rev2Feed

    def title(self):
        return _("Ståndpunkter och remissvar från Västra Götalandsregionen")

    def description(self):
        return _("Regionens ståndpunkter i EU-frågor och nationella frågor och dess remissvar.")

    def link(self):
        return absolute_url(reverse("relations:position-list"))

    def feed_url(self):
        return absolute_url(reverse("relations:position-feed"))

    def items(self):
        return Position.objects.for_lists()[:FEED_LENGTH]

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        # Readers take the description as HTML: the plain-text summary is escaped once more.
        return escape(localized(item, "summary"))

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        # A position has a date only; feeds need a moment, so the day's start in Sweden.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_categories(self, item):
        return [item.get_kind_display(), *(topic.display_name for topic in item.topics.all())]
