"""The parts of ``make chaos`` that run inside Django (the run's own database).

``python -m bench.chaos_data seed``: an open call and an event with room for everyone;
prints the four forms' paths as JSON.
``python -m bench.chaos_data queue``: the task queue's state as JSON (tasks due, waiting for a
later time, running, and how long the oldest has been running).
``python -m bench.chaos_data verify SUBMISSIONS.json SINK.json``: compares what the clients
saw and what the SMTP sink received with what the database holds; prints the figures.
"""

import json
import os
import sys
from collections import Counter
from datetime import timedelta

import django


def seed():
    from django.urls import reverse
    from django.utils import timezone, translation

    from events.factories import EventFactory
    from internships.factories import InternshipCallFactory

    now = timezone.now()
    call = InternshipCallFactory(
        slug="kaos-praktik", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30)
    )
    event = EventFactory(slug="kaos-seminarium", capacity=1_000_000, waiting_list=False)
    with translation.override("sv"):
        return {
            "application": call.get_apply_url(),
            "newsletter": reverse("newsroom:subscribe"),
            "visit": reverse("visits:request"),
            "event": event.get_register_url(),
        }


def queue():
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    # ready(): what a worker takes now, including tasks without a time (stored as year 9999).
    due = DBTaskResult.objects.ready().count()
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    oldest = running.order_by("started_at").values_list("started_at", flat=True).first()
    return {
        "due": due,
        "later": DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() - due,
        "running": running.count(),
        "oldest_running_seconds": (now - oldest).total_seconds() if oldest else 0,
    }


def stored_rows():
    """Per form, the e-mail address of every stored submission (a list: duplicates show)."""
    from events.models import Registration
    from internships.models import Application
    from newsroom.newsletter.models import Subscriber
    from visits.models import Visit

    return {
        "application": list(Application.objects.values_list("email", flat=True)),
        "newsletter": list(Subscriber.objects.values_list("email", flat=True)),
        "visit": list(Visit.objects.exclude(requester_email="")
                      .values_list("requester_email", flat=True)),
        "event": list(Registration.objects.values_list("email", flat=True)),
    }


def applications_without_their_file():
    from internships.models import Application

    return sorted(
        application.email for application in Application.objects.all()
        if not application.cv or not application.cv.storage.exists(application.cv.name)
    )


def verify(submissions_file, sink_file):
    from django.conf import settings

    from portal.mail import uncertain_mails

    with open(submissions_file) as file:
        submissions = json.load(file)
    with open(sink_file) as file:
        received = Counter({address.lower(): count
                            for address, count in json.load(file)["recipients"].items()})
    rows = {form: Counter(email.lower() for email in emails)
            for form, emails in stored_rows().items()}

    forms = {}
    owed = Counter()
    for form, stored in rows.items():
        tried = [item for item in submissions if item["form"] == form]
        receipted = {item["email"] for item in tried if item["receipt"]}
        forms[form] = {
            "submissions": len(tried),
            "receipts": len(receipted),
            "stored": sum(stored.values()),
            "stored_without_receipt": len(set(stored) - receipted),
            "lost": sorted(receipted - set(stored)),
            "duplicated": sorted(email for email, count in stored.items() if count > 1),
        }
        # One confirmation mail per stored submission, to the address that was typed.
        owed.update(set(stored))
    coordinators = settings.VISIT_COORDINATORS_EMAIL.lower()
    if coordinators:
        owed[coordinators] += sum(rows["visit"].values())  # a notice per visit request

    uncertain = Counter(
        address.lower()
        for to in uncertain_mails().values_list("args_kwargs__kwargs__to", flat=True)
        for address in to
    )
    missing = {address: count - received[address] - uncertain[address]
               for address, count in owed.items()
               if received[address] + uncertain[address] < count}
    duplicated = {address: received[address] - count for address, count in owed.items()
                  if received[address] > count}
    unexpected = sorted(set(received) - set(owed))
    return {
        "forms": forms,
        "applications_without_file": applications_without_their_file(),
        "mails": {
            "owed": sum(owed.values()),
            "received": sum(received.values()),
            "uncertain": sum(uncertain.values()),
            # Whether they went out is what the portal cannot know; the sink knows: what an
            # address received beyond its certain mails came from its uncertain ones.
            "uncertain_received": sum(
                min(count, max(received[address] - owed[address] + count, 0))
                for address, count in uncertain.items()
            ),
            "missing": sum(missing.values()),
            "duplicated": sum(duplicated.values()),
            "unexpected": len(unexpected),
            "examples": (sorted(missing) + sorted(duplicated) + unexpected)[:5],
        },
    }


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    if argv[1:2] == ["seed"]:
        print(json.dumps(seed()))
    elif argv[1:2] == ["queue"]:
        print(json.dumps(queue()))
    elif argv[1:2] == ["verify"] and len(argv) == 4:
        print(json.dumps(verify(argv[2], argv[3])))
    else:
        raise SystemExit(
            "usage: python -m bench.chaos_data seed | queue | verify SUBMISSIONS.json SINK.json"
        )


if __name__ == "__main__":
    main(sys.argv)
