"""What editors write (news, pages) to what visitors see: Markdown to sanitized HTML.

It runs once, when an item is saved, never per request.
"""

import re

import markdown
import nh3

from portal.media.embeds import expand_references

# What a body may contain after sanitizing. No images (they come from the image library by
# reference, with alt text: portal.media.embeds), no inline styles or scripts (the CSP
# forbids them anyway), ids only on headings (``## Ansökan {#applications}``: anchors other
# pages link to), where the layout has none to collide with.
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "blockquote", "pre", "code",
    "strong", "em", "b", "i", "abbr", "sub", "sup",
    "a", "table", "thead", "tbody", "tr", "th", "td", "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "abbr": {"title"},
    "th": {"scope"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_MARKDOWN_EXTENSIONS = ["tables", "sane_lists", "attr_list"]
# The page title is the page's one <h1>: a "# heading" in the body becomes an <h2>.
_TOP_HEADING = re.compile(r"<(/?)h1\b", re.IGNORECASE)


def render_markdown(text):
    """Markdown to HTML that is safe to show as is: headings, lists, links, emphasis and
    tables survive; scripts, event handlers and javascript: links do not."""
    html = markdown.markdown(text or "", extensions=_MARKDOWN_EXTENSIONS)
    html = _TOP_HEADING.sub(r"<\1h2", html)
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    # Images, documents and video cards from the library, placed by reference.
    return expand_references(html)
