"""At 1280 px with the admin's menu open, every list shows its key columns (status, progress,
statistics links) without scrolling sideways, and a visit's page is no wider than the window."""

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.gates.test_accessibility import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY_COLUMNS = {
    "/admin/visits/visit/": ["Status"],
    "/admin/visits/gift/": ["Beslut", "Uppskattat värde (kronor)"],
    "/admin/internships/internshipcall/": ["Läge", "Ansökningar", "Granska"],
    "/admin/internships/application/": ["Status", "Bedömning (1–5)"],
    "/admin/newsroom/newsletterissue/": ["Status", "Förlopp", "Förhandsvisning"],
    "/admin/newsroom/newsitem/": ["Synlighet", "Förhandsvisning"],
    "/admin/events/event/": ["Status", "Anmälda", "På väntelistan"],
    "/admin/events/registration/": ["Status", "Deltog"],
    "/admin/relations/project/": ["Status"],
    "/admin/relations/agreement/": ["Årets uppföljning", "Offentlig"],
}

# The headers whose right edge lies beyond the visible part of the results table.
OUT_OF_VIEW = """(() => {
  const results = document.querySelector('.results');
  const left = results.getBoundingClientRect().left;
  return [...results.querySelectorAll('thead th')]
    .filter(th => th.getBoundingClientRect().right - left > results.clientWidth + 2)
    .map(th => th.textContent.trim());
})()"""


def test_key_columns_and_the_visit_page_fit_at_1280_with_the_menu_open(
    live_server, page, django_user_model
):
    call_command("load_demo", verbosity=0)
    user = django_user_model.objects.create_superuser("bredd", "bredd@example.se")
    log_in(page, live_server, user, TOTPDevice.objects.create(user=user, confirmed=True))
    page.set_viewport_size({"width": 1280, "height": 900})
    problems = []
    for path, columns in KEY_COLUMNS.items():
        page.goto(live_server.url + path)
        assert page.locator("#nav-sidebar").is_visible()
        hidden = set(page.evaluate(OUT_OF_VIEW)) & set(columns)
        problems += [f"{path}: {column}" for column in sorted(hidden)]
    assert not problems, "out of view: " + ", ".join(problems)

    page.goto(live_server.url + "/admin/visits/visit/")
    page.locator("#result_list tbody th a").first.click()
    width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1]
