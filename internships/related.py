"""What the internships app shows on other apps' detail pages."""

from django.utils import timezone

from internships.models import InternshipCall
from relations.models import Office


def sections(obj):
    """An office's coming calls; the calls a news item (or any object) names.

    An object names calls through a many-to-many field called ``internship_calls`` (for
    example ``newsroom.NewsItem.internship_calls``); only published calls are shown.
    """
    if isinstance(obj, Office):
        calls = (
            InternshipCall.objects.published()
            .filter(office=obj, closes_at__gt=timezone.now())
            .order_by("opens_at")
        )
        heading = "office"
    elif hasattr(obj, "internship_calls") and not isinstance(obj, InternshipCall):
        calls = obj.internship_calls.published().order_by("-opens_at")
        heading = "named"
    else:
        return []
    calls = list(calls.select_related("office"))
    if not calls:
        return []
    return [{"template": "internships/related_section.html", "calls": calls, "heading": heading}]
