"""Public news pages, and the staff-only preview of a draft.

Every public page reads items through ``NewsItem.objects.published()`` on the site of the
page's language, so a draft or an item scheduled for later never shows before its time.
Lists prefetch what they show: a constant number of queries whatever the number of items.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from newsroom.filters import NewsFilter
from newsroom.models import NewsItem
from newsroom.newsletter.models import NewsletterList
from portal.links import absolute_url
from portal.navigation import BreadcrumbsMixin, Crumb, section
from portal.pagination import BoundedPaginator, ForgivingPaginationMixin
from portal.structured_data import json_ld
from relations.models import Topic
from visits.models import Visit


def structured_data(item, context):
    """schema.org NewsArticle for search engines, as a JSON-LD data block."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "description": item.lead,
        "inLanguage": item.language,
        "url": context["canonical_url"],
        "datePublished": item.publish_at.isoformat(),
        "dateModified": item.last_modified.isoformat(),
        "publisher": {"@type": "GovernmentOrganization",
                      "name": f"{settings.PORTAL_NAME}, {settings.PORTAL_ORGANISATION}"},
    }
    if item.byline:
        data["author"] = {"@type": "Organization", "name": item.byline}
    if context["image_url"]:
        data["image"] = [context["image_url"]]
    return json_ld(data)


class PublicNewsListView(ForgivingPaginationMixin, ListView):
    paginate_by = 10
    paginator_class = BoundedPaginator
    context_object_name = "items"

    def public_items(self):
        return NewsItem.objects.published().in_language().for_listing()


class NewsListView(PublicNewsListView):
    """All news of this site's language, newest first; search, topic and year filters."""

    template_name = "newsroom/news_list.html"

    def get_queryset(self):
        self.filterset = NewsFilter(self.request.GET, queryset=self.public_items())
        if not self.filterset.is_valid():
            # The form names what is wrong; the page then lists nothing rather than guess.
            return self.filterset.queryset.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        context["filter_form"] = form
        context["query"] = form.cleaned_data.get("q", "") if form.is_valid() else ""
        context["is_filtered"] = any(self.request.GET.get(name) for name in form.fields)
        return context


class EUMonitoringView(BreadcrumbsMixin, PublicNewsListView):
    """The Brussels office's early warnings, newest first, each with its deadline."""

    template_name = "newsroom/eu_monitoring.html"

    def get_breadcrumbs(self):
        return [section("newsroom:list"), Crumb(_("EU-bevakning"))]

    def get_queryset(self):
        return self.public_items().eu_monitoring()

    def get_context_data(self, **kwargs):
        return super().get_context_data(monitoring_list=NewsletterList.EU_MONITORING, **kwargs)


class TopicNewsView(BreadcrumbsMixin, PublicNewsListView):
    """The news about one priority topic."""

    template_name = "newsroom/topic_news.html"

    def get_breadcrumbs(self):
        return [section("newsroom:list"), Crumb(self.topic.display_name)]

    def get_queryset(self):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return self.public_items().filter(topics=self.topic)

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


class YearArchiveView(BreadcrumbsMixin, PublicNewsListView):
    """The news of one year. A year without any published news (in either language) is
    not a page; a year with news only in the other language says so."""

    template_name = "newsroom/year_archive.html"

    def get_breadcrumbs(self):
        return [section("newsroom:list"), Crumb(str(self.year))]

    def get_queryset(self):
        self.year = self.kwargs["year"]
        if not datetime.MINYEAR < self.year < datetime.MAXYEAR:
            raise Http404
        in_year = NewsItem.objects.published().filter(publish_at__year=self.year)
        if not in_year.exists():
            raise Http404
        return self.public_items().filter(publish_at__year=self.year)

    def get_context_data(self, **kwargs):
        return super().get_context_data(year=self.year, **kwargs)


class NewsDetailView(BreadcrumbsMixin, DetailView):
    """One item, on the site of its language (the other site answers 404)."""

    template_name = "newsroom/news_detail.html"
    context_object_name = "item"
    related_count = 3

    def get_queryset(self):
        return self.detail_queryset(NewsItem.objects.published().in_language())

    @staticmethod
    def detail_queryset(queryset):
        return queryset.select_related(
            "author", "translation", "monitoring_contact"
        ).prefetch_related(
            "topics",
            "related_organisations",
            "documents",
            Prefetch("related_visits", queryset=Visit.objects.public()),
        )

    def get_breadcrumbs(self):
        return [section("newsroom:list"), Crumb(self.object.title)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        context["canonical_url"] = absolute_url(item.get_absolute_url())
        context["alternates"] = self.alternates(item)
        context["related_items"] = self.related_items(item)
        context["image_url"] = absolute_url(item.rendition.url) if item.has_image else ""
        context["structured_data"] = structured_data(item, context)
        return context

    def alternates(self, item):
        """hreflang only for the languages the item really exists in."""
        versions = [item]
        if item.public_translation:
            versions.append(item.public_translation)
        return {
            version.language: self.request.build_absolute_uri(version.get_absolute_url())
            for version in versions
        }

    def related_items(self, item):
        """Other published items of this site sharing a topic with this one, newest first."""
        topic_ids = [topic.pk for topic in item.topics.all()]
        if not topic_ids:
            return []
        return list(
            NewsItem.objects.published()
            .in_language(item.language)
            .filter(topics__in=topic_ids)
            .exclude(pk=item.pk)
            .distinct()
            .order_by("-publish_at", "-pk")[: self.related_count]
        )


@method_decorator(never_cache, name="dispatch")
class NewsPreviewView(NewsDetailView):
    """A draft or scheduled item exactly as it will look, never cached; a staff page (urls.py)."""

    def get_queryset(self):
        if not self.request.user.has_perm("newsroom.view_newsitem"):
            raise PermissionDenied
        return self.detail_queryset(NewsItem.objects.all())

    def get(self, request, *args, **kwargs):
        item = self.get_object()
        if item.language != translation.get_language():
            # The preview belongs on the site of the item's language, like the page itself.
            return redirect(item.get_preview_url())
        return super().get(request, *args, **kwargs)

    def alternates(self, item):
        # Not a public page: no hreflang for search engines to follow.
        return {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)
