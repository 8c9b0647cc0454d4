"""The public filters of the event list (django-filter): unknown values are ignored safely."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from events.models import Event
from portal.archive import periods_with
from relations.filters import TopicFilter
from relations.models import Topic


class PublicEventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Typ av evenemang"), choices=Event.Kind.choices, empty_label=_("Alla typer")
    )
    topic = TopicFilter(
        label=_("Fråga"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.none(),
        empty_label=_("Alla frågor"),
    )
    month = django_filters.ChoiceFilter(
        label=_("Månad"), method="filter_month", empty_label=_("Alla månader")
    )

    class Meta:
        model = Event
        fields = ["kind", "topic", "month"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        public = Event.objects.published()
        months = periods_with(public, "starts_at", "month")
        self.filters["month"].extra["choices"] = [
            (month.strftime("%Y-%m"), formats.date_format(month, "F Y")) for month in months
        ]
        self.filters["topic"].queryset = Topic.objects.filter(
            Exists(public.filter(topics=OuterRef("pk")))
        )

    def filter_month(self, queryset, name, value):
        year, month = (int(part) for part in value.split("-"))
        return queryset.filter(starts_at__year=year, starts_at__month=month)
