from django.urls import reverse
from django.utils import translation

from config.sitemaps import I18nSitemap
from internships.models import InternshipCall


class InternshipListSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return ["internships:list"]

    def location(self, item):
        return reverse(item)


class InternshipCallSitemap(I18nSitemap):
    """Every published call, upcoming, open or past, in both languages."""

    changefreq = "weekly"

    def items(self):
        return InternshipCall.objects.published().order_by("-opens_at", "pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"internships": InternshipListSitemap, "internship-calls": InternshipCallSitemap}


def form_paths():
    """The application forms of the open calls, in both languages (not in the sitemap).

    For the quality gates: the open demo call's slug follows the date, so its form's path
    cannot be written down once.
    """
    paths = []
    for call in InternshipCall.objects.open().order_by("closes_at"):
        for language in ("sv", "en"):
            with translation.override(language):
                paths.append(call.get_apply_url())
    return paths
