from internships.models import InternshipCall


def home_section(request):
    """The calls open for applications now, or nothing."""
    calls = list(InternshipCall.objects.open().select_related("office").order_by("closes_at"))
    if not calls:
        return None
    return {"template": "internships/home_section.html", "calls": calls}
