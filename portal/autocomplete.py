"""Picking a public thing to relate to, without the right to read the other model.

An editor relates a news item to a visit or a call. Django's autocomplete asks for the view
permission on the visits, which opens every internal visit's page. These pickers ask only
that the user may change the form's own model, search only what the public may see
(``public()`` on the other model's queryset) and answer only with its name.
"""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.contrib.auth import get_permission_codename

URL_NAME = "public-choices"


class PublicChoicesView(AutocompleteJsonView):
    def has_perm(self, request, obj=None):
        opts = self.source_field.model._meta
        return any(
            request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
            for action in ("add", "change")
        )

    def get_queryset(self):
        queryset = self.source_field.remote_field.model._default_manager.all().public()
        queryset = queryset.complex_filter(self.source_field.get_limit_choices_to())
        queryset, use_distinct = self.model_admin.get_search_results(
            self.request, queryset, self.term
        )
        return queryset.distinct() if use_distinct else queryset


class PublicChoiceSelect(AutocompleteSelect):
    url_name = f"%s:{URL_NAME}"


class PublicChoicesSelectMultiple(AutocompleteSelectMultiple):
    url_name = f"%s:{URL_NAME}"


class PublicChoicesMixin:
    """For a ModelAdmin: ``public_choice_fields`` are picked among public things only."""

    public_choice_fields = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.public_choice_fields:
            kwargs["widget"] = PublicChoiceSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.public_choice_fields:
            kwargs["widget"] = PublicChoicesSelectMultiple(db_field, self.admin_site)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
