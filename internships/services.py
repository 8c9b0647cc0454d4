"""The rules of applying, withdrawing, reviewing and purging, used by views, admin and jobs."""

import copy
import io
import logging
import zipfile
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation

from internships.models import (
    INFORMATION_VERSION,
    Application,
    InternshipCall,
    ReferenceCounter,
    file_storage,
)
from portal import audit
from portal.exports import csv_response
from portal.links import absolute_url
from portal.mail import queue_mail, render_mail

logger = logging.getLogger("portal")

RECEIPT_SALT = "internships.receipt"
WITHDRAW_SALT = "internships.withdraw"
RECEIPT_MAX_AGE = 60 * 60 * 24 * 7

APPLICANT_FIELDS = [*Application.PERSONAL_FIELDS, "cover_letter"]


class CallNotOpen(Exception):
    """The call is closed, not yet open or not published: nothing may be submitted to it."""


# Signed links -----------------------------------------------------------------------------


def receipt_token(call, reference):
    return signing.dumps({"c": call.pk, "r": reference}, salt=RECEIPT_SALT)


def read_receipt_token(token):
    try:
        data = signing.loads(token, salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
        return int(data["c"]), str(data["r"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def withdraw_token(application):
    return signing.dumps({"a": application.pk, "r": application.reference}, salt=WITHDRAW_SALT)


def application_for_withdraw_token(token):
    """The application a genuine withdraw link names, or None for a tampered or stale one."""
    try:
        data = signing.loads(token, salt=WITHDRAW_SALT)
        pk, reference = int(data["a"]), str(data["r"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return (
        Application.objects.select_related("call", "call__office")
        .filter(pk=pk, reference=reference)
        .first()
    )


def withdraw_url(application):
    with translation.override(application.language):
        return absolute_url(
            reverse("internships:withdraw", kwargs={"token": withdraw_token(application)})
        )


# Applying ---------------------------------------------------------------------------------


def submit_application(call, data, *, language="sv"):
    """Store one application from the form's cleaned data; returns the receipt's reference.

    A second application with the same e-mail to the same call stores and overwrites
    nothing: its sender gets the ordinary receipt (with a fresh number, so that the page
    reveals nothing to a stranger) and the address's owner a mail saying how to withdraw
    the existing application and apply again. Everything runs in one transaction; files
    written before a failure are removed again.
    """
    now = timezone.now()
    with transaction.atomic():
        call = InternshipCall.objects.select_for_update().get(pk=call.pk)
        if not (call.is_published and call.state_at(now) == InternshipCall.State.OPEN):
            raise CallNotOpen(call)
        reference = ReferenceCounter.next_reference(timezone.localdate(now).year)
        existing = (
            Application.objects.active()
            .filter(call=call, email=data["email"].strip().lower())
            .first()
        )
        if existing:
            logger.info("Application to %s: duplicate e-mail, nothing stored", call.slug)
            queue_mail(
                template="internships/mail/already_applied",
                context={"call": call, "withdraw_url": withdraw_url(existing)},
                to=[existing.email],
                language=existing.language,
            )
            return reference

        application = Application(
            call=call,
            reference=reference,
            submitted_at=now,
            status_changed_at=now,
            language=language,
            information_confirmed=True,
            information_version=INFORMATION_VERSION,
            **{name: data[name] for name in APPLICANT_FIELDS},
        )
        written = []
        try:
            for field in ("cv", "transcript"):
                upload = data.get(field)
                if upload:
                    getattr(application, field).save(upload.name, upload, save=False)
                    written.append(getattr(application, field).name)
            application.save()
            queue_mail(
                template="internships/mail/confirmation",
                context={
                    "application": application,
                    "call": call,
                    "withdraw_url": withdraw_url(application),
                    "purge_after": call.purge_after,
                },
                to=[application.email],
                language=language,
            )
        except BaseException:
            for name in written:
                file_storage().delete(name)
            raise
    return reference


def withdraw_application(application):
    """The applicant withdraws: marked withdrawn, never deleted early (a public record).

    A mail confirms it, so that a withdrawal nobody asked for does not pass unnoticed.
    """
    with transaction.atomic():
        application.withdraw()
        call = application.call
        with translation.override(application.language):
            call_url = absolute_url(call.get_absolute_url())
        queue_mail(
            template="internships/mail/withdrawn",
            context={
                "application": application,
                "call": call,
                "call_url": call_url,
                "purge_after": call.purge_after,
            },
            to=[application.email],
            language=application.language,
        )


def application_status(call, reference):
    """The status of the application a receipt names (None for a receipt that stored nothing)."""
    return (
        Application.objects.filter(call=call, reference=reference)
        .values_list("status", flat=True)
        .first()
    )


# Review -----------------------------------------------------------------------------------


STATUS_MAIL = "internships/mail/status_changed"


def change_status(application, status, *, by, notify=False):
    """Move an application on (through the model's workflow) and optionally tell the applicant."""
    with transaction.atomic():
        application.change_status(status, by=by)
        if notify:
            queue_mail(
                template=STATUS_MAIL,
                context={"application": application, "call": application.call},
                to=[application.email],
                language=application.language,
            )


def status_mail(application, status):
    """The subject and body that ``application``'s applicant would get on its move to ``status``."""
    moved = copy.copy(application)
    moved.status = status
    return render_mail(
        STATUS_MAIL, {"application": moved, "call": application.call}, application.language
    )


def board(call):
    """The call's applications as columns by status, in the workflow's order, best rated first."""
    columns = {status: [] for status in Application.Status}
    for application in call.applications.order_by(
        F("rating").desc(nulls_last=True), "submitted_at"
    ):
        columns[Application.Status(application.status)].append(application)
    return list(columns.items())


CSV_COLUMNS = [
    ("reference", "Referensnummer"),
    ("registration_number", "Diarienummer"),
    ("submitted_at", "Inkommen"),
    ("status", "Status"),
    ("first_name", "Förnamn"),
    ("last_name", "Efternamn"),
    ("email", "E-post"),
    ("phone", "Telefon"),
    ("university", "Lärosäte"),
    ("programme", "Utbildning"),
    ("level", "Nivå"),
    ("expected_graduation", "Beräknad examen"),
    ("languages", "Språk"),
    ("rating", "Bedömning"),
]


def applications_csv(call):
    """The call's applications as a CSV attachment (no files, no internal notes)."""
    rows = (
        [_csv_value(application, name) for name, _label in CSV_COLUMNS]
        for application in call.applications.order_by("submitted_at")
    )
    return csv_response(
        f"ansokningar-{call.slug}.csv", [label for _name, label in CSV_COLUMNS], rows
    )


def _csv_value(application, name):
    if name == "submitted_at":
        return timezone.localtime(application.submitted_at).strftime("%Y-%m-%d %H:%M")
    if name in ("status", "level"):
        return getattr(application, f"get_{name}_display")()
    return getattr(application, name)


def cvs_zip(call):
    """The CVs of the call's applications as one ZIP, named by reference number.

    A withdrawn application is no longer under review: its CV stays out.
    """
    buffer = io.BytesIO()
    storage = file_storage()
    applications = call.applications.exclude(cv="").exclude(status=Application.Status.WITHDRAWN)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for application in applications.order_by("reference"):
            try:
                with storage.open(application.cv.name, "rb") as file:
                    archive.writestr(f"{application.reference}-cv.pdf", file.read())
            except FileNotFoundError:
                logger.warning("CV of %s missing from storage", application.reference)
    return buffer.getvalue()


# Retention --------------------------------------------------------------------------------


def purge_expired_applications(now=None, *, dry_run=False):
    """Delete applicants not chosen whose retention has ended, with their files.

    Accepted interns' applications, held applications and applications to held calls stay.
    The anonymous counts (CallStatistic) are kept. Returns the references removed.
    """
    removed = []
    expired = list(Application.objects.expired(now).select_related("call"))
    for application in expired:
        removed.append(application.reference)
        if not dry_run:
            delete_application(application)
    return removed


def delete_application(application, *, user=None):
    """Delete one application and its files; the audit trail keeps only its reference."""
    names = [f.name for f in (application.cv, application.transcript) if f]
    with transaction.atomic():
        audit.record("purged", application, user=user, detail=application.reference)
        pk = application.pk
        application.delete()
        audit.forget(Application, pk, application.reference)
    # After the rows are gone: a crash here leaves files that remove_orphan_files finds.
    storage = file_storage()
    for name in names:
        storage.delete(name)
    logger.info(
        "Deleted application %s to %s (%d files)",
        application.reference,
        application.call.slug,
        len(names),
    )


def applications_missing_files():
    """References of applications whose CV or transcript is gone from the storage."""
    storage = file_storage()
    return [
        reference
        for reference, *names in Application.objects.values_list("reference", "cv", "transcript")
        if any(name and not storage.exists(name) for name in names)
    ]


def remove_orphan_files(older_than=timedelta(hours=1)):
    """Files in the private storage that no application names (left by a crash mid-write)."""
    storage = file_storage()
    try:
        _dirs, files = storage.listdir("applications")
    except FileNotFoundError:
        return 0
    known = set(Application.objects.values_list("cv", flat=True)) | set(
        Application.objects.values_list("transcript", flat=True)
    )
    cutoff = timezone.now() - older_than
    removed = 0
    for file_name in files:
        name = f"applications/{file_name}"
        if name not in known and storage.get_modified_time(name) < cutoff:
            storage.delete(name)
            removed += 1
    return removed
