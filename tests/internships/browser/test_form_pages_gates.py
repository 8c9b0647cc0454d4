"""The gates (axe, Nu Html Checker) on the internship pages the sitemap does not list."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from internships import services
from internships.factories import ApplicationFactory
from tests.conftest import require
from tests.gates.test_accessibility import AXE, axe_violations
from tests.gates.test_html import VNU_JAR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def form_pages(call, closed_call):
    """Each page as (path, POST data or None)."""
    application = ApplicationFactory(call=call)
    token = services.withdraw_token(application)
    pages = []
    for language in ("sv", "en"):
        with translation.override(language):
            pages += [
                (reverse("internships:apply", args=[call.slug]), None),
                (reverse("internships:apply", args=[call.slug]), {"first_name": "Elin"}),
                (reverse("internships:apply", args=[closed_call.slug]), None),
                (
                    reverse(
                        "internships:receipt", args=[services.receipt_token(call, "PRK-2027-0001")]
                    ),
                    None,
                ),
                (reverse("internships:withdraw", args=[token]), None),
                (reverse("internships:withdraw", args=["forged"]), None),
            ]
    return pages


def fetch(client, path, data):
    if data is None:
        return client.get(path).content.decode()
    html = client.get(path).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    return client.post(path, {**data, "form_token": token}).content.decode()


def test_form_pages_have_no_axe_violations(live_server, page, open_call, closed_call):
    require(AXE.exists(), "axe-core is not installed (npm ci)")
    client = Client()
    problems = []
    for path, data in form_pages(open_call, closed_call):
        page.set_content("")
        page.goto(live_server.url + "/")
        page.set_content(fetch(client, path, data))
        problems += [f"{path} {data or ''}: {v}" for v in axe_violations(page)]
    assert not problems, "\n".join(problems)


def test_form_pages_are_valid_html(open_call, closed_call, tmp_path):
    require(shutil.which("java"), "Java is not installed (apt-get install default-jre-headless)")
    require(VNU_JAR.exists(), "the Nu Html Checker is not installed (npm ci)")
    client = Client()
    folder = tmp_path / "pages"  # tmp_path also holds the private storage's files
    folder.mkdir()
    names = {}
    for number, (path, data) in enumerate(form_pages(open_call, closed_call)):
        file = folder / f"page-{number:02d}.html"
        file.write_text(fetch(client, path, data), encoding="utf-8")
        names[file.name] = f"{path} {data or ''}"
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{names.get(Path(m.get('url', '')).name)}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
