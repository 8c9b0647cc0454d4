"""The events' part of the site search (portal/search.py)."""

from django.utils.translation import gettext_lazy as _

from events.models import Event
from portal.search import Searchable

SEARCHABLE = [
    Searchable(
        "evenemang", _("Evenemang"), Event.objects.public, 30,
        excerpt_fields=("lead", "description"),
        title=lambda event: event.display_title,
        date=lambda event: event.starts_at,
    ),
]
