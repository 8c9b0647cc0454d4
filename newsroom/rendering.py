"""Turning what editors write into what visitors see: Markdown to sanitized HTML, and
uploaded photos to a web-sized rendition.

Both run once, when an item is saved, never per request.
"""

import io
import re

import markdown
import nh3
from PIL import Image, ImageOps

# What a news body may contain after sanitizing. No images (they come through the image
# field, with alt text), no inline styles or scripts (the CSP forbids them anyway), no ids
# (they could collide with the layout's).
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "blockquote", "pre", "code",
    "strong", "em", "b", "i", "abbr", "sub", "sup",
    "a", "table", "thead", "tbody", "tr", "th", "td", "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "th": {"scope"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_MARKDOWN_EXTENSIONS = ["tables", "sane_lists"]
# The page title is the page's one <h1>: a "# heading" in the body becomes an <h2>.
_TOP_HEADING = re.compile(r"<(/?)h1\b", re.IGNORECASE)


def render_markdown(text):
    """Markdown to HTML that is safe to show as is: headings, lists, links, emphasis and
    tables survive; scripts, event handlers and javascript: links do not."""
    html = markdown.markdown(text or "", extensions=_MARKDOWN_EXTENSIONS)
    html = _TOP_HEADING.sub(r"<\1h2", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


RENDITION_MAX_WIDTH = 1200
RENDITION_QUALITY = 82


def make_rendition(source, max_width=RENDITION_MAX_WIDTH):
    """A JPEG at most ``max_width`` pixels wide, upright, without metadata.

    Returns ``(bytes, width, height)``. The EXIF data of a phone photo (place, device)
    is dropped on the way, which the public page does not need to carry.
    """
    source.seek(0)
    with Image.open(source) as original:
        image = ImageOps.exif_transpose(original)
        if image.mode not in ("RGB", "L"):
            # Transparent PNGs get a white background rather than a black one.
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        if image.width > max_width:
            height = round(image.height * max_width / image.width)
            image = image.resize((max_width, height), Image.Resampling.LANCZOS)
        output = io.BytesIO()
        image.convert("RGB").save(output, "JPEG", quality=RENDITION_QUALITY, optimize=True)
    source.seek(0)
    return output.getvalue(), image.width, image.height
