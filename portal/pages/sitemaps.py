from django.contrib import sitemaps

from portal.pages.models import HOME, Page


class PageSitemap(sitemaps.Sitemap):
    """The editors' pages, each in the languages it exists in (hreflang to those only)."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Page.objects.public().exclude(key=HOME).order_by("path")

    def get_languages_for_item(self, item):
        return item.languages()

    def lastmod(self, item):
        return item.updated_at
