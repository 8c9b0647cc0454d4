"""Public filters of the organisation, project and position lists (django-filter).

A value that is not among the choices (an old bookmark, a hand-edited URL) makes only
that field invalid; the list views use ``strict = False``, so such a value is ignored
and the visitor sees it named in the form instead of a server error.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from relations.models import Organisation, Position, Programme, Project, Topic


class TopicChoiceField(forms.ModelChoiceField):
    """Topics by their name in the page's language."""

    def label_from_instance(self, obj):
        return obj.display_name


class TopicFilter(django_filters.ModelChoiceFilter):
    field_class = TopicChoiceField


def _localized_labels(form, *names):
    for name in names:
        form.fields[name].label_from_instance = lambda obj: obj.display_name


def topic_filter():
    """Filter by a topic's slug (``?topic=bredband``), as the topic pages link to."""
    return django_filters.ModelChoiceFilter(
        label=_("Prioriterad fråga"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("Alla"),
    )


class OrganisationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Typ av organisation"), choices=Organisation.Kind.choices, empty_label=_("Alla")
    )
    topic = topic_filter()

    class Meta:
        model = Organisation
        fields = ["kind", "topic"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _localized_labels(self.form, "topic")


class ProjectFilter(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(
        label=_("Program"),
        to_field_name="slug",
        queryset=Programme.objects.all(),
        empty_label=_("Alla"),
    )
    topic = topic_filter()
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Project.Status.choices, empty_label=_("Alla")
    )
    role = django_filters.ChoiceFilter(
        label=_("Regionens roll"),
        field_name="region_role",
        choices=Project.Role.choices,
        empty_label=_("Alla"),
    )

    class Meta:
        model = Project
        fields = ["programme", "topic", "status", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _localized_labels(self.form, "programme", "topic")


def position_years():
    """The years that have positions, newest first, as choices."""
    return [
        (day.year, day.year) for day in Position.objects.dates("date", "year", order="DESC")
    ]


class PositionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Typ"), choices=Position.Kind.choices, empty_label=_("Alla")
    )
    topic = topic_filter()
    year = django_filters.ChoiceFilter(
        label=_("År"),
        field_name="date",
        lookup_expr="year",
        choices=position_years,
        empty_label=_("Alla"),
    )

    class Meta:
        model = Position
        fields = ["kind", "topic", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _localized_labels(self.form, "topic")
