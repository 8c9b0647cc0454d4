"""The accessibility gate: axe-core finds no WCAG 2.1 A/AA violation on any page of the crawl."""


import pytest
from django.core.management import call_command
from django.test import Client

from tests.gates.checks import axe_violations
from tests.gates.crawl import sitemap_paths, staff_login_pages

# serialized_rollback: the pages written by the migrations are back for every test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]



def test_every_page_has_no_axe_violations(live_server, page):
    call_command("load_demo", verbosity=0)
    problems = []
    for path in sitemap_paths(Client()):
        page.goto(live_server.url + path)
        problems += [f"{path}: {violation}" for violation in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_staff_login_pages_have_no_axe_violations(live_server, page, django_user_model):
    user = django_user_model.objects.create_user("gate", is_staff=True)
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

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


def test_skip_link_moves_focus_to_main_content(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("document.activeElement.textContent") == "Hoppa till huvudinnehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
