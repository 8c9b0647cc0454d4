from django.contrib import sitemaps
from django.urls import reverse

from config.registry import app_modules


class I18nSitemap(sitemaps.Sitemap):
    """A sitemap whose every URL exists in Swedish and English, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class NamedPagesSitemap(I18nSitemap):
    """Pages named by their URL names (lists, forms, static pages), in both languages."""

    url_names = []

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)


class StaticPagesSitemap(NamedPagesSitemap):
    changefreq = "monthly"
    url_names = ["home", "about", "accessibility", "personal-data", "contact"]


SITEMAPS = {"pages": StaticPagesSitemap}


def collect_sitemaps():
    """Every app's ``SITEMAPS`` (a dict of section name to sitemap class), site pages first."""
    collected = {}
    for module in app_modules("sitemaps"):
        collected.update(getattr(module, "SITEMAPS", {}))
    return collected
