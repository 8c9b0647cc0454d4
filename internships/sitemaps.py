from django.urls import reverse

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
