"""A title of long Swedish compound words wraps on a phone instead of widening the page."""

import pytest

from events.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 390])
def test_a_long_compound_word_in_a_title_wraps(live_server, page, width):
    event = EventFactory(title="Praktikanterna deltar i kompetensförsörjningsdelegationen")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + event.get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth") <= width
