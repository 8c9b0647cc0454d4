"""The shared form pattern in a real browser: after a failed submit the error summary is in
view and has focus, at a phone's width and a desktop's, and its links lead to the fields."""

import pytest

from internships.models import Application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_a_mistake_in_every_field_brings_the_focused_summary_into_view(
    live_server, page, open_call, width, tmp_path
):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 800})
    page.goto(live_server.url + open_call.get_apply_url())
    page.get_by_label("E-postadress").fill("elin.andersson@")
    page.get_by_label("Personligt brev").fill(" ")
    page.get_by_label("CV", exact=True).set_input_files(
        {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": b"not a pdf at all"}
    )
    page.get_by_role("button", name="Skicka ansökan").click()

    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert page.title().startswith("Fel: ")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    box = summary.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    assert summary.get_by_role("link").count() == 12
    page.screenshot(path=tmp_path / f"apply-error-summary-{width}.png")

    summary.get_by_role("link", name="Välj vilken nivå du studerar på.").click()
    assert page.evaluate("document.activeElement.id") == "id_level"
    assert not Application.objects.exists()


def test_choices_are_at_least_24_pixels_with_their_text_beside_them(live_server, page, open_call):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + open_call.get_apply_url())
    box = page.get_by_role("checkbox").bounding_box()
    label = page.get_by_text("Jag har läst informationen ovan").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert label["x"] > box["x"] + box["width"] and label["y"] < box["y"] + box["height"]
