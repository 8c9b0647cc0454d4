from django.conf import settings
from django.contrib import sitemaps
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.urls import reverse

from config.registry import app_modules
from portal.media.documents import Document
from portal.pages.sitemaps import PageSitemap


class I18nSitemap(sitemaps.Sitemap):
    """A sitemap whose every URL exists in Swedish and English, with hreflang alternates.

    ``lastmod_field``, where an item's ``lastmod`` is a field of its row, lets the index ask
    the database for the latest one; Django's default reads every item of the section.
    """

    i18n = True
    alternates = True
    x_default = True
    lastmod_field = None

    def get_latest_lastmod(self):
        if self.lastmod_field:
            items = self.items()
            if isinstance(items, QuerySet):
                return items.order_by().aggregate(latest=Max(self.lastmod_field))["latest"]
        return super().get_latest_lastmod()


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
    lastmod_field = "updated_at"

    def items(self):
        return Document.objects.public().order_by("pk")

    def lastmod(self, document):
        return document.updated_at


SITEMAPS = {"home": HomeSitemap, "pages": PageSitemap, "documents": DocumentsSitemap}


# At most this many URLs in one page of a section (each language of an item is a URL); a
# longer section becomes several pages (?p=2 …), each listed in the index and cached alone.
MAX_URLS_PER_SECTION_PAGE = 10_000


class ItemPaginator(Paginator):
    """Pages of an i18n sitemap's items, counted and sliced in SQL, each item turned into its
    (item, language) pairs on its own page only.

    Django's i18n sitemaps build the pairs of every item of the section before paging them:
    at a hundred thousand news items, a worker read them all for every page of the section,
    and for the index, which only needs the number of pages.
    """

    def __init__(self, items, per_page, languages_of):
        super().__init__(items, per_page)
        self.languages_of = languages_of

    def _get_page(self, object_list, number, paginator):
        pairs = [(item, language) for item in object_list for language in self.languages_of(item)]
        return super()._get_page(pairs, number, paginator)


class PagedByItems:
    """For an i18n sitemap: pages of ``limit`` items (``limit`` URLs per language)."""

    @property
    def paginator(self):
        return ItemPaginator(self.items(), self.limit, self.get_languages_for_item)


def bounded(sitemap_class):
    """``sitemap_class`` with its page size cut to MAX_URLS_PER_SECTION_PAGE URLs, an i18n
    one paged by items in SQL."""
    i18n = getattr(sitemap_class, "i18n", False)
    limit = MAX_URLS_PER_SECTION_PAGE // (len(settings.LANGUAGES) if i18n else 1)
    attributes = {"limit": min(limit, sitemap_class.limit), "__module__": sitemap_class.__module__}
    bases = (PagedByItems, sitemap_class) if i18n else (sitemap_class,)
    return type(sitemap_class.__name__, bases, attributes)


def collect_sitemaps():
    """Every app's ``SITEMAPS`` (a dict of section name to sitemap class), site pages first."""
    collected = {}
    for module in app_modules("sitemaps"):
        collected.update(getattr(module, "SITEMAPS", {}))
    return {section: bounded(sitemap) for section, sitemap in collected.items()}
