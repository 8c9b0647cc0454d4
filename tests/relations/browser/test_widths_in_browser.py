"""Long e-mail addresses and URLs wrap inside their cards at every width."""

import pytest
from django.urls import reverse

from relations.factories import ContactFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_ADDRESS = "forvaltningen.for.regional.utveckling.och.internationella.relationer@example.se"


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_a_long_address_wraps_inside_its_card(live_server, page, width):
    ContactFactory(email=LONG_ADDRESS)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + reverse("relations:office-list"))
    link = page.get_by_role("link", name=LONG_ADDRESS)
    card = link.locator("xpath=ancestor::li[contains(@class, 'card')]")
    assert link.bounding_box()["x"] + link.bounding_box()["width"] <= (
        card.bounding_box()["x"] + card.bounding_box()["width"] + 0.5
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
