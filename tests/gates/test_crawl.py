"""The crawl gate: every page in the sitemap, in both languages, is a well-formed page."""

from collections import defaultdict

import pytest

from tests.gates.crawl import (
    internal_path,
    page_facts,
    sitemap_files,
    sitemap_paths,
    staff_login_pages,
)

pytestmark = pytest.mark.django_db


def test_every_sitemap_page_is_complete(client, demo_content):
    paths = sitemap_paths(client)
    assert "/" in paths and "/en/" in paths

    problems = []
    titles = defaultdict(list)
    linked = set()
    for path in paths:
        response = client.get(path)
        if response.status_code != 200:
            problems.append(f"{path}: status {response.status_code}")
            continue
        facts = page_facts(response.content.decode())
        expected_lang = "en" if path.startswith("/en/") else "sv"
        if facts.lang != expected_lang:
            problems.append(f"{path}: lang={facts.lang!r}, expected {expected_lang!r}")
        if not facts.title:
            problems.append(f"{path}: empty <title>")
        titles[facts.title].append(path)
        if facts.h1_count != 1:
            problems.append(f"{path}: {facts.h1_count} h1 elements")
        if facts.hreflangs.get(expected_lang) != f"http://testserver{path}":
            problems.append(f"{path}: no hreflang={expected_lang} naming the page itself")
        if "x-default" not in facts.hreflangs:
            problems.append(f"{path}: no x-default hreflang")
        linked.update(filter(None, map(internal_path, facts.hreflangs.values())))
        linked.update(filter(None, map(internal_path, facts.links)))

    for path in sitemap_files(client):
        response = client.get(path)
        if response.status_code != 200 or response["Content-Type"].startswith("text/html"):
            problems.append(f"{path}: status {response.status_code}, {response['Content-Type']}")

    for title, pages in titles.items():
        if len(pages) > 1:
            problems.append(f"title {title!r} shared by {pages}")

    # Never a link to a page that does not exist: follow every internal link once.
    for path in sorted(linked - set(paths)):
        if path.startswith("/admin/"):
            continue
        status = client.get(path).status_code
        if status >= 400:
            problems.append(f"broken link to {path}: status {status}")

    assert not problems, "\n".join(problems)


def test_staff_login_pages_are_complete(client, django_user_model):
    user = django_user_model.objects.create_user("gate", is_staff=True)
    client.force_login(user)
    pages = staff_login_pages(lambda path: client.get(path), user)
    for path, response in pages.items():
        assert response.status_code == 200, path
        facts = page_facts(response.content.decode())
        assert facts.lang == "sv" and facts.title and facts.h1_count == 1, path
