"""Protection shared by every public form of the portal, without third-party services.

- a honeypot field that people never see and bots fill in: such a POST is answered like a
  success and stores nothing;
- a one-time form token: the accepted submission is recorded under it in the same
  transaction as the rows it created, so a double click or a replayed POST lands once and
  shows the same receipt;
- rate limits per client address (behind ``TRUSTED_PROXY_COUNT`` proxies) and per e-mail
  address, counted in the shared cache so that they hold across processes and machines,
  and in the database while the cache does not answer;
- kept files: a file that passed its checks is not lost when another field fails. It waits in
  the private storage under a signed, short-lived token that the form carries; the next
  submit uses it unless a new file replaces it, and the periodic sweep removes it.

Every public form shares one look too (templates/includes/form.html): the error summary
first, focused (static/js/forms.js), labels without colons, choices beside their boxes.
"""

import logging
import re
import uuid
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.files.storage import storages
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.forms.boundfield import BoundField
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from portal.models import FormAttempt, FormSubmission
from portal.page_cache import CACHE_ERRORS, has_own_page, remember

logger = logging.getLogger("portal")

TOKEN_SALT = "portal.formguard"  # noqa: S105 - a signing namespace, not a secret
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name
HONEYPOT_FIELD = "website"
KEPT_FILE_SALT = "portal.keptfile"
KEPT_FILE_SUFFIX = "_kept"
KEPT_FILES_DIRECTORY = "kept"


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


def kept_file_storage():
    """Files kept between submits are applicants' files too: never on a public URL."""
    return storages["private"]


