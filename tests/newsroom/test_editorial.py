"""Revisions, drafts of published news and review before publishing, through the admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from reversion.models import Version

from newsroom.factories import DraftFactory, NewsItemFactory
from newsroom.models import NewsItem
from newsroom.roles import EDITORS, PUBLISHERS
from portal import audit
from portal.editorial.models import Draft, ReviewRequest
from portal.media.documents import Document
from tests.portal.media.conftest import pdf

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/newsroom/newsitem/"


def change_url(item):
    return f"{LIST_URL}{item.pk}/change/"


def form_data(item, **overrides):
    """The change form of ``item`` as an editor posts it (the publication fields are read-only)."""
    moment = timezone.localtime(item.publish_at)
    data = {
        "kind": item.kind,
        "title": item.title,
        "slug": item.slug,
        "language": item.language,
        "translation": "",
        "lead": item.lead,
        "body": item.body,
        "image_alt": "",
        "image_credit": "",
        "status": item.status,
        "publish_at_0": moment.strftime("%Y-%m-%d"),
        "publish_at_1": moment.strftime("%H:%M:%S"),
        "author": "",
        "author_name": "",
        "revision_comment": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor(staff_client):
    return staff_client(EDITORS, username="redaktor")


@pytest.fixture
def published():
    return NewsItemFactory(title="Regionen i Bryssel", body="Kontoret bevakar EU:s politik.")


def test_every_save_keeps_a_revision_with_its_comment(editor):
    item = DraftFactory(title="Första rubriken")
    for title, comment in (("Andra rubriken", "Kortare rubrik."), ("Tredje rubriken", "")):
        response = editor.post(
            change_url(item), form_data(item, title=title, revision_comment=comment)
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
    versions = list(NewsItem.objects.get(pk=item.pk).versions())
    assert [version.field_dict["title"] for version in versions] == [
        "Tredje rubriken", "Andra rubriken"
    ]
    assert versions[1].revision.comment == "Kortare rubrik."
    assert versions[0].revision.comment == "Ändrade rubrik."
    assert versions[0].revision.user == editor.user
    history = editor.get(f"{LIST_URL}{item.pk}/history/").content.decode()
    assert "Kortare rubrik." in history and "Återställ som utkast" in history


def test_an_edit_of_a_published_item_is_a_draft_and_the_public_page_is_unchanged(
    client, editor, published
):
    response = editor.post(
        change_url(published), form_data(published, title="Regionen i Bryssel och Strasbourg")
    )
    assert response.status_code == 302
    assert NewsItem.objects.get(pk=published.pk).title == "Regionen i Bryssel"
    assert Draft.objects.count() == 1

    form = editor.get(change_url(published))
    html = form.content.decode()
    assert "Det finns ett utkast som inte är publicerat" in html
    assert 'value="Regionen i Bryssel och Strasbourg"' in html
    assert "Publicera utkastet" not in html  # an editor may not publish it
    assert "Ta bort utkastet" in html

    client.logout()
    public = client.get(published.get_absolute_url()).content.decode()
    assert "Regionen i Bryssel" in public and "Strasbourg" not in public


def test_publishing_the_draft_updates_the_public_page(client, staff_client, published):
    editor = staff_client(EDITORS, username="redaktor")
    editor.post(change_url(published), form_data(published, body="Kontoret bevakar Europa."))
    publisher = staff_client(PUBLISHERS, username="publicerare")
    html = publisher.get(change_url(published)).content.decode()
    assert "Publicera utkastet" in html

    publisher.post(f"{LIST_URL}{published.pk}/draft/publish/")
    assert not Draft.objects.exists()
    assert audit.events(published, "published").get().actor == publisher.user
    client.logout()
    assert "Kontoret bevakar Europa." in client.get(published.get_absolute_url()).content.decode()


def test_an_editor_cannot_publish_a_draft_by_its_url(editor, published):
    editor.post(change_url(published), form_data(published, title="Ny rubrik"))
    assert editor.post(f"{LIST_URL}{published.pk}/draft/publish/").status_code == 403
    assert NewsItem.objects.get(pk=published.pk).title == "Regionen i Bryssel"


def test_discarding_the_draft_leaves_the_live_item(editor, published):
    editor.post(change_url(published), form_data(published, title="Ny rubrik"))
    editor.post(f"{LIST_URL}{published.pk}/draft/discard/")
    assert not Draft.objects.exists()
    html = editor.get(change_url(published)).content.decode()
    assert 'value="Regionen i Bryssel"' in html and "utkast som inte är publicerat" not in html


def test_the_comparison_marks_removed_and_added_words_with_text(editor, published):
    editor.post(
        change_url(published), form_data(published, body="Kontoret bevakar Europas politik.")
    )
    draft = Draft.objects.get()
    response = editor.get(
        f"{LIST_URL}{published.pk}/history/compare/?from=live&to={draft.version_id}"
    )
    html = response.content.decode()
    assert "Brödtext" in html
    assert '<del><span class="editorial-diff-label">[borttaget:</span>EU:s' in html
    assert '<ins><span class="editorial-diff-label">[tillagt:</span>Europas' in html
    assert "Rubrik" not in html.split("<table")[1]  # unchanged fields are left out


def test_restoring_an_old_revision_makes_a_new_draft(editor, published):
    editor.post(change_url(published), form_data(published, title="Andra rubriken"))
    editor.post(change_url(published), form_data(published, title="Tredje rubriken"))
    oldest = Version.objects.get_for_object(published).order_by("pk").first()
    assert oldest.field_dict["title"] == "Andra rubriken"

    confirm = editor.get(f"{LIST_URL}{published.pk}/history/{oldest.pk}/restore/")
    assert "blir ett nytt utkast" in confirm.content.decode()
    editor.post(f"{LIST_URL}{published.pk}/history/{oldest.pk}/restore/")

    assert NewsItem.objects.get(pk=published.pk).title == "Regionen i Bryssel"  # live as it was
    assert Draft.objects.get().version.field_dict["title"] == "Andra rubriken"
    assert Version.objects.get_for_object(published).count() == 3
    assert audit.events(published, "restored").get().actor == editor.user


def test_an_editor_cannot_publish_by_action_or_by_field(editor):
    item = DraftFactory(publish_at=timezone.now() - datetime.timedelta(days=1))
    response = editor.get(LIST_URL)
    assert "Publicera markerade nyheter" not in response.content.decode()
    editor.post(LIST_URL, {"action": "publish", "_selected_action": [item.pk]})

    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    editor.post(
        change_url(item),
        form_data(item, status="published", publish_at_0=tomorrow.strftime("%Y-%m-%d")),
    )
    item.refresh_from_db()
    assert item.status == "draft"
    assert item.publish_at < timezone.now()
    assert not audit.events(item).filter(additional_data__event="published").exists()


def test_a_publisher_schedules_by_the_field_and_the_trail_says_when(staff_client):
    publisher = staff_client(PUBLISHERS)
    item = DraftFactory()
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    publisher.post(
        change_url(item),
        form_data(item, status="published", publish_at_0=tomorrow.strftime("%Y-%m-%d")),
    )
    item.refresh_from_db()
    assert item.is_scheduled
    entry = audit.events(item, "scheduled").get()
    assert entry.actor == publisher.user
    assert tomorrow.strftime("%Y") in entry.additional_data["detail"]


def test_without_review_editors_publish_as_before(settings, editor):
    settings.EDITORIAL_REVIEW = False
    item = DraftFactory()
    editor.post(LIST_URL, {"action": "publish", "_selected_action": [item.pk]})
    item.refresh_from_db()
    assert item.is_public
    assert audit.events(item, "published").get().actor == editor.user


def test_submitting_for_review_mails_the_publishers_and_lists_the_item(
    settings, staff_client, django_user_model, mailoutbox
):
    publisher = django_user_model.objects.create_user(
        "publicerare", email="publicerare@example.se", is_staff=True
    )
    publisher.groups.add(Group.objects.get(name=PUBLISHERS))
    editor = staff_client(EDITORS, username="redaktor")
    item = DraftFactory(title="Praktik i Bryssel")
    NewsItemFactory(title="Redan publicerad")

    response = editor.post(
        change_url(item), form_data(item, _submit_for_review="Spara och skicka för granskning")
    )
    assert response.status_code == 302
    review = ReviewRequest.objects.get()
    assert review.content_object == item and review.submitted_by == editor.user
    assert audit.events(item, "submitted").get().actor == editor.user
    [mail] = mailoutbox
    assert mail.to == ["publicerare@example.se"]
    assert "Praktik i Bryssel" in mail.subject
    assert settings.SITE_URL + change_url(item) in mail.body

    listing = editor.get(LIST_URL)
    assert "Väntar på granskning (1)" in listing.content.decode()
    waiting = editor.get(f"{LIST_URL}?granskning=waiting").context["cl"].result_list
    assert list(waiting) == [item]


def test_publishing_what_waits_ends_the_review(staff_client):
    item = DraftFactory()
    editor = staff_client(EDITORS, username="redaktor")
    editor.post(change_url(item), form_data(item, _submit_for_review="1"))
    publisher = staff_client(PUBLISHERS, username="publicerare")
    publisher.post(LIST_URL, {"action": "publish", "_selected_action": [item.pk]})
    assert not ReviewRequest.objects.exists()
    assert NewsItem.objects.get(pk=item.pk).is_public


def test_publish_and_unpublish_actions_are_in_the_audit_trail(staff_client):
    publisher = staff_client(PUBLISHERS)
    scheduled = DraftFactory(publish_at=timezone.now() + datetime.timedelta(days=2))
    item = DraftFactory()
    publisher.post(LIST_URL, {"action": "publish", "_selected_action": [item.pk, scheduled.pk]})
    publisher.post(LIST_URL, {"action": "unpublish", "_selected_action": [item.pk]})
    assert audit.events(item, "published").get().actor == publisher.user
    assert audit.events(item, "unpublished").get().actor == publisher.user
    assert audit.events(scheduled, "scheduled").get().additional_data["detail"]


def test_a_document_linked_in_a_draft_is_attached_only_when_the_draft_is_published(
    staff_client, editor, published
):
    document = Document.objects.create(file=pdf(), title="Remissvar")
    body = f"Läs {document.reference}."
    editor.post(change_url(published), form_data(published, body=body))
    assert not published.documents.exists()
    assert Document.objects.public().filter(pk=document.pk).count() == 0
    assert Version.objects.get_for_object(published).count() == 1  # the draft, nothing else

    publisher = staff_client(PUBLISHERS, username="publicerare")
    publisher.post(f"{LIST_URL}{published.pk}/draft/publish/")
    assert list(published.documents.all()) == [document]
