"""The references editors type in a body text, and the HTML they become.

On a line of its own, ``[bild:12]`` becomes the image with its renditions and credit and
``[video:3]`` the video's link card; ``[dokument:5]``, anywhere in a paragraph, becomes a
link to the document with its type and size. The HTML is made in the current language, when
the text is saved, after the Markdown was sanitized (what is inserted here is the site's
own markup, which the sanitizer would strip).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.media.documents import Document
from portal.media.images import Image
from portal.media.videos import Video

HELP_TEXT = _(
    "Bilder och videor läggs in med sitt nummer på en egen rad: [bild:12], [video:3]. "
    "Länka till ett dokument var som helst i texten med [dokument:5]. Numren finns i "
    "bildbanken, videolistan och dokumentbanken."
)

REFERENCE = re.compile(r"\[(bild|video|dokument):(\d+)\]")
# A figure or a card cannot stand inside a paragraph: those references take the whole one.
BLOCK_REFERENCE = re.compile(r"<p>\[(bild|video):(\d+)\]</p>")
MODELS = {"bild": Image, "video": Video, "dokument": Document}


def _referenced(text, pattern):
    """Kind to the instances that ``text`` refers to by ``pattern``, by primary key."""
    wanted = {}
    for kind, number in pattern.findall(text or ""):
        wanted.setdefault(kind, set()).add(int(number))
    return {kind: MODELS[kind].objects.in_bulk(numbers) for kind, numbers in wanted.items()}


def validate_references(text):
    """Refuse a body text that refers to an image, video or document that does not exist."""
    found = _referenced(text, REFERENCE)
    missing = [
        f"[{kind}:{number}]"
        for kind, number in REFERENCE.findall(text or "")
        if int(number) not in found[kind]
    ]
    if missing:
        raise ValidationError(
            _("Det finns inget att visa för %(references)s. Kontrollera numret i bildbanken, "
              "videolistan eller dokumentbanken.") % {"references": ", ".join(missing)},
            code="missing_reference",
        )


def referenced_documents(text):
    """The documents that ``text`` links to."""
    return Document.objects.filter(
        pk__in={int(number) for kind, number in REFERENCE.findall(text or "") if kind == "dokument"}
    )


def document_link(document):
    return format_html(
        '<a href="{}"{}>{}</a> ({})',
        document.get_absolute_url(),
        format_html(' hreflang="{}"', document.language)
        if document.language != Document.Language.OTHER else "",
        document.display_title,
        document.file_label,
    )


def expand_references(html):
    """``html``, sanitized, with the references replaced by what they stand for; a
    reference to something that no longer exists stays as typed."""
    blocks = _referenced(html, BLOCK_REFERENCE)
    documents = referenced_documents(html).in_bulk()

    def block(match):
        kind, number = match.groups()
        found = blocks[kind].get(int(number))
        if found is None:
            return match.group(0)
        return found.figure_html() if kind == "bild" else found.card_html()

    def inline(match):
        kind, number = match.groups()
        document = documents.get(int(number)) if kind == "dokument" else None
        return match.group(0) if document is None else document_link(document)

    return REFERENCE.sub(inline, BLOCK_REFERENCE.sub(block, html))
