"""References in a body text become images with renditions, document links and video cards."""

import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from newsroom.factories import NewsItemFactory
from newsroom.models import NewsItem
from portal.editorial import PUBLISHERS
from portal.media import videos
from portal.media.admin import VideoForm
from portal.media.documents import Document
from portal.media.embeds import validate_references
from portal.media.images import Image
from portal.media.videos import Video
from tests.portal.media.conftest import gps_photo, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return Image.objects.create(file=gps_photo(), alt_text="Plenisalen i Bryssel",
                                alt_text_en="The plenary hall in Brussels", credit="Anna Foto")


@pytest.fixture
def document():
    return Document.objects.create(file=pdf(), title="Remissvar", title_en="Response")


@pytest.fixture
def video():
    return Video.objects.create(url="https://www.youtube.com/watch?v=abc", title="Om kontoret",
                                provider_name="YouTube", duration=datetime.timedelta(seconds=205))


def test_an_image_reference_becomes_a_figure_with_srcset_and_size(image):
    item = NewsItemFactory(body=f"Inledning.\n\n{image.reference}\n\nSlut.")
    html = item.body_html
    assert "<figure" in html and "<p><figure" not in html
    assert 'srcset="/media/images/' in html and " 480w, " in html and " 1440w" in html
    assert 'sizes="' in html
    assert 'width="1440" height="1080"' in html
    assert 'alt="Plenisalen i Bryssel"' in html
    assert "Foto: Anna Foto" in html


def test_an_english_item_uses_the_english_alt_text(image):
    item = NewsItemFactory(language=NewsItem.Language.ENGLISH, body=image.reference)
    assert 'alt="The plenary hall in Brussels"' in item.body_html
    assert "Photo: Anna Foto" in item.body_html


def test_a_document_reference_becomes_a_link_with_type_and_size(document):
    item = NewsItemFactory(body=f"Läs vårt svar {document.reference} här.")
    expected = f'<a href="{document.get_absolute_url()}" hreflang="sv">Remissvar</a> (pdf, '
    assert expected in item.body_html


def test_a_video_reference_becomes_a_link_card_without_any_embed(video):
    item = NewsItemFactory(body=video.reference)
    html = item.body_html
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "Om kontoret" in html and "3:25" in html
    assert "<iframe" not in html and "<script" not in html


def test_markup_typed_by_the_editor_is_still_sanitized(image):
    item = NewsItemFactory(body=f'<img src="x" onerror="alert(1)">\n\n{image.reference}')
    assert "onerror" not in item.body_html and 'src="x"' not in item.body_html


def test_a_reference_to_nothing_is_refused_at_the_field():
    with pytest.raises(ValidationError) as error:
        validate_references("Se [bild:999] och [dokument:998].")
    assert "[bild:999], [dokument:998]" in error.value.messages[0]


def test_a_publisher_places_an_image_and_a_document_in_a_news_item(
    staff_client, image, document
):
    editor = staff_client(PUBLISHERS)
    response = editor.post(reverse("admin:newsroom_newsitem_add"), {
        "kind": "news", "title": "Ny rapport", "slug": "ny-rapport", "language": "sv",
        "lead": "Ingress.",
        "body": f"{image.reference}\n\nLäs {document.reference}.",
        "status": "published", "publish_at_0": "2026-01-01", "publish_at_1": "10:00:00",
        "image_alt": "", "image_credit": "", "author_name": "",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = NewsItem.objects.get(slug="ny-rapport")
    # Linked in the text, so attached: the document is public with the item.
    assert list(item.documents.all()) == [document]
    with translation.override("sv"):
        page = editor.get(item.get_absolute_url()).content.decode()
    assert "srcset=" in page and "(pdf, " in page


def fake_urlopen(answers):
    """urlopen that answers each URL prefix with its bytes, or raises what it is given."""

    class Response(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def urlopen(request, timeout):
        assert timeout <= 5
        for prefix, answer in answers.items():
            if request.full_url.startswith(prefix):
                if isinstance(answer, Exception):
                    raise answer
                return Response(answer)
        raise OSError("unexpected URL")

    return urlopen


def jpeg_bytes():
    return gps_photo(320, 180).read()


def test_oembed_prefills_title_duration_and_a_local_thumbnail(monkeypatch, media_roots):
    monkeypatch.setattr(videos, "urlopen", fake_urlopen({
        "https://vimeo.com/api/oembed.json": json.dumps({
            "title": "Regionen i Bryssel", "provider_name": "Vimeo", "duration": 125,
            "thumbnail_url": "https://i.vimeocdn.com/video/1.jpg",
        }).encode(),
        "https://i.vimeocdn.com/": jpeg_bytes(),
    }))
    form = VideoForm(data={"url": "https://vimeo.com/123", "title": "", "title_en": "",
                           "provider_name": "", "duration": ""})
    assert form.is_valid(), form.errors
    video = form.save()
    assert video.title == "Regionen i Bryssel"
    assert video.duration == datetime.timedelta(seconds=125)
    assert video.provider_name == "Vimeo"
    public, _private = media_roots
    thumbnail = public / video.thumbnail.name
    assert thumbnail.is_file() and b"Exif" not in thumbnail.read_bytes()


def test_what_the_editor_typed_wins_over_oembed(monkeypatch):
    monkeypatch.setattr(videos, "urlopen", fake_urlopen({
        "https://www.youtube.com/oembed": json.dumps({"title": "Annan titel"}).encode(),
    }))
    form = VideoForm(data={"url": "https://youtu.be/abc", "title": "Vår titel",
                           "duration": "3:25"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "Vår titel"
    assert form.cleaned_data["duration"] == datetime.timedelta(minutes=3, seconds=25)


def test_without_an_answer_from_the_provider_the_editor_is_asked_for_the_title(monkeypatch):
    monkeypatch.setattr(videos, "urlopen", fake_urlopen({
        "https://www.youtube.com/oembed": TimeoutError("timed out"),
    }))
    form = VideoForm(data={"url": "https://www.youtube.com/watch?v=abc", "title": ""})
    assert not form.is_valid()
    assert "gick inte att hämta" in form.errors["title"][0]
