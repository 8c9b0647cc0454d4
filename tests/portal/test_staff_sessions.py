"""A staff login ends after STAFF_SESSION_HOURS and after STAFF_IDLE_MINUTES idle; a form sent
too late is offered again after the next login; personal data wants a code from the last
STAFF_CODE_FRESH_MINUTES."""

import re
from unittest import mock
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from events.factories import EventFactory, RegistrationFactory
from events.roles import EVENT_MANAGERS
from newsroom.factories import NewsItemFactory
from newsroom.models import NewsItem
from newsroom.roles import EDITORS
from portal import staff_sessions

pytestmark = pytest.mark.django_db

HOUR = 3600


def later(seconds):
    """time.time() as it will be ``seconds`` from now, for the session's clock."""
    moment = staff_sessions.time.time() + seconds
    return mock.patch.object(staff_sessions.time, "time", return_value=moment)


def test_a_staff_session_ends_eight_hours_after_the_login(staff_client):
    editor = staff_client(EDITORS)
    assert editor.get("/admin/").status_code == 200
    for minutes in range(25, 8 * 60, 25):  # busy all day: never idle for long
        with later(minutes * 60):
            assert editor.get("/admin/").status_code == 200
    with later(8 * HOUR + 60):
        ended = editor.get("/admin/")
    assert ended.status_code == 302 and ended["Location"].startswith("/konto/logga-in/")
    assert "_auth_user_id" not in editor.session


def test_a_staff_session_ends_after_thirty_idle_minutes_and_not_before(staff_client):
    editor = staff_client(EDITORS)
    editor.get("/admin/")
    with later(29 * 60):
        assert editor.get("/admin/").status_code == 200
    with later(29 * 60 + 31 * 60):
        assert editor.get("/admin/").status_code == 302


def test_a_form_sent_after_the_limit_is_offered_again_after_logging_in(staff_client):
    editor = staff_client(EDITORS)
    item = NewsItemFactory(title="Regionen i Bryssel", status="draft")
    change = reverse("admin:newsroom_newsitem_change", args=[item.pk])
    editor.get(change)
    with later(HOUR):
        late = editor.post(change, {"title": "Regionen i Europa", "lead": "Ny ingress."})
    assert late.status_code == 302
    assert late["Location"] == f"/konto/logga-in/?next={quote(change, safe='')}"
    assert NewsItem.objects.get().title == "Regionen i Bryssel"

    # Logged in again (as after password and code), the page offers what was sent.
    editor.force_login(editor.user)
    session = editor.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=editor.user).persistent_id
    session.save()
    offered = editor.get(change).content.decode()
    assert "Det du skickade är kvar" in offered
    assert '<input type="hidden" name="title" value="Regionen i Europa">' in offered
    assert f'action="{change}"' in offered and "csrfmiddlewaretoken" in offered
    # Offered once: the next visit is the ordinary change form.
    assert "Det du skickade är kvar" not in editor.get(change).content.decode()


def test_the_change_form_warns_before_the_idle_limit(staff_client):
    editor = staff_client(EDITORS)
    html = editor.get(reverse("admin:newsroom_newsitem_add")).content.decode()
    script = re.search(r'<script src="[^"]*session-timeout[^"]*"[^>]*>', html).group(0)
    assert 'data-idle-seconds="1800"' in script and 'data-warn-seconds="300"' in script
    assert editor.get(reverse("staff-keep-alive")).status_code == 204
    assert "session-timeout" not in editor.get("/admin/").content.decode()


def test_personal_data_asks_for_a_fresh_code_after_fifteen_minutes(staff_client):
    admin_client = staff_client()
    tool = reverse("admin:personal-data") + "?email=anna%40example.se"
    assert admin_client.get(tool).status_code == 200
    with later(16 * 60):
        asked = admin_client.get(tool)
    assert asked.status_code == 302
    location = urlsplit(asked["Location"])
    assert location.path == reverse("two-factor-verify")
    assert parse_qs(location.query)["next"] == [tool]


def test_exports_of_personal_data_ask_for_a_fresh_code(staff_client):
    manager = staff_client(EVENT_MANAGERS)
    event = EventFactory()
    RegistrationFactory(event=event)
    export = reverse("admin:events_event_export", args=[event.pk])
    assert manager.get(export).status_code == 200
    with later(16 * 60):
        asked = manager.get(export)
    assert asked["Location"].startswith(reverse("two-factor-verify"))
