"""The checks behind the accessibility and HTML gates, for every test that runs them."""

import json
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

from tests.conftest import require

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def axe_violations(page):
    """axe-core's WCAG 2.1 A/AA violations on the page that Playwright has open."""
    require(AXE.exists(), "axe-core is not installed (npm ci)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def html_errors(documents, folder):
    """The Nu Html Checker's errors in ``documents`` ({label: HTML}), checked in one JVM start."""
    require(shutil.which("java"), "Java is not installed (apt-get install default-jre-headless)")
    require(VNU_JAR.exists(), "the Nu Html Checker is not installed (npm ci)")
    labels = {}
    for number, (label, html) in enumerate(documents.items()):
        file = Path(folder) / f"page-{number:04d}.html"
        file.write_bytes(html if isinstance(html, bytes) else html.encode())
        labels[file.name] = label
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{labels.get(Path(message.get('url', '')).name, message.get('url'))}:"
        f"{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]
