"""The public shell: home, static pages, languages, error pages and well-known URLs."""

from unittest import mock

import pytest
from django.db import DatabaseError, OperationalError

from tests.gates.crawl import page_facts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("swedish", "english"),
    [
        ("/", "/en/"),
        ("/om-oss/", "/en/about/"),
        ("/tillganglighet/", "/en/accessibility/"),
        ("/personuppgifter/", "/en/personal-data/"),
        ("/kontakt/", "/en/contact/"),
    ],
)
def test_pages_exist_in_both_languages_and_name_each_other(client, swedish, english):
    sv = page_facts(client.get(swedish).content.decode())
    en = page_facts(client.get(english).content.decode())
    assert (sv.lang, en.lang) == ("sv", "en")
    for facts in (sv, en):
        assert facts.hreflangs == {
            "sv": f"http://testserver{swedish}",
            "en": f"http://testserver{english}",
            "x-default": f"http://testserver{swedish}",
        }
    # The language switcher is a plain link to the same page in the other language.
    assert f"http://testserver{english}" in sv.links
    assert f"http://testserver{swedish}" in en.links


def test_layout_has_skip_link_landmarks_and_footer_links(client, demo_content):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'href="/tillganglighet/"' in html
    assert 'href="/personuppgifter/"' in html
    for office in ("Göteborg", "Bryssel", "Stockholm"):
        assert office in html


def test_accessibility_statement_has_what_the_supervisory_authority_requires(client):
    html = client.get("/tillganglighet/").content.decode()
    assert "delvis förenlig med lagen om tillgänglighet till digital offentlig service" in html
    assert "https://www.digg.se/tdosanmalan" in html
    assert "Rapportera brister" in html
    assert "uppdaterades senast" in html


def test_unknown_url_gets_the_404_page_in_the_visitors_language(client):
    sv = client.get("/finns-inte/")
    en = client.get("/en/does-not-exist/")
    assert sv.status_code == en.status_code == 404
    assert "Sidan finns inte" in sv.content.decode()
    en_facts = page_facts(en.content.decode())
    assert en_facts.lang == "en"
    assert "Page not found" in en.content.decode()
    assert en_facts.hreflangs == {}


def test_robots_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_healthz_says_whether_the_database_answers(client):
    assert client.get("/healthz").status_code == 200
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError):
        response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.parametrize("path", ["/besok/begar-besok/", "/nyheter/nyhetsbrev/prenumerera/"])
def test_a_page_linking_to_a_page_by_key_answers_503_while_the_database_is_away(client, path):
    # Found by `make chaos`: during a PostgreSQL restart these forms answered 500, since the
    # menus' fallback (no pages) made the link to the privacy page a missing page.
    client.raise_request_exception = False
    failing = OperationalError("the database system is shutting down")
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=failing):
        response = client.get(path)
    assert response.status_code == 503
    assert client.get(path).status_code == 200


def test_sitemap_lists_static_pages_in_both_languages(client):
    from tests.gates.crawl import sitemap_paths

    paths = sitemap_paths(client)
    for path in ("/", "/en/", "/om-oss/", "/en/about/", "/kontakt/", "/en/contact/"):
        assert path in paths


def test_security_headers(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_templates_carry_no_inline_script_style_or_handler():
    import re
    from pathlib import Path

    from django.conf import settings

    forbidden = re.compile(r'style="|<script>|<script [^>]*>[^<]|\son[a-z]+="')
    offenders = []
    base = Path(settings.BASE_DIR)
    for template in [*base.glob("templates/**/*.html"), *base.glob("*/templates/**/*.html")]:
        text = template.read_text()
        if "application/ld+json" in text:
            text = re.sub(r'<script type="application/ld\+json">.*?</script>', "", text, flags=re.S)
        if forbidden.search(text):
            offenders.append(str(template))
    assert not offenders


def test_permissions_policy_switches_off_unused_features(client):
    policy = client.get("/")["Permissions-Policy"]
    assert "camera=()" in policy
    assert "geolocation=()" in policy


def test_security_txt_names_a_contact_and_a_near_expiry(client):
    import datetime

    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"].startswith("mailto:")
    expires = datetime.datetime.fromisoformat(fields["Expires"])
    days_left = (expires - datetime.datetime.now(datetime.UTC)).days
    assert 0 < days_left < 365
    assert fields["Canonical"].endswith("/.well-known/security.txt")


def test_the_icons_are_at_their_conventional_addresses(client):
    from io import BytesIO

    from PIL import Image

    for path, kind, size in (
        ("/favicon.ico", "ICO", (48, 48)),
        ("/apple-touch-icon.png", "PNG", (180, 180)),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        image = Image.open(BytesIO(b"".join(response.streaming_content)))
        assert (image.format, image.size) == (kind, size)
    home = client.get("/").content.decode()
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in home
