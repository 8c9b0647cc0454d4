"""The back office as a whole: the same way home from every page, one link to each page."""

import re
from collections import Counter

import pytest
from django.contrib import admin
from django.test import RequestFactory

from tests.gates.crawl import admin_paths

pytestmark = pytest.mark.django_db


def test_every_admin_page_leads_home_through_hem(staff_client, demo_content):
    client = staff_client()
    request = RequestFactory().get("/admin/")
    request.user = client.user
    homes = {}
    for path in admin_paths(admin.site, request):
        html = client.get(path).content.decode()
        crumbs = re.search(r'<div class="breadcrumbs">\s*<a href="/admin/">([^<]+)</a>', html)
        if crumbs:
            homes[path] = crumbs.group(1)
    assert len(homes) > 60
    assert {path: home for path, home in homes.items() if home != "Hem"} == {}


def test_the_admin_index_links_each_page_once(staff_client):
    html = staff_client().get("/admin/").content.decode()
    links = Counter(re.findall(r'<a href="(/admin/[^"]+)"', html))
    assert links["/admin/auditlog/logentry/"] == 1
    assert {href: count for href, count in links.items() if count > 1} == {}


def test_the_admin_names_third_party_apps_and_models_in_swedish(staff_client):
    html = staff_client().get("/admin/").content.decode()
    for english in ("Axes", "Otp_Totp", "Otp_Static", "Tasks Database Backend", "Audit log",
                    "Access attempts", "TOTP devices", "Static devices", "Task Results"):
        assert english not in html, english
    for swedish in ("Inloggningsförsök", "Granskningslogg", "Autentiseringsappar",
                    "Bakgrundsjobb"):
        assert swedish in html, swedish
