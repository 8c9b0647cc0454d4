"""The rules of registering, cancelling, the waiting list, mails and erasure.

Views, the admin and the periodic jobs only call these. Every change to who has a place
takes the event's row lock first (``select_for_update``), so that two requests for the
last place are served one after the other and only the first gets it.

The mails go to addresses nobody has verified: they carry the event's details, the
reference and the signed link to the registration, never text the registrant typed.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.core import signing
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events.models import (
    Answer,
    Event,
    EventStatistic,
    Registration,
    new_reference,
    retention_months,
)
from portal import audit, calendars
from portal.exports import csv_response
from portal.i18n import localized
from portal.links import absolute_url
from portal.mail import queue_mail, render_mail

logger = logging.getLogger("portal")

RECEIPT_SALT = "events.receipt"
MANAGE_SALT = "events.manage"
RECEIPT_MAX_AGE = 60 * 60 * 24 * 7

REGISTRANT_FIELDS = [
    "name", "email", "organisation", "organisation_type", "role", "dietary_needs",
    "accessibility_needs",
]


class RegistrationRefused(Exception):
    """The event takes no registration now; ``state`` says why (Event.RegistrationState)."""

    def __init__(self, state):
        super().__init__(state)
        self.state = state


@dataclass(frozen=True)
class Receipt:
    event_pk: int
    reference: str
    status: str


# Signed links -----------------------------------------------------------------------------


def receipt_token(receipt):
    return signing.dumps(
        {"e": receipt.event_pk, "r": receipt.reference, "s": receipt.status}, salt=RECEIPT_SALT
    )


def read_receipt_token(token):
    try:
        data = signing.loads(token, salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
        return Receipt(int(data["e"]), str(data["r"]), Registration.Status(data["s"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def manage_token(registration):
    return signing.dumps({"r": registration.reference}, salt=MANAGE_SALT)


def registration_for_manage_token(token):
    """The registration a genuine link names, or None for a tampered or erased one."""
    try:
        reference = str(signing.loads(token, salt=MANAGE_SALT)["r"])
    except (signing.BadSignature, KeyError, TypeError):
        return None
    return Registration.objects.select_related("event").filter(reference=reference).first()


def manage_url(registration):
    with translation.override(registration.language):
        return absolute_url(
            reverse("events:manage", kwargs={"token": manage_token(registration)})
        )


# Calendars --------------------------------------------------------------------------------


def calendar_event(event, *, for_participant=False):
    """The event's VEVENT; the participant's copy carries the link to the web broadcast."""
    place = ", ".join(part for part in (event.venue, event.room, event.address, event.city) if part)
    vevent = calendars.event(
        event,
        summary=localized(event, "title"),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        changed_at=event.updated_at,
        url=absolute_url(event.get_absolute_url()),
    )
    description = localized(event, "lead")
    if for_participant and event.online_url:
        description += "\n\n" + _("Länk till webbsändningen: %(url)s") % {"url": event.online_url}
        place = place or event.online_url
    elif event.is_online and not place:
        place = _("Webbsändning (länken skickas till anmälda)")
    vevent.add("description", description)
    if place:
        vevent.add("location", place)
    vevent.add("status", "CANCELLED" if event.is_called_off else "CONFIRMED")
    return vevent


def participant_calendar(event):
    """The event as an attachment for a mail to a registered participant."""
    text = calendars.calendar_text(
        [calendar_event(event, for_participant=True)], name=localized(event, "title")
    )
    return [(f"{event.slug}.ics", text, "text/calendar")]


# Mails ------------------------------------------------------------------------------------


def send_to_registrant(registration, template, *, event=None, calendar=False, **context):
    event = event or registration.event
    with translation.override(registration.language):
        queue_mail(
            template=f"events/mail/{template}",
            context={
                "event": event,
                "reference": registration.reference,
                "status": registration.status,
                "manage_url": manage_url(registration),
                "event_url": absolute_url(event.get_absolute_url()),
                "online_url": (
                    event.online_url
                    if registration.status == Registration.Status.CONFIRMED
                    else ""
                ),
                **context,
            },
            to=[registration.email],
            language=registration.language,
            attachments=participant_calendar(event) if calendar else None,
        )


# Registering and cancelling ---------------------------------------------------------------


def register(event, data, answers, *, language="sv", now=None):
    """Register one person from the form's cleaned data; returns the Receipt.

    A second registration with the same address to the same event stores and changes
    nothing: its sender sees the ordinary receipt (with a fresh reference, so that the
    page reveals nothing to a stranger) and the address's owner gets a mail with the link
    to the registration already there. ``answers`` maps Question to answer text.
    Raises RegistrationRefused, storing nothing, when the event takes no registration.
    """
    now = now or timezone.now()
    email = data["email"].strip().lower()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        state = event.registration_state(now, event.registrations.confirmed().count())
        if not event.is_public or state not in (
            Event.RegistrationState.OPEN, Event.RegistrationState.WAITING_LIST
        ):
            raise RegistrationRefused(state)
        status = (
            Registration.Status.CONFIRMED
            if state == Event.RegistrationState.OPEN
            else Registration.Status.WAITING
        )
        existing = event.registrations.active().filter(email=email).first()
        if existing:
            logger.info("Registration to %s: address already registered", event.slug)
            send_to_registrant(existing, "already_registered", event=event)
            return Receipt(event.pk, new_reference(), status)
        registration = Registration.objects.create(
            event=event,
            status=status,
            language=language,
            registered_at=now,
            **{name: data.get(name, "") for name in REGISTRANT_FIELDS},
        )
        Answer.objects.bulk_create(
            Answer(registration=registration, question=question, value=str(value))
            for question, value in answers.items()
        )
        send_to_registrant(
            registration, "confirmation", event=event,
            calendar=status == Registration.Status.CONFIRMED,
        )
    return Receipt(event.pk, registration.reference, status)


def cancel(registration, *, now=None):
    """Cancel a registration; a place it frees goes to the first on the waiting list.

    Cancelling a cancelled registration changes nothing, so the link works twice alike.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return registration
        had_place = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if had_place:
            fill_free_places(event, now=now)
    return registration


