"""Model and form fields the apps share."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation


class HttpsURLField(models.URLField):
    """A URL whose form field completes an address typed without a scheme with https://.

    Django 6.0 makes https the default; until then every form URL field must say so.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses a key outside its column's range as an invalid choice.

    Django's field looks every submitted key up, and a number past the column's range fails
    in the database driver (OverflowError on SQLite) instead of as a field error.
    """

    def _check_values(self, value):
        opts = self.queryset.model._meta
        key = opts.get_field(self.to_field_name) if self.to_field_name else opts.pk
        for item in value:
            try:
                number = key.to_python(item)
            except ValidationError:
                continue  # not a key at all, which the parent class reports
            try:
                key.run_validators(number)
            except ValidationError:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                ) from None
        return super()._check_values(value)


class RenderedOnceSelect(forms.Select):
    """A long list that never changes while the process runs (the countries), rendered once
    per language, chosen value and attributes instead of option by option on every request.

    Django renders each option through its own template: some 250 countries cost a form page
    more than all its other fields. Only a value among the choices is remembered, so what a
    visitor types cannot grow the store.
    """

    rendered = {}

    def render(self, name, value, attrs=None, renderer=None):
        choices = {str(choice) for choice, _label in self.choices}
        if value is not None and str(value) not in choices:
            return super().render(name, value, attrs, renderer)
        key = (
            translation.get_language(),
            name,
            str(value),
            tuple(sorted({**self.attrs, **(attrs or {})}.items())),
        )
        if key not in self.rendered:
            self.rendered[key] = super().render(name, value, attrs, renderer)
        return self.rendered[key]
