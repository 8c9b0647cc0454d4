"""Documents: position papers, consultation responses, presentations, published as files.

A document is checked by what it contains, not by its name: a ``.pdf`` must start as a PDF,
Word, Excel and PowerPoint files must be the zip package (or the older compound file) of
their kind, OpenDocument files must name their kind inside. The file is kept in the private
storage and served by a view, and only while something public refers to it.

Apps attach documents to their own models (``documents = ManyToManyField("portal.Document",
blank=True)``); a document is public when any public object refers to it, which each such
model's default manager says by offering ``public()`` (checked at startup).
"""

import logging
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from portal.media.images import RandomName, private_storage
from portal.search_index import SearchIndexed

logger = logging.getLogger("portal")

PDF_SIGNATURE = b"%PDF-"
# Word, Excel and PowerPoint before 2007 (.doc, .xls, .ppt) are OLE2 compound files.
COMPOUND_FILE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")


def _is_pdf(file):
    return _head(file, len(PDF_SIGNATURE)) == PDF_SIGNATURE


def _is_compound_file(file):
    return _head(file, len(COMPOUND_FILE_SIGNATURE)) == COMPOUND_FILE_SIGNATURE


def _ooxml(main_part):
    """Office Open XML (.docx …): a zip package with content types and its main part."""

    def check(file):
        names = _zip_names(file)
        return "[Content_Types].xml" in names and main_part in names

    return check


def _opendocument(mimetype):
    """OpenDocument (.odt …): a zip whose ``mimetype`` member names the kind."""

    def check(file):
        if "mimetype" not in _zip_names(file):
            return False
        with zipfile.ZipFile(file) as package, package.open("mimetype") as member:
            return member.read(len(mimetype) + 1).strip() == mimetype.encode()

    return check


def _head(file, length):
    file.seek(0)
    head = file.read(length)
    file.seek(0)
    return head


def _zip_names(file):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as package:
            return set(package.namelist())
    except zipfile.BadZipFile:
        return set()
    finally:
        file.seek(0)


