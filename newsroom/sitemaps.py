"""The news in the sitemap: the list pages in both languages, and each published item in
the language(s) it exists in, with its translation as the hreflang alternate; and the
newsletter's pages (``newsroom.newsletter.sitemaps``)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.models import NewsItem, topics_with_news_in, years_with_news
from newsroom.newsletter.sitemaps import (
    NewsletterIssueSitemap,
    NewsletterListArchiveSitemap,
    NewsletterPagesSitemap,
)
from portal.search_index import SEARCH_FIELDS
from portal.sitemaps import I18nSitemap


class NewsListPagesSitemap(I18nSitemap):
    """The news list, the EU monitoring page, and the topic and year pages that have
    published news."""

    changefreq = "daily"

    def items(self):
        published = NewsItem.objects.published()
        topics = topics_with_news_in(published).order_by("slug")
        return (
            [("newsroom:list", {}), ("newsroom:eu-monitoring", {})]
            + [("newsroom:topic", {"slug": slug}) for slug in topics.values_list("slug", flat=True)]
            + [("newsroom:year", {"year": year}) for year in years_with_news(published)]
        )

    def location(self, item):
        name, kwargs = item
        return reverse(name, kwargs=kwargs)


class NewsItemSitemap(Sitemap):
    """One entry per story: an item and its published translation are one entry with a
    URL in each language; an item without one is listed in its own language only."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        # An English item whose Swedish original is public is listed with that original.
        # A queryset, not a list: each page of the section reads only its own rows.
        now = timezone.now()
        listed_with_original = Q(
            language="en",
            translation__status=NewsItem.Status.PUBLISHED,
            translation__publish_at__lte=now,
        )
        return (
            NewsItem.objects.published(now)
            .exclude(listed_with_original)
            .select_related("translation")
            .defer(
                "body", "body_html", "translation__body", "translation__body_html",
                *SEARCH_FIELDS, *(f"translation__{name}" for name in SEARCH_FIELDS),
            )
            .order_by("-publish_at", "-pk")
        )

    def get_latest_lastmod(self):
        # For the index: one aggregate instead of every item's lastmod in Python.
        latest = NewsItem.objects.published().aggregate(
            published=Max("publish_at"), updated=Max("updated_at")
        )
        moments = [moment for moment in latest.values() if moment is not None]
        return max(moments) if moments else None

    def get_languages_for_item(self, item):
        return [version.language for version in self._versions(item)]

    def location(self, item):
        language = translation.get_language()
        for version in self._versions(item):
            if version.language == language:
                return version.get_absolute_url()
        return item.get_absolute_url()

    def lastmod(self, item):
        return max(version.last_modified for version in self._versions(item))

    @staticmethod
    def _versions(item):
        translated = item.public_translation
        return [item, translated] if translated else [item]


SITEMAPS = {
    "news": NewsListPagesSitemap,
    "news-items": NewsItemSitemap,
    "newsletter": NewsletterPagesSitemap,
    "newsletter-lists": NewsletterListArchiveSitemap,
    "newsletter-issues": NewsletterIssueSitemap,
}
