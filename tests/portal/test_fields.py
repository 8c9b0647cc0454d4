import warnings

from django import forms
from django.utils import translation

from portal.fields import HttpsURLField, RenderedOnceSelect


def test_an_address_typed_without_a_scheme_is_taken_as_https():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Django 5.2 warns when the scheme is left unsaid
        form_field = HttpsURLField().formfield()
    assert form_field.clean("cpmr.org") == "https://cpmr.org"
    assert form_field.clean("http://cpmr.org") == "http://cpmr.org"


def test_a_select_rendered_once_is_the_same_as_djangos_and_remembers_only_real_choices():
    choices = [("", "Välj land"), ("SE", "Sverige"), ("FI", "Finland")]
    once, plain = RenderedOnceSelect(choices=choices), forms.Select(choices=choices)
    RenderedOnceSelect.rendered.clear()
    with translation.override("sv"):
        for value in ["", "FI", None]:
            attrs = {"id": "id_country", "aria-invalid": "true"}
            assert once.render("country", value, attrs) == plain.render("country", value, attrs)
        assert 'value="FI" selected' in once.render("country", "FI", {"id": "id_country"})
        remembered = len(RenderedOnceSelect.rendered)
        # A value nobody offered is rendered, never stored.
        assert "selected" not in once.render("country", "<x>", {"id": "id_country"})
        assert len(RenderedOnceSelect.rendered) == remembered
