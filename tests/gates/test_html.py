"""The HTML gate: the Nu Html Checker finds no error on any page of the crawl."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import require
from tests.gates.crawl import sitemap_paths, staff_login_pages

pytestmark = pytest.mark.django_db

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(client, demo_content, tmp_path, django_user_model):
    require(shutil.which("java"), "Java is not installed (apt-get install default-jre-headless)")
    require(VNU_JAR.exists(), "the Nu Html Checker is not installed (npm ci)")

    contents = {path: client.get(path).content for path in sitemap_paths(client)}
    user = django_user_model.objects.create_user("gate", is_staff=True)
    client.force_login(user)
    contents.update(staff_login_pages(lambda path: client.get(path).content, user))

    pages = {}
    for number, (path, content) in enumerate(contents.items()):
        file = tmp_path / f"page-{number:04d}.html"
        file.write_bytes(content)
        pages[file.name] = path

    # One JVM for the whole folder: far faster than one start per page.
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{pages.get(Path(message.get('url', '')).name, message.get('url'))}:"
        f"{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
