from portal.sitemaps import I18nSitemap, NamedPagesSitemap
from visits.models import Visit


class VisitPagesSitemap(NamedPagesSitemap):
    """The list of visits and the request form."""

    changefreq = "daily"
    url_names = ["visits:list", "visits:request"]


class PublicVisitSitemap(I18nSitemap):
    """Every public visit (public and confirmed or completed), in both languages."""

    changefreq = "weekly"
    limit = 10_000  # URLs per section (each language counts), as the design asks

    lastmod_field = "updated_at"

    def items(self):
        return Visit.objects.public().order_by("-starts_at", "pk").only("slug", "updated_at")

    def lastmod(self, visit):
        return visit.updated_at


SITEMAPS = {"visits": VisitPagesSitemap, "visit-pages": PublicVisitSitemap}