def fill_free_places(event, *, now=None):
    """Give the free places to the first on the waiting list, with a mail to each.

    The caller holds the event's row lock. Nobody moves up once the event has begun or is
    called off. Returns the registrations that got a place.
    """
    now = now or timezone.now()
    if event.starts_at <= now or event.is_called_off:
        return []
    free = event.places_left(event.registrations.confirmed().count())
    waiting = event.registrations.waiting()
    promoted = list(waiting if free is None else waiting[:free])
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        send_to_registrant(registration, "promoted", event=event, calendar=True)
    return promoted


def capacity_changed(event):
    """After an editor raises the number of places: the waiting list moves up."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        return fill_free_places(event)


def announce_status(event):
    """Tell everyone registered that the event is cancelled or postponed, once per status.

    An event published again forgets what was announced, so calling it off once more is
    announced again.
    """
    if not event.is_called_off:
        Event.objects.filter(pk=event.pk).exclude(announced_status="").update(announced_status="")
        return 0
    with transaction.atomic():
        claimed = (
            Event.objects.filter(pk=event.pk)
            .exclude(announced_status=event.status)
            .update(announced_status=event.status)
        )
        if not claimed:
            return 0
        registrations = list(event.registrations.active())
        for registration in registrations:
            send_to_registrant(registration, "called_off", event=event)
    return len(registrations)


def message_recipients(event, include_waiting):
    statuses = [Registration.Status.CONFIRMED]
    if include_waiting:
        statuses.append(Registration.Status.WAITING)
    return event.registrations.filter(status__in=statuses)


def message_preview(event, *, subject, body, include_waiting):
    """The staff's message as its recipients will read it, with a made-up reference."""
    subject, text = render_mail(
        "events/mail/message",
        {
            "event": event,
            "reference": "EV-XXXXXXXX",
            "manage_url": absolute_url(reverse("events:manage", kwargs={"token": "…"})),
            "event_url": absolute_url(event.get_absolute_url()),
            "subject": subject,
            "message": body,
        },
        "sv",
    )
    return {
        "subject": subject,
        "body": text,
        "recipients": message_recipients(event, include_waiting).count(),
    }


def mail_everyone(event, *, subject, body, include_waiting, user=None):
    """The staff's own message to the registered (and optionally the waiting list)."""
    registrations = list(message_recipients(event, include_waiting))
    with transaction.atomic():
        for registration in registrations:
            send_to_registrant(
                registration, "message", event=event, subject=subject, message=body
            )
        audit.record(
            "sent", event, user=user,
            detail=_("meddelande till %(count)s anmälda") % {"count": len(registrations)},
        )
    return len(registrations)


def set_attendance(event, attended_pks, *, user=None):
    """Mark who came: every confirmed registration is either there or not."""
    attended_pks = set(attended_pks)
    with transaction.atomic():
        confirmed = event.registrations.confirmed()
        confirmed.filter(pk__in=attended_pks).update(attended=True)
        confirmed.exclude(pk__in=attended_pks).update(attended=False)


