"""Applicants' PDFs: active content and compression bombs are refused, plain files pass."""

import io
import time
import tracemalloc
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

from internships.pdf import MAX_UNPACKED_SIZE, validate_pdf
from internships.samples import minimal_pdf

ACTIVE_CONTENT_ADVICE = "Spara den som pdf utan aktivt innehåll"


def upload(content):
    return SimpleUploadedFile("cv.pdf", content, content_type="application/pdf")


def written(writer):
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def one_page():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    return writer


def action(kind, **entries):
    return DictionaryObject(
        {NameObject("/S"): NameObject(kind)}
        | {NameObject(f"/{key}"): value for key, value in entries.items()}
    )


def with_open_action(value, *, indirect=False):
    writer = one_page()
    if indirect:
        value = writer._add_object(value)
    writer._root_object[NameObject("/OpenAction")] = value
    return written(writer)


def with_page_action(value):
    writer = one_page()
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): value})
    return written(writer)


def document_javascript():
    """A script in the document's /Names tree, run when the file opens."""
    writer = one_page()
    script = writer._add_object(action("/JavaScript", JS=TextStringObject("app.alert('hej');")))
    names = ArrayObject([TextStringObject("hej"), script])
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): DictionaryObject({NameObject("/Names"): names})}
    )
    return written(writer)


def embedded_file():
    writer = one_page()
    writer.add_attachment("program.exe", b"MZ\x90\x00")
    return written(writer)


ACTIVE = {
    "document JavaScript": document_javascript,
    "JavaScript on opening": lambda: with_open_action(
        action("/JavaScript", JS=TextStringObject("app.alert(1)"))
    ),
    "Launch on opening, indirect": lambda: with_open_action(
        action("/Launch", F=TextStringObject("cmd.exe")), indirect=True
    ),
    "SubmitForm when a page opens": lambda: with_page_action(
        action("/SubmitForm", F=TextStringObject("https://example.com/"))
    ),
    "GoToR when a page opens": lambda: with_page_action(
        action("/GoToR", F=TextStringObject("other.pdf"), D=ArrayObject())
    ),
    "embedded file": embedded_file,
}


@pytest.mark.parametrize("make", ACTIVE.values(), ids=ACTIVE.keys())
def test_a_pdf_with_active_content_is_refused_with_advice(make):
    with pytest.raises(ValidationError) as refused:
        validate_pdf(upload(make()))
    assert refused.value.code == "active_content"
    assert ACTIVE_CONTENT_ADVICE in refused.value.messages[0]


def test_an_open_action_that_only_opens_a_page_is_accepted():
    writer = one_page()
    page = writer.pages[0].indirect_reference
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([page, NameObject("/Fit")])
    validate_pdf(upload(written(writer)))


def test_a_goto_action_on_opening_is_accepted():
    writer = one_page()
    page = writer.pages[0].indirect_reference
    writer._root_object[NameObject("/OpenAction")] = action(
        "/GoTo", D=ArrayObject([page, NameObject("/Fit")])
    )
    validate_pdf(upload(written(writer)))


@pytest.mark.parametrize(
    "content",
    [minimal_pdf(["Elin Ek", "CV"]), written(one_page())],
    ids=["hand-written", "pypdf"],
)
def test_plain_pdfs_are_accepted(content):
    validate_pdf(upload(content))


def compression_bomb(megabytes):
    packer = zlib.compressobj(9)
    zeros = bytes(1024 * 1024)
    packed = b"".join(packer.compress(zeros) for _megabyte in range(megabytes)) + packer.flush()
    writer = one_page()
    stream = StreamObject()
    stream.set_data(b"")
    stream._data = packed
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    writer.pages[0][NameObject("/Contents")] = writer._add_object(stream)
    return written(writer)


def test_a_compression_bomb_is_refused_in_bounded_time_and_memory():
    # Zeros past MAX_UNPACKED_SIZE, packed into a few hundred kilobytes.
    bomb = upload(compression_bomb(MAX_UNPACKED_SIZE // 2**20 + 32))
    assert bomb.size < 5 * 1024 * 1024
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(ValidationError) as refused:
            validate_pdf(bomb)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 64 * 1024 * 1024
    assert refused.value.code == "too_much_content"
