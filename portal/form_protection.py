"""Protection shared by every public form of the portal, without third-party services.

- a honeypot field that people never see and bots fill in: such a POST is answered like a
  success and stores nothing;
- a one-time form token: the accepted submission is recorded under it in the same
  transaction as the rows it created, so a double click or a replayed POST lands once and
  shows the same receipt;
- rate limits per client address (behind ``TRUSTED_PROXY_COUNT`` proxies) and per e-mail
  address, counted in the shared cache so that they hold across processes and machines,
  and in the database while the cache does not answer.
"""

import logging
import uuid
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import FormAttempt, FormSubmission
from portal.page_cache import CACHE_ERRORS

logger = logging.getLogger("portal")

TOKEN_SALT = "portal.formguard"  # noqa: S105 - a signing namespace, not a secret
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name
HONEYPOT_FIELD = "website"


def new_token():
    return signing.dumps(uuid.uuid4().hex, salt=TOKEN_SALT)


def token_id(token):
    """The token's id while it is genuine and fresh, else None."""
    try:
        return signing.loads(token, salt=TOKEN_SALT, max_age=settings.FORM_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None


def client_address(request):
    """The client's address: REMOTE_ADDR, or the entry the trusted proxies in front added."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def over_limit(scope, kind, value):
    """Count one more attempt for (scope, kind, value); True once the limit is passed."""
    limits = settings.FORM_RATE_LIMITS.get(scope, settings.FORM_RATE_LIMITS["default"])
    count, seconds = limits[kind]
    key = f"formguard:{scope}:{kind}:{value.lower()}"
    try:
        attempts = _count_in_cache(key, seconds)
    except CACHE_ERRORS:
        logger.warning("Form limits: the cache does not answer; counting in the database")
        attempts = _count_in_database(key, seconds)
    return attempts > count


def _count_in_cache(key, seconds):
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return 1


def _count_in_database(key, seconds):
    attempt = FormAttempt.objects.create(key=key)
    since = attempt.created - timedelta(seconds=seconds)
    return FormAttempt.objects.filter(key=key, created__gt=since).count()


class GuardedFormMixin:
    """Adds the hidden one-time token and the honeypot to a public form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Lämna det här fältet tomt"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        if not self.is_bound:
            self.initial[TOKEN_FIELD] = new_token()

    @property
    def public_fields(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def honeypot_filled(self):
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())

    def token_id(self):
        return token_id(self.data.get(self.add_prefix(TOKEN_FIELD), ""))

    def renew_token(self):
        """A fresh token for a form shown again after its old one expired."""
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = new_token()


class GuardedFormViewMixin:
    """For the FormView of a public form; subclasses implement ``form_accepted(form)``.

    ``form_accepted`` runs inside a transaction, at most once per token, and returns the
    URL of the receipt page that this and every replayed POST is redirected to.
    """

    rate_limit_scope = "default"
    email_field = "email"
    decoy_template = "includes/form_decoy.html"

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        known = self._known_receipt(form)
        if known:
            return redirect(known)
        if form.honeypot_filled():
            logger.info("Form %s: honeypot filled, nothing stored", self.rate_limit_scope)
            return render(request, self.decoy_template, status=200)
        if over_limit(self.rate_limit_scope, "address", client_address(request) or "unknown"):
            return self.too_many_attempts(form)
        if not form.is_valid():
            return self.form_invalid(form)
        submission_token = form.token_id()
        if submission_token is None:
            form.renew_token()
            form.add_error(
                None,
                _(
                    "Formuläret har varit öppet för länge. Kontrollera uppgifterna och "
                    "skicka igen."
                ),
            )
            return self.form_invalid(form)
        email = str(form.cleaned_data.get(self.email_field) or "")
        if email and over_limit(self.rate_limit_scope, "email", email):
            return self.too_many_attempts(form)
        return redirect(self._accept_once(form, submission_token))

    def _known_receipt(self, form):
        submission_token = form.token_id()
        if submission_token is None:
            return None
        return (
            FormSubmission.objects.filter(token=submission_token)
            .exclude(receipt_url="")
            .values_list("receipt_url", flat=True)
            .first()
        )

    def _accept_once(self, form, submission_token):
        with transaction.atomic():
            submission, created = FormSubmission.objects.select_for_update().get_or_create(
                token=submission_token, defaults={"scope": self.rate_limit_scope}
            )
            if not created:
                # A concurrent double click won the race; its receipt is ours too.
                return submission.receipt_url
            submission.receipt_url = self.form_accepted(form)
            submission.save(update_fields=["receipt_url"])
        return submission.receipt_url

    def form_accepted(self, form):
        raise NotImplementedError("A guarded form view must implement form_accepted(form)")

    def too_many_attempts(self, form):
        """429, with the form shown again as typed and a message saying what happened."""
        form.add_error(
            None,
            _(
                "Vi har tagit emot många försök från din adress eller med den här "
                "e-postadressen på kort tid. Ingenting har sparats. Vänta en stund och "
                "skicka sedan igen; dina uppgifter finns kvar i formuläret."
            ),
        )
        response = self.form_invalid(form)
        response.status_code = 429
        return response


def purge_old_submissions():
    """Periodic job: forget tokens that have expired anyway, and attempts past every limit."""
    now = timezone.now()
    cutoff = now - timedelta(seconds=settings.FORM_TOKEN_MAX_AGE)
    deleted, _details = FormSubmission.objects.filter(created__lt=cutoff).delete()
    longest_window = max(
        seconds
        for limits in settings.FORM_RATE_LIMITS.values()
        for _count, seconds in limits.values()
    )
    FormAttempt.objects.filter(created__lt=now - timedelta(seconds=longest_window)).delete()
    return f"{deleted} expired form tokens removed"
