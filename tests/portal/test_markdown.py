"""What editors write, as visitors see it: sanitized Markdown (news and pages)."""

import pytest

from portal.markdown import render_markdown


def test_markdown_keeps_headings_lists_links_emphasis_and_tables():
    html = render_markdown(
        "## Bakgrund\n\n- ett\n- två\n\n1. först\n\n*kursiv* och **fet** "
        "[ESF-rådet](https://www.esf.se/)\n\n| Ort | Datum |\n| --- | --- |\n| Skövde | 30 maj |"
    )
    for fragment in ("<h2>Bakgrund</h2>", "<ul>", "<li>ett</li>", "<ol>", "<em>kursiv</em>",
                     "<strong>fet</strong>", '<a href="https://www.esf.se/"', "<table>",
                     "<th>Ort</th>", "<td>Skövde</td>"):
        assert fragment in html


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert('x')</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">klicka</a>',
        "[klicka](javascript:alert(1))",
        '<p onclick="alert(1)" style="color:red">text</p>',
        '<iframe src="https://evil.example"></iframe>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_markdown_never_lets_scripts_or_handlers_through(dangerous):
    html = render_markdown(f"Före\n\n{dangerous}\n\nEfter")
    lowered = html.lower()
    for forbidden in ("<script", "onerror", "onclick", "javascript:", "<iframe", "style=",
                      "<img", "<svg"):
        assert forbidden not in lowered
    assert "Före" in html and "Efter" in html


def test_a_top_level_heading_in_the_body_never_competes_with_the_page_title():
    assert render_markdown("# Rubrik") == "<h2>Rubrik</h2>"


def test_a_heading_may_carry_an_anchor_that_other_pages_link_to():
    html = render_markdown(
        '## Ansökan om praktik {#applications}\n\n[Digg](https://www.digg.se/){: hreflang="sv"}'
    )
    assert '<h2 id="applications">Ansökan om praktik</h2>' in html
    assert 'hreflang="sv"' in html
    elsewhere = render_markdown('Text {#main}\n\n[a](https://example.se/){: id="main" class="x"}')
    assert "id=" not in elsewhere
    assert "class=" not in elsewhere
