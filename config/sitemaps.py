from django.contrib import sitemaps
from django.urls import reverse

from config.registry import app_modules


class I18nSitemap(sitemaps.Sitemap):
    """A sitemap whose every URL exists in Swedish and English, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return ["home", "about", "accessibility", "personal-data", "contact"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": StaticPagesSitemap}


def collect_sitemaps():
    """Every app's ``SITEMAPS`` (a dict of section name to sitemap class), site pages first."""
    collected = {}
    for module in app_modules("sitemaps"):
        collected.update(getattr(module, "SITEMAPS", {}))
    return collected
