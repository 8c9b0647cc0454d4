"""The English site has no Swedish left: names, abbreviations and URL segments in English."""

import re
from html.parser import HTMLParser

import pytest

from tests.gates.crawl import sitemap_paths

pytestmark = pytest.mark.django_db

# Swedish that has an English form on the English site. The region is "Region Västra
# Götaland" in English, as throughout the English catalogues.
SWEDISH = {
    "kalender.ics": re.compile(r"kalender\.ics"),
    "Göteborg": re.compile(r"Göteborg"),
    "Bryssel": re.compile(r"Bryssel"),
    "ReK (CoR)": re.compile(r"\bReK\b"),
    "GD Regio (DG REGIO)": re.compile(r"\bGD Regio\b", re.I),
    "Västra Götalandsregionen": re.compile(r"Västra Götalandsregionen"),
}


class VisibleText(HTMLParser):
    """The text a reader sees or hears (titles, labels, alt texts) and the links' addresses."""

    READ_ATTRIBUTES = ("href", "src", "alt", "title", "aria-label", "content", "action")

    def __init__(self):
        super().__init__()
        self.parts = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts += [value for name, value in attrs if name in self.READ_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def test_english_pages_have_no_swedish_names_or_url_segments(client, demo_content):
    paths = [path for path in sitemap_paths(client) if path.startswith("/en/")]
    assert len(paths) > 20
    problems = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = visible_text(response.content.decode())
        for word, pattern in SWEDISH.items():
            for match in pattern.finditer(text):
                line = text[max(0, match.start() - 60):match.end() + 40].replace("\n", " ")
                problems.append(f"{path}: {word}: …{line}…")
    assert not problems, "\n".join(problems)
