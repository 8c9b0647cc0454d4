"""The editors' admin: field messages, publish actions, preview, the rendered body."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from newsroom.factories import DraftFactory, NewsItemFactory
from newsroom.models import NewsItem
from newsroom.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/newsroom/newsitem/"


def form_data(**overrides):
    moment = timezone.localtime() - datetime.timedelta(hours=1)
    data = {
        "kind": "news",
        "title": "Vi söker praktikanter",
        "slug": "vi-soker-praktikanter",
        "language": "sv",
        "translation": "",
        "lead": "Sök praktik hos oss i Göteborg eller Bryssel.",
        "body": "## Om praktiken\n\nDu får **bevaka** EU:s politik.",
        "image_alt": "",
        "image_credit": "",
        "status": "draft",
        "publish_at_0": moment.strftime("%Y-%m-%d"),
        "publish_at_1": moment.strftime("%H:%M:%S"),
        "author": "",
        "author_name": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor(staff_client):
    return staff_client(EDITORS)


@pytest.fixture
def publisher(staff_client):
    return staff_client(PUBLISHERS)


def test_editor_writes_a_draft_and_sees_the_rendered_body(editor):
    response = editor.post(f"{ADD_URL}add/", form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = NewsItem.objects.get()
    assert item.status == "draft"
    assert "<strong>bevaka</strong>" in item.body_html
    html = editor.get(f"{ADD_URL}{item.pk}/change/").content.decode()
    assert '<div class="newsroom-rendered-body"><h2>Om praktiken</h2>' in html
    assert item.get_preview_url() in html


def test_duplicate_slug_is_a_message_at_the_field_and_input_is_kept(editor):
    NewsItemFactory(slug="vi-soker-praktikanter")
    response = editor.post(f"{ADD_URL}add/", form_data())
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "adressnamn" in form.errors["slug"][0]
    assert 'value="Vi söker praktikanter"' in response.content.decode()


def test_image_without_alt_text_is_a_message_at_the_field(editor, photo):
    response = editor.post(f"{ADD_URL}add/", form_data(image=photo()))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image_alt"] == [
        "En bild behöver en alternativtext."
    ]


def test_a_file_that_is_not_an_image_is_refused_at_the_field(editor):
    fake = SimpleUploadedFile("bild.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = editor.post(f"{ADD_URL}add/", form_data(image=fake, image_alt="En bild"))
    assert response.status_code == 200
    assert "image" in response.context["adminform"].form.errors
    assert not NewsItem.objects.exists()


def test_an_image_with_alt_text_is_stored_with_its_rendition(editor, photo):
    response = editor.post(
        f"{ADD_URL}add/", form_data(image=photo(), image_alt="Brysselkontoret", status="published")
    )
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.rendition_width == 1200
    html = editor.get(f"{ADD_URL}{item.pk}/change/").content.decode()
    assert 'class="newsroom-rendition"' in html


def test_list_shows_visibility_language_and_publish_time(editor):
    NewsItemFactory(title="Synlig")
    NewsItemFactory(title="Schemalagd", publish_at=timezone.now() + datetime.timedelta(days=1))
    DraftFactory(title="Utkastet")
    html = editor.get(ADD_URL).content.decode()
    for text in ("Synlig", "Schemalagd", "Utkastet", "schemalagd", "utkast", "svenska"):
        assert text in html
    assert editor.get(f"{ADD_URL}?visibility=scheduled").context["cl"].result_count == 1
    assert editor.get(f"{ADD_URL}?q=Utkastet").context["cl"].result_count == 1


def test_publish_and_unpublish_actions(publisher):
    draft = DraftFactory(publish_at=timezone.now() - datetime.timedelta(days=5))
    live = NewsItemFactory()
    response = publisher.post(
        ADD_URL, {"action": "publish", "_selected_action": [draft.pk, live.pk]}, follow=True
    )
    assert "1 nyhet publicerades" in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_public

    publisher.post(ADD_URL, {"action": "unpublish", "_selected_action": [draft.pk, live.pk]})
    assert not NewsItem.objects.published().exists()


def test_preview_shows_a_draft_to_staff_only_and_is_never_cached(client, editor):
    draft = DraftFactory(title="Hemligt utkast", body="Text **här**.")
    url = draft.get_preview_url()

    response = editor.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hemligt utkast" in html and "<strong>här</strong>" in html
    assert "Förhandsvisning av ett utkast" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]

    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_preview_needs_the_newsroom_permission(staff_client):
    draft = DraftFactory()
    recruiter = staff_client("Rekryterare")
    assert recruiter.get(draft.get_preview_url()).status_code == 403


def test_preview_moves_to_the_site_of_the_item_language(editor):
    from newsroom.factories import EnglishNewsItemFactory

    english = EnglishNewsItemFactory(status="draft")
    response = editor.get(f"/nyheter/forhandsvisning/{english.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/news/preview/{english.pk}/"


def test_saving_a_scheduled_item_says_when_it_is_published(publisher):
    coming = timezone.localtime() + datetime.timedelta(days=3)
    coming = coming.replace(hour=9, minute=30, second=0, microsecond=0)
    response = publisher.post(f"{ADD_URL}add/", form_data(
        status="published",
        publish_at_0=coming.strftime("%Y-%m-%d"),
        publish_at_1=coming.strftime("%H:%M:%S"),
    ), follow=True)
    messages = [str(message) for message in response.context["messages"]]
    date = f"{coming.day} {MONTHS[coming.month - 1]} {coming.year}"
    assert f"”Vi söker praktikanter” är schemalagd och publiceras {date} kl. 09.30." in messages
    published_now = publisher.post(f"{ADD_URL}add/", form_data(status="published", slug="nu"),
                                follow=True)
    assert not any("schemalagd" in str(m) for m in published_now.context["messages"])


def test_the_preview_help_text_says_where_the_preview_is(editor):
    html = editor.get(f"{ADD_URL}add/").content.decode()
    assert "bredvid fältet (under det i ett smalt fönster)" in html
    assert "”Visa på webbplats” högst upp till höger" in html


MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]
