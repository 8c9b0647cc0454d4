"""Applicants' PDFs are checked by what they contain, never by their name or declared type."""

import logging

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

MAX_FILE_SIZE = 5 * 1024 * 1024
PDF_SIGNATURE = b"%PDF-"

logger = logging.getLogger("portal")


def validate_pdf(upload):
    """Refuse a file over the size limit, without the PDF signature, or that does not parse."""
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
    except Exception as error:  # noqa: BLE001 - any parse failure means: not a usable PDF
        logger.info("Upload refused, not a readable PDF: %s", error)
        raise ValidationError(
            _("Filen går inte att läsa som pdf. Spara den som pdf på nytt och försök igen."),
            code="unreadable_pdf",
        ) from None
    finally:
        upload.seek(0)


def minimal_pdf(lines):
    """A small valid one-page PDF showing ``lines`` of text (demo CVs and tests)."""
    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text_ops = ["BT", "/F1 12 Tf", "72 770 Td", "16 TL"]
    for line in lines:
        encoded = escape(line).encode("latin-1", "replace").decode("latin-1")
        text_ops.append(f"({encoded}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        output += b"%010d 00000 n \n" % offset
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(output)
