import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _swedish_by_default():
    # A request to an English page leaves English active in the test thread; reverse()
    # in the next test would then build English URLs.
    with translation.override("sv"):
        yield
