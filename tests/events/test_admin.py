"""The back office: the event form's checks and time zone, the registrations with their
counts, waiting list, CSV export, printable list, badges, attendance, mail and statistics."""

import datetime
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.factories import EventFactory, RegistrationFactory
from events.models import Event, Registration
from events.roles import EVENT_MANAGERS
from newsroom.roles import EDITORS
from portal import audit
from visits.roles import VISIT_COORDINATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(staff_client):
    return staff_client(EVENT_MANAGERS)


def form_data(event, **changes):
    local = {name: timezone.localtime(getattr(event, name))
             for name in ("starts_at", "ends_at", "publish_at")}
    data = {
        "kind": event.kind, "title": event.title, "slug": event.slug, "lead": event.lead,
        "description": event.description, "time_zone": event.time_zone,
        "starts_at_0": local["starts_at"].strftime("%Y-%m-%d"),
        "starts_at_1": local["starts_at"].strftime("%H:%M"),
        "ends_at_0": local["ends_at"].strftime("%Y-%m-%d"),
        "ends_at_1": local["ends_at"].strftime("%H:%M"),
        "publish_at_0": local["publish_at"].strftime("%Y-%m-%d"),
        "publish_at_1": local["publish_at"].strftime("%H:%M"),
        "venue": event.venue, "language": "sv", "status": event.status,
        "registration_required": "on", "capacity": event.capacity or "", "waiting_list": "on",
        "questions-TOTAL_FORMS": "0", "questions-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_end_before_start_and_late_closing_are_refused_at_their_fields(manager, event):
    start = timezone.localtime(event.starts_at)
    response = manager.post(
        reverse("admin:events_event_change", args=[event.pk]),
        form_data(
            event,
            ends_at_0=(start - timedelta(days=1)).strftime("%Y-%m-%d"),
            registration_closes_at_0=(start + timedelta(days=1)).strftime("%Y-%m-%d"),
            registration_closes_at_1="10:00",
        ),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Evenemanget måste sluta efter att det börjar." in errors["ends_at"]
    assert "Anmälan måste stänga senast när evenemanget börjar." in errors[
        "registration_closes_at"]


def test_times_are_typed_in_the_events_own_zone(manager, event):
    response = manager.post(
        reverse("admin:events_event_change", args=[event.pk]),
        form_data(event, time_zone="Europe/London", starts_at_0="2030-06-10",
                  starts_at_1="10:00", ends_at_0="2030-06-10", ends_at_1="12:00"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.starts_at.astimezone(datetime.UTC).hour == 9  # 10:00 in London in summer
    page = manager.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert 'value="10:00:00"' in page or 'value="10:00"' in page


def test_cancelling_an_event_mails_everyone_registered_once(manager, event):
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    url = reverse("admin:events_event_change", args=[event.pk])

    manager.post(url, form_data(event, status=Event.Status.CANCELLED))
    manager.post(url, form_data(event, status=Event.Status.CANCELLED, title="Ny rubrik"))

    assert len(mail.outbox) == 2
    assert all(message.subject.startswith("Inställt:") for message in mail.outbox)
    event.refresh_from_db()
    assert event.announced_status == Event.Status.CANCELLED


def test_more_places_move_the_waiting_list_up(manager):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    manager.post(reverse("admin:events_event_change", args=[event.pk]),
                 form_data(event, capacity=2))
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert mail.outbox[0].to == [waiting.email]


def test_registrations_page_counts_and_orders_the_waiting_list(manager):
    event = EventFactory(capacity=2)
    RegistrationFactory(event=event, name="Anna Plats")
    first = RegistrationFactory(event=event, name="Först I Kön", status="waiting",
                                registered_at=timezone.now() - timedelta(hours=2))
    second = RegistrationFactory(event=event, name="Sist I Kön", status="waiting")
    html = manager.get(
        reverse("admin:events_event_registrations", args=[event.pk])
    ).content.decode()
    assert "Anna Plats" in html
    assert html.index(first.name) < html.index(second.name)
    assert "av 2" in html
    assert "Närvaron kan markeras när evenemanget har börjat." in html


def test_attendance_is_marked_after_the_event_has_begun(manager):
    began = timezone.now() - timedelta(hours=1)
    event = EventFactory(starts_at=began, registration_opens_at=began - timedelta(days=5),
                         registration_closes_at=began - timedelta(hours=2))
    came = RegistrationFactory(event=event)
    stayed_away = RegistrationFactory(event=event)
    url = reverse("admin:events_event_registrations", args=[event.pk])
    assert f'value="{came.pk}"' in manager.get(url).content.decode()

    manager.post(url, {"attended": [str(came.pk)]})

    came.refresh_from_db()
    stayed_away.refresh_from_db()
    assert (came.attended, stayed_away.attended) == (True, False)
    stats = manager.get(reverse("admin:events_event_statistics", args=[event.pk]))
    assert stats.context["total"].attended == 1
    assert stats.context["total"].no_shows == 1
    assert "<svg" in stats.content.decode()


def test_csv_export_prints_and_badges(manager, event):
    RegistrationFactory(event=event, name="=HYPERLINK(\"x\")", organisation="Borås stad")
    export = manager.get(reverse("admin:events_event_export", args=[event.pk]))
    assert export["Content-Type"].startswith("text/csv")
    text = export.content.decode("utf-8-sig")
    assert "Borås stad" in text and "'=HYPERLINK" in text
    assert audit.events(event, "exported").exists()
    for name in ("participant_list", "badges"):
        html = manager.get(reverse(f"admin:events_event_{name}", args=[event.pk])).content
        assert "Borås stad" in html.decode()


def test_a_mail_to_everyone_is_previewed_before_it_goes(manager, event):
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    url = reverse("admin:events_event_message", args=[event.pk])
    data = {"subject": "Ändrad lokal", "body": "Vi ses i sal B i stället."}

    preview = manager.post(url, {**data, "preview": "1"})
    assert preview.context["preview"]["recipients"] == 1
    assert "Vi ses i sal B" in preview.content.decode()
    assert not mail.outbox

    manager.post(url, {**data, "include_waiting": "on", "send": "1"})
    assert len(mail.outbox) == 2
    assert mail.outbox[0].subject == "Ändrad lokal"
    assert audit.events(event, "sent").exists()


def test_editors_manage_events_and_others_do_not(staff_client, event):
    RegistrationFactory(event=event)
    assert staff_client(EDITORS).get(
        reverse("admin:events_event_registrations", args=[event.pk])).status_code == 200


def test_other_groups_see_no_registrations(staff_client, event):
    client = staff_client(VISIT_COORDINATORS)
    assert client.get(
        reverse("admin:events_event_registrations", args=[event.pk])).status_code == 403
    assert client.get(reverse("admin:events_registration_changelist")).status_code == 403


def test_the_cancel_action_moves_the_waiting_list(manager):
    event = EventFactory(capacity=1)
    placed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    manager.post(reverse("admin:events_registration_changelist"),
                 {"action": "cancel_registrations", "_selected_action": [placed.pk]})
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_an_event_called_off_again_after_publishing_is_announced_again(manager, event):
    RegistrationFactory(event=event)
    url = reverse("admin:events_event_change", args=[event.pk])
    manager.post(url, form_data(event, status=Event.Status.POSTPONED))
    manager.post(url, form_data(event, status=Event.Status.PUBLISHED))
    manager.post(url, form_data(event, status=Event.Status.POSTPONED))
    assert [message.subject.split(":")[0] for message in mail.outbox] == [
        "Uppskjutet", "Uppskjutet"]
