"""An editor, in Chromium, uploads an image and a PDF, places them in a published news item,
renames its address, changes her mind and restores an earlier revision; the edit waits as a
draft until a publisher publishes it, and the old address (the one in the newsletter that
went out) still arrives."""

import re

import pytest

from newsroom.factories import NewsItemFactory
from newsroom.roles import EDITORS, PUBLISHERS
from portal.media.documents import Document
from portal.media.images import Image
from tests.portal.media.conftest import gps_photo, pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def as_user(page, live_server, client):
    page.context.clear_cookies()
    page.context.add_cookies([
        {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}
    ])


def upload(uploaded):
    return {"name": uploaded.name, "mimeType": uploaded.content_type, "buffer": uploaded.read()}


@pytest.mark.parametrize("width", [390, 1280])
def test_an_editor_illustrates_renames_and_restores_and_a_publisher_publishes(
    live_server, page, staff_client, django_user_model, width
):
    item = NewsItemFactory(
        title="Regionen i Bryssel", slug="regionen-i-bryssel", body="Kontoret bevakar EU."
    )
    old_url = item.get_absolute_url()
    page.set_viewport_size({"width": width, "height": 900})
    as_user(page, live_server, staff_client(EDITORS, username="redaktor"))

    # An image without alt text is refused at the field; with it, it is in the library.
    page.goto(live_server.url + "/admin/portal/image/add/")
    page.locator("#id_file").set_input_files(upload(gps_photo()))
    page.get_by_role("button", name="Spara", exact=True).click()
    page.locator(".errorlist").first.wait_for()
    page.locator("#id_file").set_input_files(upload(gps_photo()))
    page.locator("#id_alt_text").fill("Brysselkontorets entré på Rond-Point Schuman")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url("**/admin/portal/image/")
    image = Image.objects.get()

    page.goto(live_server.url + "/admin/portal/document/add/")
    page.locator("#id_file").set_input_files(upload(pdf()))
    page.locator("#id_title").fill("Remissvar om sammanhållningspolitiken")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url("**/admin/portal/document/")
    document = Document.objects.get()

    # The edits of a published item are a draft; the site keeps showing what was published.
    change = f"{live_server.url}/admin/newsroom/newsitem/{item.pk}/change/"
    page.goto(change)
    page.locator("#id_title").fill("Regionen i Europa")
    page.locator("#id_slug").fill("regionen-i-europa")
    page.locator("#id_body").fill(
        f"Kontoret bevakar EU.\n\n{image.reference}\n\nLäs {document.reference}."
    )
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url("**/admin/newsroom/newsitem/")
    page.goto(change)
    page.locator("#id_title").fill("Fel rubrik")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url("**/admin/newsroom/newsitem/")
    page.goto(live_server.url + old_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Regionen i Bryssel"

    # She restores the revision before the mistake, as a new draft, and sends it for review.
    page.goto(f"{live_server.url}/admin/newsroom/newsitem/{item.pk}/history/")
    page.get_by_role("link", name="Återställ som utkast").nth(1).click()
    page.get_by_role("button", name="Återställ som utkast").click()
    page.wait_for_url("**/change/")
    assert page.locator("#id_title").input_value() == "Regionen i Europa"
    page.get_by_role("button", name="Spara och skicka för granskning").click()
    page.wait_for_url("**/admin/newsroom/newsitem/")
    page.goto(live_server.url + old_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Regionen i Bryssel"

    # A publisher finds it waiting and publishes it.
    as_user(page, live_server, staff_client(PUBLISHERS, username="publicerare"))
    page.goto(live_server.url + "/admin/newsroom/newsitem/?review=waiting")
    page.get_by_role("link", name="Regionen i Bryssel").click()
    page.get_by_role("button", name="Publicera utkastet").click()
    page.get_by_text("Utkastet publicerades.").wait_for()

    # The old address, as in the newsletter, arrives at the new one, with image and document.
    page.context.clear_cookies()
    page.goto(live_server.url + old_url)
    assert page.url.endswith("/regionen-i-europa/")
    assert page.get_by_role("heading", level=1).inner_text() == "Regionen i Europa"
    picture = page.get_by_role("img", name="Brysselkontorets entré på Rond-Point Schuman")
    assert picture.get_attribute("srcset") and picture.get_attribute("width")
    # In the text and in the item's list of documents.
    link = page.get_by_role("link", name="Remissvar om sammanhållningspolitiken").first
    assert re.search(r"\(pdf, \d", page.locator("main").inner_text())
    assert link.get_attribute("href") == document.get_absolute_url()
