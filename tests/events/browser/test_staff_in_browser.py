"""An event organiser, after a seminar, marks who came, exports the list and reads the
statistics, in Chromium on a phone and on a desktop screen."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.factories import EventFactory, RegistrationFactory
from events.models import Registration
from events.roles import EVENT_MANAGERS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_an_organiser_marks_attendance_and_exports_the_list(
    live_server, page, staff_client, width
):
    began = timezone.now() - timedelta(hours=2)
    event = EventFactory(
        title="EU-utbildning för kommunerna", starts_at=began,
        ends_at=began + timedelta(hours=1),
        registration_opens_at=began - timedelta(days=10),
        registration_closes_at=began - timedelta(days=1),
    )
    RegistrationFactory(event=event, name="Karin Holm", organisation="Borås stad")
    RegistrationFactory(event=event, name="Omar Haddad", organisation="Göteborgs universitet")
    organiser = staff_client(EVENT_MANAGERS)
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies([{
        "name": "sessionid", "value": organiser.cookies["sessionid"].value,
        "url": live_server.url,
    }])

    page.goto(live_server.url + reverse("admin:events_event_change", args=[event.pk]))
    page.locator(".object-tools").get_by_role("link", name="Anmälningar").click()
    tools = page.locator(".event-tools")
    page.get_by_role("checkbox", name="Karin Holm deltog").check()
    page.get_by_role("button", name="Spara närvaro").click()
    page.wait_for_load_state()
    assert page.get_by_role("checkbox", name="Karin Holm deltog").is_checked()
    assert not page.get_by_role("checkbox", name="Omar Haddad deltog").is_checked()
    attended = dict(Registration.objects.values_list("name", "attended"))
    assert attended == {"Karin Holm": True, "Omar Haddad": False}

    with page.expect_download() as download:
        tools.get_by_role("link", name="Exportera (CSV)").click()
    exported = open(download.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert "Karin Holm" in exported and "Göteborgs universitet" in exported

    tools.get_by_role("link", name="Statistik").click()
    page.get_by_role("heading", level=1).wait_for()
    main = page.locator("#content").inner_text()
    assert "Karin Holm" not in main
    assert page.locator("#content svg").count() >= 1
