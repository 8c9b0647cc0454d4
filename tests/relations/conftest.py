import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _swedish():
    # A request to an English page leaves English active in the test's thread; every test
    # here starts in Swedish, the site's default language.
    with translation.override("sv"):
        yield
