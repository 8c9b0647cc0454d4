"""Documents: checked by content, served only while something public refers to them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.factories import NewsItemFactory
from newsroom.models import NewsItem
from portal.media.documents import Document, human_size, validate_document_file
from portal.pages.models import page_url
from tests.portal.media.conftest import ooxml, opendocument, pdf
from visits.factories import VisitFactory

pytestmark = pytest.mark.django_db


def refusal(upload):
    with pytest.raises(ValidationError) as error:
        validate_document_file(upload)
    return error.value.messages[0]


@pytest.mark.parametrize("upload", [
    pdf(),
    ooxml(),
    ooxml("xl/workbook.xml", "budget.xlsx"),
    ooxml("ppt/presentation.xml", "bilder.pptx"),
    opendocument(),
    opendocument("application/vnd.oasis.opendocument.spreadsheet", "budget.ods"),
    SimpleUploadedFile("gammal.doc", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 100),
], ids=lambda upload: upload.name)
def test_files_of_the_kind_their_name_says_are_accepted(upload):
    validate_document_file(upload)


def test_a_png_named_pdf_is_refused_with_the_reason():
    png = SimpleUploadedFile("remissvar.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    assert refusal(png) == "Filen är inte en pdf fast namnet slutar på .pdf."


def test_a_zip_that_is_not_a_word_package_is_refused():
    assert refusal(ooxml("xl/workbook.xml", "rapport.docx")) == (
        "Filen är inte en Word-fil fast namnet slutar på .docx."
    )


def test_an_opendocument_of_another_kind_is_refused():
    spreadsheet = opendocument("application/vnd.oasis.opendocument.spreadsheet", "text.odt")
    assert "OpenDocument-text" in refusal(spreadsheet)


def test_an_unknown_kind_is_refused():
    assert refusal(SimpleUploadedFile("program.exe", b"MZ")).startswith(
        "Filer som slutar på .exe kan inte publiceras."
    )


def test_a_file_over_the_limit_is_refused_with_both_sizes(settings):
    settings.DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
    assert refusal(pdf(padding=12 * 1024 * 1024)) == (
        "Filen är 12 MB, största tillåtna är 10 MB."
    )


def test_sizes_read_as_people_write_them():
    assert human_size(240 * 1024) == "240 kB"
    assert human_size(10) == "1 kB"
    with translation.override("sv"):
        assert human_size(int(1.2 * 1024 * 1024)) == "1,2 MB"
    assert human_size(12 * 1024 * 1024) == "12 MB"


@pytest.fixture
def document():
    return Document.objects.create(file=pdf(), title="Remissvar om sammanhållningspolitiken",
                                   title_en="Consultation response on cohesion policy")


def test_type_and_size_are_stored_and_labelled(document):
    assert document.extension == "pdf"
    assert document.file_label == f"pdf, {human_size(document.size)}"
    assert document.file.name.startswith("documents/")
    assert "remissvar" not in document.file.name


def test_a_document_attached_only_to_a_draft_answers_404_and_is_in_no_sitemap(client, document):
    draft = NewsItemFactory(status=NewsItem.Status.DRAFT)
    draft.documents.add(document)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert document.get_absolute_url() not in client.get("/sitemap-documents.xml").content.decode()


def test_a_document_attached_only_to_an_internal_visit_answers_404(client, document):
    VisitFactory(visibility="internal").documents.add(document)
    assert not Document.objects.public().exists()
    assert client.get(document.get_absolute_url()).status_code == 404


def test_a_document_of_a_published_item_is_served_in_both_languages(client, document):
    NewsItemFactory(status=NewsItem.Status.PUBLISHED,
                    publish_at=timezone.now() - datetime.timedelta(hours=1)).documents.add(document)

    url = document.get_absolute_url()
    assert url == f"/dokument/{document.pk}/remissvar-om-sammanhallningspolitiken.pdf"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    with translation.override("en"):
        english = document.get_absolute_url()
    assert english == f"/en/documents/{document.pk}/consultation-response-on-cohesion-policy.pdf"
    assert client.get(english).status_code == 200
    sitemap = client.get("/sitemap-documents.xml").content.decode()
    assert url in sitemap and english in sitemap


def test_an_old_title_in_the_address_is_forwarded(client, document):
    VisitFactory().documents.add(document)  # the factory's visit is public
    response = client.get(f"/dokument/{document.pk}/gammal-titel.pdf")
    assert response.status_code == 301
    assert response["Location"] == document.get_absolute_url()


def test_the_accessibility_statement_lists_public_documents_that_are_not_accessible(client):
    item = NewsItemFactory(status=NewsItem.Status.PUBLISHED,
                           publish_at=timezone.now() - datetime.timedelta(hours=1))
    inaccessible = Document.objects.create(file=pdf(), title="Skannat protokoll")
    accessible = Document.objects.create(file=pdf(), title="Tillgänglig rapport",
                                         is_accessible=True)
    unpublished = Document.objects.create(file=pdf(), title="Internt underlag")
    item.documents.add(inaccessible, accessible)
    NewsItemFactory(status=NewsItem.Status.DRAFT).documents.add(unpublished)

    html = client.get(page_url("accessibility")).content.decode()
    assert "Skannat protokoll" in html
    assert "Tillgänglig rapport" not in html and "Internt underlag" not in html


def test_the_document_list_shows_type_and_size_beside_each_link(document):
    html = Template("{% load documents %}{% document_list documents %}").render(
        Context({"documents": [document]})
    )
    assert f'href="{document.get_absolute_url()}"' in html
    assert f"({document.file_label})" in html


def test_a_news_page_lists_its_documents_in_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    item = NewsItemFactory(status=NewsItem.Status.PUBLISHED,
                           publish_at=timezone.now() - datetime.timedelta(hours=1))
    client.get(item.get_absolute_url())  # warm up what is cached per process

    def queries_with(count):
        item.documents.set([
            Document.objects.create(file=pdf(), title=f"Bilaga {number}") for number in range(count)
        ])
        with django_assert_max_num_queries(12) as captured:
            response = client.get(item.get_absolute_url())
        assert response.content.decode().count("(pdf, ") == count
        return len(captured)

    assert queries_with(1) == queries_with(6)


def test_the_sitemap_and_the_admin_list_of_documents_run_a_constant_number_of_queries(
    client, staff_client, django_assert_max_num_queries
):
    visit = VisitFactory()
    editor = staff_client("Redaktör")

    def queries_with(count):
        visit.documents.add(*[
            Document.objects.create(file=pdf(), title=f"Program {n}") for n in range(count)
        ])
        with django_assert_max_num_queries(20) as sitemap:
            client.get("/sitemap-documents.xml")
        with django_assert_max_num_queries(20) as admin_list:
            assert editor.get(reverse("admin:portal_document_changelist")).status_code == 200
        return len(sitemap), len(admin_list)

    assert queries_with(1) == queries_with(5)


def test_every_model_that_refers_to_documents_says_what_of_it_is_public():
    from django.core import checks

    assert [e for e in checks.run_checks() if e.id == "portal.E001"] == []
