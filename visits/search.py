"""The visits' part of the site search (portal/search.py): public visits only, by their title
and public summary, never by what is internal (purpose, participants, requests)."""

from django.utils.translation import gettext_lazy as _

from portal.search import Searchable
from visits.models import Visit

SEARCHABLE = [
    Searchable(
        "besok", _("Besök"), Visit.objects.public, 110, excerpt_fields=("summary",),
        title=lambda visit: visit.display_title,
        date=lambda visit: visit.starts_at,
    ),
]
