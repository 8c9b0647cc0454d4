"""Internship calls' pages in the page cache (portal/page_cache.py)."""

from internships.models import InternshipCall

CACHEABLE_URL_NAMES = {
    "internships:list", "internships:detail", "internships:feed", "internships:deadlines-ics",
}
PRIVATE_MODELS = {
    "internships.application", "internships.applicationstatuschange",
    "internships.referencecounter", "internships.callstatistic",
}


def next_change(now):
    """The next call opening or closing."""
    moments = [
        InternshipCall.objects.upcoming(now).order_by("opens_at")
        .values_list("opens_at", flat=True).first(),
        InternshipCall.objects.open(now).order_by("closes_at")
        .values_list("closes_at", flat=True).first(),
    ]
    return min((moment for moment in moments if moment is not None), default=None)
