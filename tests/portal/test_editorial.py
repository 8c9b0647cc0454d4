"""The editorial workflow's parts that need no admin: the word comparison and the audit call."""

import datetime

import pytest
from django.utils import timezone

from newsroom.factories import DraftFactory
from portal import audit
from portal.editorial.compare import word_diff


def test_word_diff_marks_removed_and_added_words_with_text_labels():
    html = word_diff("Kontoret bevakar EU:s politik.", "Kontoret bevakar Europas politik.")
    assert html.startswith("Kontoret bevakar ")
    assert "<del><span class=\"editorial-diff-label\">[borttaget:</span>EU:s" in html
    assert "<ins><span class=\"editorial-diff-label\">[tillagt:</span>Europas" in html
    assert html.endswith(" politik.")


def test_word_diff_escapes_the_text():
    assert "&lt;script&gt;" in word_diff("", "<script>")


@pytest.mark.django_db
def test_record_publication_names_the_event_the_user_and_the_time(django_user_model):
    user = django_user_model.objects.create_user("publicerare")
    item = DraftFactory()
    at = timezone.make_aware(datetime.datetime(2031, 5, 4, 9, 30))
    audit.record_publication(item, "scheduled", user, at=at)
    entry = audit.events(item, "scheduled").get()
    assert entry.actor == user
    assert "2031" in entry.additional_data["detail"] and "09:30" in entry.additional_data["detail"]
    assert entry.changes_text.startswith("schemalade")
