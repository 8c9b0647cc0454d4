"""An editor changes "Om oss" and its English version and adds a page under it, in Chromium,
on a phone and on a desktop screen."""

import pytest
from django.contrib.auth.models import User

from portal.pages.models import Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.mark.parametrize("width", [390, 1280])
def test_an_editor_edits_about_us_and_adds_a_child_page(live_server, page, staff_client, width):
    editor = staff_client("Redaktör")
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies([
        {"name": "sessionid", "value": editor.cookies["sessionid"].value, "url": live_server.url}
    ])
    about = Page.objects.get(key="about")

    page.goto(f"{live_server.url}/admin/portal/page/{about.pk}/change/")
    page.locator("#id_lead").fill("Vi för regionens talan i Stockholm och Bryssel.")
    page.locator("#id_lead_en").fill("We speak for the region in Brussels.")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url("**/admin/portal/page/")

    page.goto(f"{live_server.url}/admin/portal/page/add/")
    page.locator("#id_title").press_sequentially("Vår organisation")
    # The slug is filled in from the title as the editor types.
    assert page.locator("#id_slug").input_value() == "var-organisation"
    page.locator("#id_body").fill("## Ledning\n\nEnheten leds av en enhetschef.")
    page.locator("#id_parent").select_option(str(about.pk))
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url("**/admin/portal/page/")

    # With review on, the edit is a draft and the new page waits: a publisher publishes both.
    page.goto(live_server.url + "/om-oss/var-organisation/")
    assert page.get_by_role("heading", level=1).inner_text() != "Vår organisation"
    publisher = User.objects.create(username="publicerare-test", is_staff=True)
    Page.objects.get(key="about").publish_draft(user=publisher)
    Page.objects.get(slug="var-organisation").publish_by(publisher)

    page.goto(live_server.url + "/om-oss/")
    assert "Vi för regionens talan" in page.locator(".lead").inner_text()
    page.goto(live_server.url + "/en/about/")
    assert "We speak for the region" in page.locator(".lead").inner_text()
    page.goto(live_server.url + "/om-oss/var-organisation/")
    assert page.get_by_role("heading", level=1).inner_text() == "Vår organisation"
    # No English version: the language switcher leads to the nearest English page above,
    # which says so.
    page.get_by_role("link", name="English").click()
    assert page.url == live_server.url + "/en/about/?untranslated=sv"
    assert "not available in English" in page.get_by_role("main").inner_text()
