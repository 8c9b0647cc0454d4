"""The public filters of the visits list (django-filter): unknown values are ignored safely."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from portal.archive import periods_with
from portal.collation import countries
from relations.filters import TopicFilter
from relations.models import Topic
from visits.models import Visit


class PublicVisitFilter(django_filters.FilterSet):
    direction = django_filters.ChoiceFilter(
        label=_("Typ av besök"), choices=Visit.Direction.choices, empty_label=_("Alla")
    )
    country = django_filters.ChoiceFilter(label=_("Land"), empty_label=_("Alla länder"))
    year = django_filters.ChoiceFilter(
        label=_("År"), field_name="starts_at", lookup_expr="year", empty_label=_("Alla år")
    )
    topic = TopicFilter(
        label=_("Fråga"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("Alla frågor"),
    )

    class Meta:
        model = Visit
        fields = ["direction", "country", "year", "topic"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        public = Visit.objects.public()
        used_countries = set(
            public.exclude(country="").order_by().values_list("country", flat=True).distinct()
        )
        self.filters["country"].extra["choices"] = [
            (code, name) for code, name in countries if code in used_countries
        ]
        years = [start.year for start in periods_with(public, "starts_at", "year")]
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]
        self.filters["topic"].queryset = Topic.objects.filter(
            Exists(public.filter(topics=OuterRef("pk")))
        )
