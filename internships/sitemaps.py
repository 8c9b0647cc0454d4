from internships.models import InternshipCall
from portal.sitemaps import I18nSitemap, NamedPagesSitemap


class InternshipListSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    url_names = ["internships:list"]


class InternshipCallSitemap(I18nSitemap):
    """Every published call, upcoming, open or past, in both languages."""

    changefreq = "weekly"
    lastmod_field = "updated_at"

    def items(self):
        return InternshipCall.objects.published().order_by("-opens_at", "pk")

    def lastmod(self, item):
        return item.updated_at


class ApplicationFormSitemap(I18nSitemap):
    """The application form of every open call (a form lives on a page of its own)."""

    changefreq = "daily"

    def items(self):
        return InternshipCall.objects.open().order_by("closes_at", "pk")

    def location(self, item):
        return item.get_apply_url()


SITEMAPS = {
    "internships": InternshipListSitemap,
    "internship-calls": InternshipCallSitemap,
    "internship-forms": ApplicationFormSitemap,
}
