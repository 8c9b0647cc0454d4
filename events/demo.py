"""Demo content: the events of the seeds (the seminar on the election campaign at the chamber
of commerce, the information meetings with the ESF council, the EU training for the
municipalities, a web seminar from Brussels) and a past network meeting.

The content is in ``demo.json``, the days given from today. Running it again changes
nothing: events are found by slug, questions by text and registrations by address, and the
times of an event already there are left as they are.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from events.models import Event, Question, Registration
from portal.demo import meeting_days, read_data, save_row
from relations.models import Contact, Organisation, Programme, Topic


def _times(row, zone):
    day, _last = meeting_days(timezone.localdate() + timedelta(days=row["days_from_now"]))
    starts_at = datetime.combine(day, time(row["start_hour"]), tzinfo=zone)
    return starts_at, starts_at + timedelta(hours=row["hours"])


def _event(row):
    fields = dict(row["fields"])
    event = Event.objects.filter(slug=row["slug"]).first()
    if event is None:
        starts_at, ends_at = _times(row, Event(time_zone=fields.get("time_zone",
                                                                    "Europe/Stockholm")).zone)
        event = Event(
            slug=row["slug"],
            starts_at=starts_at,
            ends_at=ends_at,
            publish_at=min(timezone.now(), starts_at - timedelta(days=30)),
            registration_opens_at=min(timezone.now(), starts_at - timedelta(days=30)),
            registration_closes_at=starts_at - timedelta(days=1),
            contact=Contact.objects.filter(email=row.get("contact", "")).first(),
            programme=Programme.objects.filter(slug=row.get("programme", "")).first(),
            **fields,
        )
        event.save()
    event.co_organisers.set(Organisation.objects.filter(slug__in=row.get("co_organisers", [])))
    event.topics.set(Topic.objects.filter(slug__in=row.get("topics", [])))
    return event


def _registrations(event, rows):
    for row in rows:
        if event.registrations.filter(email=row["email"]).exists():
            continue
        confirmed = event.capacity is None or (
            event.registrations.confirmed().count() < event.capacity
        )
        Registration.objects.create(
            event=event,
            status=Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITING,
            registered_at=min(timezone.now(), event.starts_at - timedelta(days=7)),
            **row,
        )


def load():
    data = read_data(__file__)
    for row in data["organisations"]:
        save_row(Organisation, row, "slug")
    for row in data["events"]:
        event = _event(row)
        for question in row.get("questions", []):
            save_row(Question, {**question, "event": event}, "event", "text")
        _registrations(event, row.get("registrations", []))
