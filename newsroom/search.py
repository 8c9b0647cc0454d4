"""The newsroom's part of the site search (portal/search.py): its news items."""

from django.utils.translation import gettext_lazy as _

from newsroom.models import NewsItem
from portal.search import Searchable


def _news():
    # Items are written in one language: the English site finds the English ones.
    return NewsItem.objects.public().in_language()


SEARCHABLE = [
    Searchable(
        "nyheter", _("Nyheter"), _news, 10, excerpt_fields=("lead", "body"),
        date=lambda item: item.publish_at,
    ),
]
