from django.utils import timezone

from internships.models import InternshipCall
from relations.models import Office


def sections(obj):
    """An office's open and upcoming internship calls (for an office's page, when there is one)."""
    if not isinstance(obj, Office):
        return []
    calls = list(
        InternshipCall.objects.published()
        .filter(office=obj, closes_at__gt=timezone.now())
        .select_related("office")
        .order_by("opens_at")
    )
    if not calls:
        return []
    return [{"template": "internships/related_section.html", "calls": calls, "office": obj}]