# Periodic work ----------------------------------------------------------------------------


def send_reminders(now=None):
    """A reminder the day before, to those with a place who registered before that day.

    Each registration is claimed (``reminder_sent_at``) in the transaction that queues its
    mail, so a job run twice, or two at once, sends one reminder.
    """
    now = now or timezone.now()
    day = timedelta(days=1)
    due = Registration.objects.confirmed().filter(
        reminder_sent_at__isnull=True,
        event__status=Event.Status.PUBLISHED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + day,
        registered_at__lt=F("event__starts_at") - day,
    )
    sent = 0
    for registration in due.select_related("event"):
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if claimed:
                send_to_registrant(registration, "reminder", calendar=True)
                sent += claimed
    return sent


def erase_needs(now=None):
    """Dietary and accessibility needs are only for the event: erased the day after it."""
    today = timezone.localdate(now or timezone.now())
    start_of_today = timezone.make_aware(datetime.combine(today, time.min))
    return (
        Registration.objects.filter(event__ends_at__lt=start_of_today)
        .exclude(dietary_needs="", accessibility_needs="")
        .update(dietary_needs="", accessibility_needs="")
    )


def count_into_statistics(event, registrations):
    """Add the confirmed among ``registrations`` to the event's anonymous counts."""
    rows = (
        registrations.confirmed()
        .values("organisation_type")
        .annotate(
            # Named apart from the model's own ``attended``, which the filters read.
            registered_count=Count("pk"),
            attended_count=Count("pk", filter=Q(attended=True)),
            marked_count=Count("pk", filter=Q(attended__isnull=False)),
        )
        .order_by()
    )
    for row in rows:
        statistic, _created = EventStatistic.objects.get_or_create(
            event=event, organisation_type=row["organisation_type"]
        )
        EventStatistic.objects.filter(pk=statistic.pk).update(
            registered=F("registered") + row["registered_count"],
            attended=F("attended") + row["attended_count"],
            marked=F("marked") + row["marked_count"],
        )


def erase_registrations(now=None):
    """Registrations to events that ended EVENT_RETENTION_MONTHS ago are erased; the
    anonymous counts by type of organisation stay. Returns the number erased."""
    now = now or timezone.now()
    cutoff = now - relativedelta(months=retention_months())
    erased = 0
    for event in Event.objects.filter(ends_at__lt=cutoff, registrations__isnull=False).distinct():
        with transaction.atomic():
            registrations = Registration.objects.filter(event=event)
            count_into_statistics(event, registrations)
            count = registrations.count()
            registrations.delete()
            Event.objects.filter(pk=event.pk).update(registrations_erased_at=now)
            audit.record("purged", event, detail=_("%(count)s anmälningar") % {"count": count})
            erased += count
    return erased


def delete_registration(registration, *, user=None):
    """Erase one person's registration (a request about personal data).

    A place to a coming event is cancelled first, so the waiting list moves up; a past
    one is added to the anonymous counts.
    """
    registration = cancel(registration) if not registration.event.has_ended else registration
    with transaction.atomic():
        single = Registration.objects.filter(pk=registration.pk)
        count_into_statistics(registration.event, single)
        audit.record("purged", registration, user=user, detail=registration.reference)
        pk = registration.pk
        single.delete()
        audit.forget(Registration, pk, registration.reference)


# Staff lists ------------------------------------------------------------------------------


def participants_csv(event, *, user=None):
    """The event's registrations as a CSV attachment, with the answers to its questions."""
    questions = list(event.questions.all())
    header = [
        "Referens", "Status", "Anmäld", "Namn", "E-post", "Organisation", "Typ av organisation",
        "Roll", "Kost", "Tillgänglighetsbehov", "Deltog", *[q.text for q in questions],
    ]
    registrations = event.registrations.prefetch_related("answers").order_by(
        "status", "registered_at", "pk"
    )
    attended = {True: "ja", False: "nej", None: ""}

    def row(registration):
        answers = {answer.question_id: answer.value for answer in registration.answers.all()}
        return [
            registration.reference,
            registration.get_status_display(),
            timezone.localtime(registration.registered_at).strftime("%Y-%m-%d %H:%M"),
            registration.name,
            registration.email,
            registration.organisation,
            registration.get_organisation_type_display(),
            registration.role,
            registration.dietary_needs,
            registration.accessibility_needs,
            attended[registration.attended],
            *[answers.get(question.pk, "") for question in questions],
        ]

    audit.record("exported", event, user=user, detail=_("deltagarlista"))
    return csv_response(
        f"anmalda-{event.slug}.csv", header, (row(r) for r in registrations)
    )
