"""The relations' part of the site search (portal/search.py)."""

from django.utils.translation import gettext_lazy as _

from portal.search import Searchable
from relations.models import Agreement, Organisation, Position, Programme, Project

SEARCHABLE = [
    Searchable(
        "standpunkter", _("Ståndpunkter och remissvar"), Position.objects.public, 50,
        excerpt_fields=("summary",),
        title=lambda position: position.display_title,
        date=lambda position: position.date,
    ),
    Searchable(
        "avtal", _("Samarbetsavtal"), Agreement.objects.public, 70, excerpt_fields=("summary",),
        title=lambda agreement: agreement.display_title,
        date=lambda agreement: agreement.valid_from,
    ),
    Searchable(
        "organisationer", _("Organisationer och nätverk"), Organisation.objects.public, 80,
        excerpt_fields=("description",),
        title=lambda organisation: organisation.display_name,
    ),
    Searchable(
        "program", _("EU-program"), Programme.objects.public, 90, excerpt_fields=("description",),
        title=lambda programme: programme.display_name,
    ),
    Searchable(
        "projekt", _("Projekt"), Project.objects.public, 100,
        excerpt_fields=("description", "results"),
        title=lambda project: project.display_title,
    ),
]
