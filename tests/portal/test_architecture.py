"""The dependency picture (DESIGN.md, section 2), read from the imports of every module.

``portal/`` and ``config/`` never import a content app: the site finds what the apps
contribute through ``config/registry.py`` and their hook modules. A content app imports
``portal/`` and ``relations/`` (the shared vocabulary), and only ``newsroom/`` imports other
content apps (its related visits, calls and events). ``bench/`` may import anything. Tests
and migrations are not checked. Imports inside functions count as much as those at the top;
a dotted path in a string (``include("visits.urls")``, ``INSTALLED_APPS``) is not an import.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SITE = {"portal", "config"}
CONTENT_APPS = {"relations", "visits", "newsroom", "internships", "events"}
# What a content app may import of the project, besides itself.
SHARED = {"portal", "relations"}
NEWSROOM_ALSO = {"visits", "internships", "events"}
UNCHECKED = {"bench", "tests"}


def project_packages():
    return {path.parent.name for path in ROOT.glob("*/__init__.py")} | CONTENT_APPS


def forbidden_for(package):
    """The project's packages that modules of ``package`` must not import."""
    if package in SITE:
        return CONTENT_APPS
    if package in CONTENT_APPS:
        allowed = {package} | SHARED | (NEWSROOM_ALSO if package == "newsroom" else set())
        return project_packages() - allowed
    return set()


def imported_packages(package, tree):
    """(line, top-level package) for every import in ``tree``, a module of ``package``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.partition(".")[0]
        elif isinstance(node, ast.ImportFrom):
            # A relative import stays inside the module's own package.
            yield node.lineno, package if node.level else node.module.partition(".")[0]


def violations(package, source, filename="<source>"):
    forbidden = forbidden_for(package)
    return [
        f"{filename}:{line} imports {imported}"
        for line, imported in imported_packages(package, ast.parse(source, filename))
        if imported in forbidden
    ]


def checked_modules():
    for package in sorted(project_packages() - UNCHECKED):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield package, path


def test_every_package_has_a_place_in_the_picture():
    assert project_packages() <= SITE | CONTENT_APPS | UNCHECKED


def test_the_site_and_the_apps_import_only_what_the_picture_allows():
    found = [
        violation
        for package, path in checked_modules()
        for violation in violations(
            package, path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        )
    ]
    assert found == []


def test_the_check_reads_every_app():
    packages = {package for package, _path in checked_modules()}
    assert packages >= SITE | {"relations", "visits", "newsroom", "internships"}


@pytest.mark.parametrize(
    ("package", "source"),
    [
        ("portal", "from visits.models import Visit"),
        ("config", "import newsroom.feeds"),
        ("portal", "def later():\n    from events import models"),
        ("visits", "from newsroom.models import NewsItem"),
        ("internships", "import visits"),
        ("relations", "from visits.models import Visit"),
        ("relations", "from bench import pages"),
        ("visits", "from config.registry import app_modules"),
    ],
)
def test_a_forbidden_import_is_found(package, source):
    assert violations(package, source)


@pytest.mark.parametrize(
    ("package", "source"),
    [
        ("portal", "from config.registry import app_modules"),
        ("config", 'urls = [path("besok/", include("visits.urls"))]'),
        ("visits", "from relations.models import Organisation\nfrom portal import dates"),
        ("visits", "from . import services"),
        ("newsroom", "from visits.models import Visit\nfrom internships.models import Call"),
        ("bench", "from newsroom.models import NewsItem"),
    ],
)
def test_an_allowed_import_passes(package, source):
    assert violations(package, source) == []
