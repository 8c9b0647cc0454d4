"""The news item itself: sanitized Markdown, image renditions, translation links, publishing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from newsroom.factories import DraftFactory, EnglishNewsItemFactory, NewsItemFactory
from newsroom.models import NewsItem

pytestmark = pytest.mark.django_db


def test_body_html_is_rendered_and_stored_on_save():
    item = NewsItemFactory(body="Text med <script>alert(1)</script> **fetstil**")
    stored = NewsItem.objects.get(pk=item.pk).body_html
    assert "<strong>fetstil</strong>" in stored
    assert "<script" not in stored


def test_upload_gets_a_web_sized_jpeg_rendition_with_its_size(photo):
    item = NewsItemFactory(image=photo(2400, 1600), image_alt="Brysselkontorets entré")
    item.refresh_from_db()
    assert item.has_image
    assert item.rendition.name.endswith(".jpg")
    assert (item.rendition_width, item.rendition_height) == (1200, 800)
    # Saving again without a new upload keeps the rendition made the first time.
    name = item.rendition.name
    item.title = "Ny rubrik"
    item.save()
    item.refresh_from_db()
    assert item.rendition.name == name


def test_a_small_image_is_not_enlarged(photo):
    item = NewsItemFactory(image=photo(640, 480), image_alt="Ett möte")
    assert (item.rendition_width, item.rendition_height) == (640, 480)


def test_removing_the_image_removes_the_rendition(photo):
    item = NewsItemFactory(image=photo(), image_alt="Ett möte")
    item.image = ""
    item.save()
    item.refresh_from_db()
    assert not item.has_image and item.rendition_width is None


def test_an_image_needs_alt_text(photo):
    item = NewsItemFactory.build(image=photo(), image_alt=" ")
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "image_alt" in error.value.message_dict


def test_slug_is_unique_per_language_only():
    NewsItemFactory(slug="praktik")
    EnglishNewsItemFactory(slug="praktik").full_clean()  # same slug, other language: fine
    duplicate = NewsItemFactory.build(slug="praktik")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in error.value.message_dict


def test_translation_link_is_kept_on_both_sides_and_released():
    swedish = NewsItemFactory()
    english = EnglishNewsItemFactory(translation=swedish)
    swedish.refresh_from_db()
    assert swedish.translation == english

    english.translation = None
    english.save()
    swedish.refresh_from_db()
    assert swedish.translation is None


def test_translation_must_be_in_the_other_language_and_not_taken():
    swedish = NewsItemFactory()
    other_swedish = NewsItemFactory.build(translation=swedish)
    with pytest.raises(ValidationError) as error:
        other_swedish.full_clean()
    assert "translation" in error.value.message_dict

    EnglishNewsItemFactory(translation=swedish)
    second_english = EnglishNewsItemFactory.build(translation=swedish)
    with pytest.raises(ValidationError) as error:
        second_english.full_clean()
    assert "translation" in error.value.message_dict


def test_published_means_published_and_due():
    now = timezone.now()
    live = NewsItemFactory(publish_at=now - datetime.timedelta(minutes=1))
    NewsItemFactory(publish_at=now + datetime.timedelta(minutes=1))  # scheduled
    DraftFactory(publish_at=now - datetime.timedelta(days=1))
    assert list(NewsItem.objects.published()) == [live]
    # The same scheduled item is public once its time has come, without any job running.
    later = now + datetime.timedelta(minutes=2)
    assert NewsItem.objects.published(now=later).count() == 2


def test_publishing_a_past_draft_dates_it_now_and_keeps_a_future_time():
    old_draft = DraftFactory(publish_at=timezone.now() - datetime.timedelta(days=10))
    future = timezone.now() + datetime.timedelta(days=3)
    scheduled_draft = DraftFactory(publish_at=future)
    assert old_draft.publish() and scheduled_draft.publish()
    old_draft.refresh_from_db()
    scheduled_draft.refresh_from_db()
    assert old_draft.is_public
    assert timezone.now() - old_draft.publish_at < datetime.timedelta(minutes=1)
    assert scheduled_draft.is_scheduled and scheduled_draft.publish_at == future
    assert not old_draft.publish()  # already published: nothing to do


def test_updated_is_shown_only_when_edited_well_after_publication():
    item = NewsItemFactory(publish_at=timezone.now() - datetime.timedelta(minutes=5))
    assert not item.shows_updated
    NewsItem.objects.filter(pk=item.pk).update(
        publish_at=timezone.now() - datetime.timedelta(days=2)
    )
    item.refresh_from_db()
    item.save()
    assert item.shows_updated