class KeptFile:
    """A file that passed its checks on a submit that failed elsewhere, waiting for the next."""

    def __init__(self, field_name, stored_name, original_name, size):
        self.field_name = field_name
        self.stored_name = stored_name
        self.original_name = original_name
        self.size = size

    @classmethod
    def keep(cls, field_name, upload):
        stored_name = kept_file_storage().save(
            f"{KEPT_FILES_DIRECTORY}/{uuid.uuid4().hex}", upload
        )
        return cls(field_name, stored_name, upload.name, upload.size)

    @classmethod
    def from_token(cls, field_name, token):
        """The file a genuine, fresh token for this field names and that still exists."""
        try:
            data = signing.loads(
                token, salt=KEPT_FILE_SALT, max_age=settings.FORM_KEPT_FILE_MAX_AGE
            )
            kept = cls(field_name, str(data["s"]), str(data["n"]), int(data["b"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None
        if data.get("f") != field_name or not kept.stored_name.startswith(
            f"{KEPT_FILES_DIRECTORY}/"
        ):
            return None
        if not kept_file_storage().exists(kept.stored_name):
            return None
        return kept

    @property
    def token(self):
        return signing.dumps(
            {"f": self.field_name, "s": self.stored_name, "n": self.original_name,
             "b": self.size},
            salt=KEPT_FILE_SALT,
        )

    def __str__(self):
        return f"{self.original_name} ({filesizeformat(self.size)})"

    def upload(self):
        """The file as a form field receives an upload."""
        return UploadedFile(
            kept_file_storage().open(self.stored_name, "rb"),
            name=self.original_name,
            size=self.size,
        )

    def discard(self):
        kept_file_storage().delete(self.stored_name)


class PublicBoundField(BoundField):
    @property
    def kept_file(self):
        """The file given on an earlier submit that this field holds, if any."""
        return self.form.kept_files.get(self.name)

    @property
    def kept_file_input_name(self):
        return self.html_name + KEPT_FILE_SUFFIX


class GuardedFormMixin:
    """Adds the hidden one-time token and the honeypot to a public form, and keeps its files."""

    bound_field_class = PublicBoundField

    def __init__(self, *args, **kwargs):
        # GOV.UK's labels end without a colon; the field's layout tells label from input.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Lämna det här fältet tomt"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        if not self.is_bound:
            self.initial[TOKEN_FIELD] = new_token()
        self.kept_files = {}
        self._files_already_kept = set()
        if self.is_bound:
            self._use_kept_files()

    def _file_field_names(self):
        return [name for name, field in self.fields.items() if isinstance(field, forms.FileField)]

    def _use_kept_files(self):
        """A field left empty on this submit takes the file kept for it on an earlier one."""
        files = self.files.copy()
        for name in self._file_field_names():
            key = self.add_prefix(name)
            kept = KeptFile.from_token(name, self.data.get(key + KEPT_FILE_SUFFIX, ""))
            if kept is None:
                continue
            self.kept_files[name] = kept
            if not files.get(key):
                files[key] = kept.upload()
                self._files_already_kept.add(name)
        self.files = files

    def full_clean(self):
        super().full_clean()
        if self._errors:
            self._keep_new_valid_files()

    def _keep_new_valid_files(self):
        """Keep each new file that passed its checks, so the next submit need not repeat it.

        A new file that fails its checks leaves the one kept before in place.
        """
        for name in self._file_field_names():
            upload = self.cleaned_data.get(name)
            if upload and name not in self._errors and name not in self._files_already_kept:
                self.kept_files[name] = KeptFile.keep(name, upload)
                self._files_already_kept.add(name)

    def discard_kept_files(self):
        """Once the submission is stored, the copies kept for it are not needed."""
        for kept in self.kept_files.values():
            kept.discard()

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


# An empty form page is kept with these in place of its tokens.
_CSRF_STAND_IN = "csrf-token-stand-in"
_FORM_TOKEN_STAND_IN = "form-token-stand-in"  # noqa: S105 - a placeholder
_CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_FORM_TOKEN_VALUE = re.compile(rf'(name="(?:[\w-]+-)?{TOKEN_FIELD}" value=")[^"]*(")')


class _NotShared(Exception):
    """A form page that is not the plain 200 every visitor gets (a redirect, say)."""

    def __init__(self, response):
        super().__init__(response.status_code)
        self.response = response


def page_is_shared(request):
    """Whether this GET would show what any other visitor sees: no session and no message
    waiting (page_cache.has_own_page), no query string (prefilled fields, notices)."""
    return (
        request.method == "GET"
        and not request.GET
        and not has_own_page(request)
        and not request.user.is_authenticated
    )


def with_stand_ins(html):
    html = _CSRF_VALUE.sub(rf"\g<1>{_CSRF_STAND_IN}\g<2>", html)
    return _FORM_TOKEN_VALUE.sub(rf"\g<1>{_FORM_TOKEN_STAND_IN}\g<2>", html)


def with_fresh_tokens(html, request):
    # get_token() also has the CSRF cookie set on the response, as {% csrf_token %} would.
    return html.replace(_CSRF_STAND_IN, get_token(request)).replace(
        _FORM_TOKEN_STAND_IN, new_token()
    )


class GuardedFormViewMixin:
    """For the FormView of a public form; subclasses implement ``form_accepted(form)``.

    ``form_accepted`` runs inside a transaction, at most once per token, and returns the
    URL of the receipt page that this and every replayed POST is redirected to.
    """

    rate_limit_scope = "default"
    email_field = "email"
    decoy_template = "includes/form_decoy.html"

    def get(self, request, *args, **kwargs):
        """The empty form: the same page for every visitor but for its two tokens (CSRF and
        the form's own). Rendered once per address and language, kept like a cached page
        (dropped when content is saved, never past the next scheduled change), and given
        fresh tokens on each request. A visitor with a session, a message or a query string
        gets the page rendered for them alone."""
        if not page_is_shared(request):
            return super().get(request, *args, **kwargs)

        def render_with_stand_ins():
            response = super(GuardedFormViewMixin, self).get(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200:
                raise _NotShared(response)
            return with_stand_ins(response.content.decode(response.charset))

        name = f"form-page:{translation.get_language()}:{request.path}"
        try:
            page = remember(name, render_with_stand_ins)
        except _NotShared as not_shared:
            return not_shared.response
        return HttpResponse(with_fresh_tokens(page, request))

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
            transaction.on_commit(form.discard_kept_files)
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


def purge_kept_files():
    """Periodic job: remove files kept for a submit that never came."""
    storage = kept_file_storage()
    try:
        _directories, names = storage.listdir(KEPT_FILES_DIRECTORY)
    except FileNotFoundError:
        return "0 kept form files removed"
    cutoff = timezone.now() - timedelta(seconds=settings.FORM_KEPT_FILE_MAX_AGE)
    removed = 0
    for name in names:
        path = f"{KEPT_FILES_DIRECTORY}/{name}"
        if storage.get_modified_time(path) < cutoff:
            storage.delete(path)
            removed += 1
    return f"{removed} kept form files removed"
