"""The public filters of the news list: search, topic and year."""

import django_filters
from django import forms
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from newsroom.models import NewsItem, current_language, topics_with_news_in, years_with_news
from portal import search
from portal.page_cache import remember
from relations.filters import TopicFilter
from relations.models import Topic


def topics_with_news(request):
    """Only topics that have published news on this site (no filter leading nowhere),
    in the alphabetical order of the page's language."""
    language = current_language()
    # Which topics have news reads the whole archive: kept like a cached page (dropped when
    # content is saved, never past the next scheduled publication).
    published = NewsItem.objects.published().in_language(language)
    topic_ids = remember(f"newsroom:topics-with-news:{language}", lambda: list(
        topics_with_news_in(published).values_list("pk", flat=True)
    ))
    topics = Topic.objects.filter(pk__in=topic_ids)
    if current_language() == "en":
        return topics.order_by(Coalesce(NullIf("name_en", Value("")), "name"))
    return topics.order_by("name")


class NewsFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_search",
        label=_("Sök bland nyheterna"),
        max_length=search.MAX_QUERY_LENGTH,
        widget=forms.widgets.SearchInput,
    )
    topic = TopicFilter(
        queryset=topics_with_news,
        to_field_name="slug",
        field_name="topics",
        label=_("Prioriterad fråga"),
        empty_label=_("Alla frågor"),
    )
    year = django_filters.ChoiceFilter(
        method="filter_year", label=_("År"), empty_label=_("Alla år"), choices=[]
    )

    class Meta:
        model = NewsItem
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = current_language()
        years = remember(f"newsroom:years-with-news:{language}", lambda: years_with_news(
            NewsItem.objects.published().in_language(language)))
        self.filters["year"].extra["choices"] = [(year, str(year)) for year in years]

    def filter_search(self, queryset, name, value):
        # The site search's machinery, on this list's items (a topic or year may narrow them).
        words = search.Search(value, current_language())
        return words.ranked_alone(queryset) if words else queryset

    def filter_year(self, queryset, name, value):
        # The choices are the years with news, so ``value`` is one of them.
        return queryset.filter(publish_at__year=int(value))
