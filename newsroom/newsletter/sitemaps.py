"""The newsletter in the sitemap: the subscribe form, the archives, and each sent issue."""

from django.contrib.sitemaps import Sitemap

from newsroom.newsletter.models import NewsletterIssue, NewsletterList
from portal.sitemaps import I18nSitemap, NamedPagesSitemap


class NewsletterPagesSitemap(NamedPagesSitemap):
    """The subscribe form (a form page of its own) and the archive of sent issues."""

    changefreq = "weekly"
    url_names = ["newsroom:subscribe", "newsroom:newsletter-archive"]


class NewsletterListArchiveSitemap(I18nSitemap):
    """Each list's archive, at its translated address in each language."""

    changefreq = "weekly"

    def items(self):
        return list(NewsletterList)

    def location(self, item):
        return item.get_archive_url()


class NewsletterIssueSitemap(Sitemap):
    """Every sent issue, in the one language it was written in."""

    i18n = True
    changefreq = "yearly"

    def items(self):
        return NewsletterIssue.objects.sent().order_by("-sent_at", "-pk")

    def get_languages_for_item(self, item):
        return [item.language]

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.sent_at
