"""What the visits app does beyond one model: requests, calendars, feed tokens and the purge."""

import secrets

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from portal import calendars
from portal.i18n import localized
from portal.links import absolute_url
from portal.mail import queue_mail
from visits.models import (
    CalendarFeedToken,
    Participant,
    Visit,
    calendar_feed_expiry,
    local_datetime,
)

# Request hours used for proposed dates, which the form asks for as days.
REQUEST_START_HOUR = 9
REQUEST_END_HOUR = 17


# Visit requests ------------------------------------------------------------------------------


def create_visit_request(data, language="sv"):
    """Record a visit request from the public form and tell the requester and the coordinators.

    The visit starts internal and in "request received"; nothing of it is public until a
    coordinator confirms it and makes it public.
    """
    organisation_name = data["organisation_name"]
    visit = Visit(
        direction=Visit.Direction.INCOMING,
        # The coordinators work in Swedish, whatever the requester's language.
        title=f"Besök från {organisation_name}"[:200],
        country=data.get("country") or "",
        starts_at=local_datetime(data["starts_on"], REQUEST_START_HOUR),
        ends_at=local_datetime(data["ends_on"], REQUEST_END_HOUR),
        purpose=data["purpose"],
        delegation_size=data["delegation_size"],
        visibility=Visit.Visibility.INTERNAL,
        status=Visit.Status.REQUESTED,
        requester_organisation=organisation_name,
        requester_name=data["contact_name"],
        requester_email=data["email"],
        requester_phone=data.get("phone", ""),
    )
    with transaction.atomic():
        visit.save()
        visit.topics.set(data.get("topics") or [])
        context = {
            "visit": visit,
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "site_url": settings.SITE_URL,
        }
        queue_mail(
            template="visits/mail/request_confirmation",
            context=context,
            to=[visit.requester_email],
            language=language,
        )
        coordinators = settings.VISIT_COORDINATORS_EMAIL
        if coordinators:
            queue_mail(
                template="visits/mail/request_notice",
                context=context,
                to=[coordinators],
                language="sv",
            )
    return visit


# Personal data -------------------------------------------------------------------------------


def purge_personal_data(now=None):
    """Remove participants and requesters' contact data once their time is up.

    Participants are personal data through and through, so their rows go; the visit keeps
    its delegation size, hosts and gifts register (public records).
    Returns the number of visits purged.
    """
    now = now or timezone.now()
    due = Visit.objects.personal_data_due(now).filter(personal_data_purged_at__isnull=True)
    due_ids = list(due.values_list("pk", flat=True))
    # Participants added after an earlier purge are due too.
    late_participants = Visit.objects.personal_data_due(now).filter(participants__isnull=False)
    due_ids = sorted(set(due_ids) | set(late_participants.values_list("pk", flat=True)))
    if not due_ids:
        return 0
    with transaction.atomic():
        Participant.objects.filter(visit_id__in=due_ids).delete()
        Visit.objects.filter(pk__in=due_ids).update(
            requester_organisation="",
            requester_name="",
            requester_email="",
            requester_phone="",
            personal_data_purged_at=now,
        )
    return len(due_ids)


# Staff calendar tokens -----------------------------------------------------------------------


def issue_calendar_token(user):
    """A new secret for ``user``'s personal feed (replacing any earlier one); returns it."""
    token = secrets.token_urlsafe(32)
    CalendarFeedToken.objects.update_or_create(
        user=user,
        defaults={
            "token_hash": CalendarFeedToken.hash(token),
            "expires_at": calendar_feed_expiry(),
        },
    )
    return token


def sees_internal_visits(user):
    """Internal visits are for those who work with visits, not for everyone who may pick a
    public visit from a list."""
    return user.has_perm("visits.change_visit")


def revoke_calendar_token(user):
    CalendarFeedToken.objects.filter(user=user).delete()


def user_for_calendar_token(token):
    """The active staff member who may read visits for this token, or None."""
    feed = (
        CalendarFeedToken.objects.select_related("user")
        .filter(token_hash=CalendarFeedToken.hash(token), expires_at__gt=timezone.now())
        .first()
    )
    if feed is None:
        return None
    user = feed.user
    if not (user.is_active and user.is_staff and user.has_perm("visits.view_visit")):
        return None
    return user


# iCalendar -----------------------------------------------------------------------------------

ICAL_STATUS = {
    Visit.Status.REQUESTED: "TENTATIVE",
    Visit.Status.PLANNING: "TENTATIVE",
    Visit.Status.CONFIRMED: "CONFIRMED",
    Visit.Status.COMPLETED: "CONFIRMED",
    Visit.Status.CANCELLED: "CANCELLED",
}


def visit_events(visit, *, staff=False):
    """The visit's VEVENTs: one, or one per day of a visit with daily hours.

    Public events carry only what the public page shows.
    """
    page = (
        reverse("admin:visits_visit_change", args=[visit.pk]) if staff
        else visit.get_absolute_url()
    )
    shown = {
        "summary": localized(visit, "title"),
        "url": absolute_url(page),
        "location": visit.place_display,
        "description": localized(visit, "purpose"),
    }
    if staff and visit.visibility == Visit.Visibility.INTERNAL:
        shown["description"] = "[" + translation.gettext("Internt") + "] " + shown["description"]
    return [
        _visit_event(visit, starts_at, ends_at, day, **shown)
        for starts_at, ends_at, day in calendars.daily_spans(visit.starts_at, visit.ends_at)
    ]


def _visit_event(visit, starts_at, ends_at, day, *, summary, url, location, description):
    event = calendars.event(
        visit,
        summary=summary,
        starts_at=starts_at,
        ends_at=ends_at,
        changed_at=visit.updated_at,
        url=url,
        day=day,
    )
    event.add("status", ICAL_STATUS[visit.status])
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    return event
