import warnings

from portal.fields import HttpsURLField


def test_an_address_typed_without_a_scheme_is_taken_as_https():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Django 5.2 warns when the scheme is left unsaid
        form_field = HttpsURLField().formfield()
    assert form_field.clean("cpmr.org") == "https://cpmr.org"
    assert form_field.clean("http://cpmr.org") == "http://cpmr.org"
