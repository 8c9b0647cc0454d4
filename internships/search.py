"""The internships' part of the site search (portal/search.py): published calls."""

from django.utils.translation import gettext_lazy as _

from internships.models import InternshipCall
from portal.search import Searchable

SEARCHABLE = [
    Searchable(
        "praktik", _("Praktikplatser"), InternshipCall.objects.public, 40,
        excerpt_fields=("description", "tasks"),
        title=lambda call: call.display_title,
        date=lambda call: call.closes_at,
    ),
]
