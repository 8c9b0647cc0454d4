"""How long a staff login lasts, and the fresh code that personal data asks for.

A staff session ends ``STAFF_SESSION_HOURS`` after the login and after
``STAFF_IDLE_MINUTES`` without a request. A form sent after that is not lost: its fields
wait in the new session, and once the staff member has logged in again the same address
offers to send them again. The personal-data tool and the exports of personal data ask
for a new code when the last one is older than ``STAFF_CODE_FRESH_MINUTES``.
"""

import time
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

STARTED = "staff_session_started"
LAST_SEEN = "staff_session_last_seen"
CODE_AT = "staff_code_verified_at"
PENDING_FORM = "staff_pending_form"
# Fields never carried over: a new token comes with the new page.
NOT_KEPT = {"csrfmiddlewaretoken"}


@receiver(user_logged_in, dispatch_uid="staff_sessions.started")
def _session_started(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[STARTED] = now
        request.session[LAST_SEEN] = now


def record_code(request):
    """Call after a code from the user's device was accepted."""
    record_code_in(request.session)


def record_code_in(session):
    session[CODE_AT] = time.time()


def has_fresh_code(request):
    verified_at = request.session.get(CODE_AT, 0)
    return time.time() - verified_at <= settings.STAFF_CODE_FRESH_MINUTES * 60


def session_limits_passed(session, now):
    """Why the session is over ("absolute" or "idle"), or None."""
    started, last_seen = session.get(STARTED), session.get(LAST_SEEN)
    if started is not None and now - started > settings.STAFF_SESSION_HOURS * 3600:
        return "absolute"
    if last_seen is not None and now - last_seen > settings.STAFF_IDLE_MINUTES * 60:
        return "idle"
    return None


def _login_url(path):
    return f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': path})}"


class StaffSessionMiddleware:
    """After the authentication and message middleware: ends staff sessions at their limits
    and offers a form that arrived too late to be sent again after the next login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return self.get_response(request)
        now = time.time()
        if session_limits_passed(request.session, now):
            return self._end(request)
        request.session.setdefault(STARTED, now)
        request.session[LAST_SEEN] = now
        pending = request.session.get(PENDING_FORM)
        verified = getattr(user, "is_verified", lambda: False)()
        if request.method == "GET" and pending and pending["path"] == request.path and (
            verified or not settings.STAFF_2FA_REQUIRED
        ):
            del request.session[PENDING_FORM]
            response = render(request, "admin/resend_form.html", {
                "fields": pending["fields"], "action": request.path,
            })
            add_never_cache_headers(response)
            return response
        return self.get_response(request)

    def _end(self, request):
        kept = None
        if request.method == "POST":
            kept = {
                "path": request.path,
                "fields": [
                    (name, value) for name, values in request.POST.lists()
                    if name not in NOT_KEPT for value in values
                ],
            }
        logout(request)
        if kept:
            request.session[PENDING_FORM] = kept
        messages.info(request, gettext(
            "Du har loggats ut eftersom du varit inaktiv länge eller varit inloggad i "
            "många timmar. Logga in igen."
        ) + (" " + gettext(
            "Det du skickade sparades inte än; efter inloggningen kan du skicka det igen."
        ) if kept else ""))
        return redirect(_login_url(request.get_full_path()))


def fresh_code_required(view):
    """For the views that show or export personal data: a code from the last minutes."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if has_fresh_code(request):
            return view(request, *args, **kwargs)
        return ask_for_code(request)

    return checked


def ask_for_code(request, then=None):
    """To the code page, and on to ``then`` (by default this page) with a fresh code."""
    messages.info(request, gettext(
        "Personuppgifter kräver en färsk kod. Ange koden från appen så går du vidare."
    ))
    then = then or (request.get_full_path() if request.method == "GET" else request.path)
    return redirect(f"{reverse('two-factor-verify')}?{urlencode({'next': then})}")


@never_cache
def keep_alive(request):
    """The "stay logged in" button of the idle warning: a request is all it takes."""
    return HttpResponse(status=204)
