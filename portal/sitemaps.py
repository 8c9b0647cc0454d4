from django.conf import settings
from django.contrib import sitemaps
from django.urls import reverse

from config.registry import app_modules
from portal.media.documents import Document
from portal.pages.sitemaps import PageSitemap


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


class HomeSitemap(NamedPagesSitemap):
    changefreq = "daily"
    url_names = ["home"]


class DocumentsSitemap(I18nSitemap):
    """Documents that something public refers to, at their address in each language."""

    changefreq = "yearly"

    def items(self):
        return Document.objects.public().order_by("pk")

    def lastmod(self, document):
        return document.updated_at


SITEMAPS = {"home": HomeSitemap, "pages": PageSitemap, "documents": DocumentsSitemap}


# At most this many URLs in one page of a section (each language of an item is a URL); a
# longer section becomes several pages (?p=2 …), each listed in the index and cached alone.
MAX_URLS_PER_SECTION_PAGE = 10_000


def bounded(sitemap_class):
    """``sitemap_class`` with its page size cut to MAX_URLS_PER_SECTION_PAGE URLs."""
    per_item = len(settings.LANGUAGES) if getattr(sitemap_class, "i18n", False) else 1
    limit = MAX_URLS_PER_SECTION_PAGE // per_item
    if sitemap_class.limit <= limit:
        return sitemap_class
    return type(sitemap_class.__name__, (sitemap_class,),
                {"limit": limit, "__module__": sitemap_class.__module__})


def collect_sitemaps():
    """Every app's ``SITEMAPS`` (a dict of section name to sitemap class), site pages first."""
    collected = {}
    for module in app_modules("sitemaps"):
        collected.update(getattr(module, "SITEMAPS", {}))
    return {section: bounded(sitemap) for section, sitemap in collected.items()}