# Extension: (what the file is called in messages, content check, media type).
KINDS = {
    "pdf": (_("pdf"), _is_pdf, "application/pdf"),
    "docx": (_("Word-fil"), _ooxml("word/document.xml"),
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (_("Excel-fil"), _ooxml("xl/workbook.xml"),
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (_("PowerPoint-fil"), _ooxml("ppt/presentation.xml"),
             "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "doc": (_("Word-fil"), _is_compound_file, "application/msword"),
    "xls": (_("Excel-fil"), _is_compound_file, "application/vnd.ms-excel"),
    "ppt": (_("PowerPoint-fil"), _is_compound_file, "application/vnd.ms-powerpoint"),
    "odt": (_("OpenDocument-text"), _opendocument("application/vnd.oasis.opendocument.text"),
            "application/vnd.oasis.opendocument.text"),
    "ods": (_("OpenDocument-kalkylblad"),
            _opendocument("application/vnd.oasis.opendocument.spreadsheet"),
            "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": (_("OpenDocument-presentation"),
            _opendocument("application/vnd.oasis.opendocument.presentation"),
            "application/vnd.oasis.opendocument.presentation"),
}


def human_size(size):
    """A file size as people read it beside a link: "240 kB", "1,2 MB", "12 MB"."""
    kilobytes = size / 1024
    if kilobytes < 1024:
        return f"{max(1, round(kilobytes))} kB"
    megabytes = kilobytes / 1024
    if megabytes < 10:
        return f"{formats.number_format(round(megabytes, 1), 1)} MB"
    return f"{round(megabytes)} MB"


def extension_of(name):
    return PurePosixPath(name).suffix.lower().lstrip(".")


# How much of a PDF the search reads: the first pages say what it is about.
PDF_TEXT_PAGES = 30
PDF_TEXT_CHARACTERS = 50_000


def pdf_text(file):
    """The text of the first pages of a PDF, or "" when it has none or cannot be read."""
    try:
        file.seek(0)
        reader = PdfReader(file)
        text = " ".join(
            page.extract_text() or "" for page in reader.pages[:PDF_TEXT_PAGES]
        )
    except Exception:  # a damaged or unusual PDF is still a document, only not searchable
        logger.warning("Could not read the text of the PDF %s", file.name, exc_info=True)
        text = ""
    finally:
        file.seek(0)
    return " ".join(text.split())[:PDF_TEXT_CHARACTERS]


def validate_document_file(value):
    """Refuse a new upload over DOCUMENT_MAX_BYTES, of a kind not published, or whose
    content is not what its name says. A file already stored was checked when it came."""
    if getattr(value, "_committed", False):
        return
    if value.size > settings.DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("Filen är %(size)s, största tillåtna är %(limit)s.")
            % {"size": human_size(value.size), "limit": human_size(settings.DOCUMENT_MAX_BYTES)},
            code="too_large",
        )
    extension = extension_of(value.name)
    if extension not in KINDS:
        raise ValidationError(
            _("Filer som slutar på .%(extension)s kan inte publiceras. Tillåtna är pdf, "
              "Word, Excel, PowerPoint och OpenDocument (%(extensions)s).")
            % {"extension": extension, "extensions": ", ".join(f".{e}" for e in KINDS)},
            code="kind",
        )
    label, is_kind, _media_type = KINDS[extension]
    if not is_kind(value.file):
        raise ValidationError(
            _("Filen är inte en %(kind)s fast namnet slutar på .%(extension)s.")
            % {"kind": label, "extension": extension},
            code="content",
        )


class DocumentQuerySet(models.QuerySet):
    def public(self):
        """Documents that a public object refers to (a published news item, a public
        visit …); those attached only to drafts or internal things are not."""
        condition = Q(pk__in=[])
        for relation in document_relations():
            referring = relation.related_model._default_manager.public()
            condition |= Q(pk__in=attachments(relation, referring))
        return self.filter(condition)

    def inaccessible(self):
        return self.public().filter(is_accessible=False)


def attachments(relation, referring):
    """The documents ``referring`` objects refer to through ``relation``, as a subquery.

    A many-to-many relation is read from its link table, which holds only the attachments,
    each checked against ``referring`` by key: read from the other side, the subquery went
    through every public news item of the archive to find the few with a document.
    """
    if not relation.many_to_many:
        return referring.values(relation.field.name)
    field = relation.field
    return relation.through._default_manager.filter(
        **{f"{field.m2m_field_name()}__in": referring}
    ).values(field.m2m_reverse_field_name())


def document_relations():
    """The relations of other models to documents (the apps' ``documents`` fields)."""
    return [
        relation for relation in Document._meta.related_objects
        if relation.many_to_many or relation.many_to_one
    ]


class Document(SearchIndexed):
    """A published file, linked in body texts by ``[dokument:<number>]`` and listed on the
    pages of what it is attached to."""

    class Language(models.TextChoices):
        SWEDISH = "sv", _("svenska")
        ENGLISH = "en", _("engelska")
        OTHER = "other", _("annat språk")

    file = models.FileField(
        _("fil"),
        storage=private_storage,
        upload_to=RandomName("documents"),
        validators=[validate_document_file],
        help_text=_("Pdf, Word, Excel, PowerPoint eller OpenDocument."),
    )
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel på engelska"), max_length=200, blank=True)
    description = models.TextField(_("beskrivning"), blank=True)
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)
    language = models.CharField(
        _("dokumentets språk"), max_length=5, choices=Language.choices, default=Language.SWEDISH
    )
    date = models.DateField(_("datum"), default=timezone.localdate)
    is_accessible = models.BooleanField(
        _("tillgängligt"),
        default=False,
        help_text=_(
            "Kryssa i när dokumentet uppfyller kraven på tillgänglighet (taggad pdf med "
            "rubriker, alternativtexter och läsordning). Dokument som inte gör det listas i "
            "tillgänglighetsredogörelsen."
        ),
    )
    # A PDF's words, for the site search; filled on upload.
    text = models.TextField(_("text ur filen"), editable=False, blank=True)
    extension = models.CharField(max_length=5, editable=False)
    size = models.PositiveBigIntegerField(editable=False, default=0)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.extension = extension_of(self.file.name)
            self.size = self.file.size
            self.text = pdf_text(self.file) if self.extension == "pdf" else ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "document", kwargs={"pk": self.pk, "slug": self.slug, "extension": self.extension}
        )

    @property
    def reference(self):
        return f"[dokument:{self.pk}]"

    @property
    def display_title(self):
        if translation.get_language() == "en" and self.title_en:
            return self.title_en
        return self.title

    @property
    def display_description(self):
        if translation.get_language() == "en" and self.description_en:
            return self.description_en
        return self.description

    @property
    def slug(self):
        return slugify(self.display_title) or "dokument"

    @property
    def media_type(self):
        return KINDS[self.extension][2]

    @property
    def file_label(self):
        """What is shown beside every link to the document: "pdf, 240 kB"."""
        return f"{self.extension}, {human_size(self.size)}"


@checks.register(checks.Tags.models)
def check_document_relations(app_configs=None, **kwargs):
    """Whether a document is public is asked of what refers to it: each model that does
    must say what of it is public."""
    return [
        checks.Error(
            f"{relation.related_model._meta.label} refers to portal.Document but its default "
            "manager has no public() method.",
            hint="Add public() to the model's QuerySet: what the public may see.",
            obj=relation.related_model,
            id="portal.E001",
        )
        for relation in document_relations()
        if not hasattr(relation.related_model._default_manager, "public")
    ]
