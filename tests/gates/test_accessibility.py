"""The accessibility gate: axe-core finds no WCAG 2.1 A/AA violation on any page of the crawl."""


import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client, RequestFactory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import staff_sessions
from tests.gates.checks import axe_violations
from tests.gates.crawl import admin_paths, sitemap_paths, staff_login_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]



def test_every_page_has_no_axe_violations(live_server, page):
    call_command("load_demo", verbosity=0)
    problems = []
    for path in sitemap_paths(Client()):
        page.goto(live_server.url + path)
        problems += [f"{path}: {violation}" for violation in axe_violations(page)]
    assert not problems, "\n".join(problems)


def log_in(page, live_server, user, device=None):
    """Give the browser a session of ``user``, having passed ``device`` if one is given."""
    client = Client()
    client.force_login(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        staff_sessions.record_code_in(session)
        session.save()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_staff_login_pages_have_no_axe_violations(live_server, page, django_user_model):
    user = django_user_model.objects.create_user("gate", is_staff=True)
    log_in(page, live_server, user)

    def violations_at(path):
        page.goto(live_server.url + path)
        assert page.url == live_server.url + path, f"{path} redirected to {page.url}"
        return axe_violations(page)

    problems = [
        f"{path}: {violation}"
        for path, found in staff_login_pages(violations_at, user).items()
        for violation in found
    ]
    assert not problems, "\n".join(problems)


def test_every_admin_page_has_no_axe_violations(live_server, page, django_user_model):
    call_command("load_demo", verbosity=0)
    user = django_user_model.objects.create_superuser("gate", "gate@example.se")
    log_in(page, live_server, user, TOTPDevice.objects.create(user=user, confirmed=True))
    request = RequestFactory().get("/admin/")
    request.user = user
    problems = []
    for path in admin_paths(admin.site, request):
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{path} answers {response.status}"
        problems += [f"{path}: {violation}" for violation in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_skip_link_moves_focus_to_main_content(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("document.activeElement.textContent") == "Hoppa till huvudinnehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
