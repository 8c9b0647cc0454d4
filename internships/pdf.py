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

