"""Newsletter throughput, the parts that run inside Django (the bench database).

``python -m bench.newsletter prepare N``: N confirmed subscribers (the others of the bench
database unsubscribed), then one issue per language with three published items, sent
through ``newsroom.newsletter.delivery.send_issue`` (deliveries created, first batches
queued in the database task queue); prints {"issues": [...], "deliveries": n, "seconds": s}.
``python -m bench.newsletter ceiling N``: the machine's limit for the same mails: one issue
mail rendered once, sent N times (to N addresses) over one SMTP connection by a bare loop;
prints {"mails": N, "seconds": s}.
``python -m bench.newsletter verify SINK.json``: compares what the SMTP sink received with
the confirmed subscribers; prints the proof as JSON.
"""

import json
import os
import sys
import time

import django


def prepare(audience):
    from newsroom.models import NewsItem
    from newsroom.newsletter.delivery import send_issue
    from newsroom.newsletter.models import IssueItem, NewsletterIssue, Subscriber

    confirmed = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    beyond = confirmed.order_by("pk").values("pk")[audience:]
    Subscriber.objects.filter(pk__in=list(beyond.values_list("pk", flat=True))).update(
        status=Subscriber.Status.UNSUBSCRIBED
    )
    started = time.perf_counter()
    issues = []
    for language in ("sv", "en"):
        issue = NewsletterIssue.objects.create(
            subject=f"Nyhetsbrev (benchmark, {language})",
            intro="Det senaste från Externa relationer.",
            language=language,
        )
        items = NewsItem.objects.published().in_language(language).order_by("-publish_at")[:3]
        for position, item in enumerate(items, start=1):
            IssueItem.objects.create(issue=issue, news_item=item, position=position)
        send_issue(issue)
        issues.append(issue.pk)
    deliveries = sum(NewsletterIssue.objects.get(pk=pk).deliveries.count() for pk in issues)
    return {"issues": issues, "deliveries": deliveries,
            "seconds": round(time.perf_counter() - started, 2)}


def ceiling(count):
    from django.core.mail import get_connection

    from newsroom.newsletter.composing import build_message, issue_entries
    from newsroom.newsletter.models import NewsletterIssue, Subscriber

    issue = NewsletterIssue.objects.order_by("pk").first()
    subscriber = Subscriber.objects.filter(language=issue.language).first()
    message = build_message(issue, subscriber, issue_entries(issue))
    connection = get_connection()
    connection.open()
    started = time.perf_counter()
    for number in range(count):
        message.to = [f"tak{number}@example.se"]
        connection.send_messages([message])
    seconds = time.perf_counter() - started
    connection.close()
    return {"mails": count, "seconds": round(seconds, 2)}


def verify(sink_file):
    from newsroom.newsletter.models import Delivery, Subscriber

    with open(sink_file) as file:
        sink = json.load(file)
    received = {address.lower(): count for address, count in sink["recipients"].items()}
    confirmed = {
        email.lower()
        for email in Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
        .values_list("email", flat=True)
    }
    missing = sorted(confirmed - received.keys())
    duplicated = sorted(address for address, count in received.items() if count > 1)
    unexpected = sorted(received.keys() - confirmed)
    return {
        "confirmed_subscribers": len(confirmed),
        "messages_received": sink["messages"],
        "distinct_recipients": len(received),
        "missing": len(missing),
        "received_more_than_once": len(duplicated),
        "not_confirmed_but_received": len(unexpected),
        "examples": (missing + duplicated + unexpected)[:5],
        "deliveries_sent": Delivery.objects.filter(status=Delivery.Status.SENT).count(),
        "deliveries_not_sent": Delivery.objects.exclude(status=Delivery.Status.SENT).count(),
        "every_confirmed_subscriber_exactly_once": not (missing or duplicated or unexpected)
        and sink["messages"] == len(confirmed),
    }


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    if argv[1:2] == ["prepare"] and len(argv) == 3:
        print(json.dumps(prepare(int(argv[2]))))
    elif argv[1:2] == ["ceiling"] and len(argv) == 3:
        print(json.dumps(ceiling(int(argv[2]))))
    elif argv[1:2] == ["verify"] and len(argv) == 3:
        print(json.dumps(verify(argv[2])))
    else:
        raise SystemExit(
            "usage: python -m bench.newsletter prepare N | ceiling N | verify SINK.json"
        )


if __name__ == "__main__":
    main(sys.argv)
