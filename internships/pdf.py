"""Applicants' PDFs are checked by what they contain, never by their name or declared type.

Staff open these files, so a CV may hold nothing that acts: no script, no action that
launches a program, sends a form or opens another file, and no embedded file. An
``/OpenAction`` that only shows a page, as word processors write, is fine. The check walks
every object reachable from the trailer, and unpacks compressed streams only up to a total
(``MAX_UNPACKED_SIZE``), a chunk at a time, so a compression bomb costs bounded time and memory.
"""

import logging
import zlib

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

MAX_FILE_SIZE = 5 * 1024 * 1024
PDF_SIGNATURE = b"%PDF-"

# A scanned A4 page at 300 dpi in colour is about 26 MB unpacked: room for about ten.
MAX_UNPACKED_SIZE = 256 * 1024 * 1024
MAX_OBJECTS = 100_000
UNPACK_CHUNK = 1024 * 1024

# Actions that run a script or a program, send data, or open another file.
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/GoToR", "/GoToE", "/ImportData"}
# Keys that carry scripts or files: a script of the document or of an action, embedded files.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EF"}
FLATE_FILTERS = {"/FlateDecode", "/Fl"}

logger = logging.getLogger("portal")

REFUSALS = {
    "active_content": _(
        "Filen innehåller aktivt innehåll (skript, automatiska åtgärder eller bifogade "
        "filer). Spara den som pdf utan aktivt innehåll, till exempel med Skriv ut → Spara "
        "som pdf, och försök igen."
    ),
    "too_much_content": _(
        "Filen packas upp till mer än vi kan granska. Spara den som pdf på nytt, med "
        "mindre bilder, och försök igen."
    ),
}


def validate_pdf(upload):
    """Refuse a file over the size limit, without the PDF signature, that does not parse,
    with active content, or that unpacks to more than ``MAX_UNPACKED_SIZE``."""
    if upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            _("Filen är för stor (%(size)s). Den får vara högst %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_FILE_SIZE)},
            code="too_large",
        )
    upload.seek(0)
    signature = upload.read(len(PDF_SIGNATURE))
    upload.seek(0)
    if signature != PDF_SIGNATURE:
        raise ValidationError(_("Filen är inte en pdf-fil."), code="not_pdf")
    try:
        reader = PdfReader(upload)
        if len(reader.pages) < 1:
            raise ValueError("no pages")
        refusal = content_refusal(reader)
    except Exception as error:  # noqa: BLE001 - any parse failure means: not a usable PDF
        logger.info("Upload refused, not a readable PDF: %s", error)
        raise ValidationError(
            _("Filen går inte att läsa som pdf. Spara den som pdf på nytt och försök igen."),
            code="unreadable_pdf",
        ) from None
    finally:
        upload.seek(0)
    if refusal:
        logger.info("Upload refused: %s", refusal)
        raise ValidationError(REFUSALS[refusal], code=refusal)


def content_refusal(reader):
    """ "active_content", "too_much_content", or None for a PDF that may be kept."""
    unpacked = 0
    for dictionary in reachable_dictionaries(reader):
        if ACTIVE_KEYS & dictionary.keys() or dictionary.get("/S") in ACTIVE_ACTIONS:
            return "active_content"
        if isinstance(dictionary, StreamObject):
            unpacked += unpacked_size(dictionary, MAX_UNPACKED_SIZE - unpacked)
            if unpacked > MAX_UNPACKED_SIZE:
                return "too_much_content"
    return None


def reachable_dictionaries(reader):
    """Every dictionary (streams included) reachable from the trailer, each object once."""
    seen = set()
    pending = [reader.trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            if len(seen) > MAX_OBJECTS:
                raise ValueError("too many objects")
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            yield item
            pending.extend(dict.values(item))
        elif isinstance(item, ArrayObject):
            pending.extend(list.__iter__(item))


def unpacked_size(stream, budget):
    """The stream's size once inflated, counted a chunk at a time up to just past ``budget``."""
    filters = stream.get("/Filter")
    first = filters[0] if isinstance(filters, ArrayObject) and filters else filters
    data = stream._data
    if first not in FLATE_FILTERS:
        return len(data)
    inflater = zlib.decompressobj()
    size = 0
    try:
        while data and size <= budget:
            size += len(inflater.decompress(data, UNPACK_CHUNK))
            data = inflater.unconsumed_tail
    except zlib.error:
        pass  # a damaged stream stops here; pypdf reads what it can of it too
    return size
