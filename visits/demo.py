"""Demo content: a year of formal visits and delegation trips around today's date.

The content is in ``demo.json``; a visit's first day is given in days from today, so that
the site always has upcoming and past visits. Idempotent: each visit is found by its slug,
programme items by their activity, participants and gifts by their natural keys.
"""

import datetime

from django.utils import timezone

from portal.demo import meeting_days, read_data, save_row
from relations.demo import topics_by_slug
from relations.models import Organisation, Project
from visits.models import Gift, Participant, ProgrammeItem, Visit, local_datetime


def load():
    data = read_data(__file__)
    today = timezone.localdate()
    # The relations demo has most of these already; they are only created when missing.
    organisations = {}
    for row in data["organisations"]:
        slug = row.pop("slug")
        organisations[slug], _created = Organisation.objects.get_or_create(slug=slug, defaults=row)
    topics = topics_by_slug()
    for row in data["visits"]:
        topic_slugs, project_slugs = row.pop("topics"), row.pop("projects", [])
        programme = row.pop("programme", [])
        participants, gifts = row.pop("participants", []), row.pop("gifts", [])
        first_day, last_day = meeting_days(
            today + datetime.timedelta(days=row.pop("days_from_now")), row.pop("days")
        )
        row["organisation"] = organisations.get(row.pop("organisation", None))
        row["starts_at"] = local_datetime(first_day, 9)
        row["ends_at"] = local_datetime(last_day, 17)
        cancelled = row["status"] == Visit.Status.CANCELLED
        row["cancelled_at"] = local_datetime(today, 8) if cancelled else None
        visit = save_row(Visit, row, "slug")
        visit.topics.set([topics[slug] for slug in topic_slugs])
        visit.projects.set(Project.objects.filter(slug__in=project_slugs))
        for item in programme:
            day = first_day + datetime.timedelta(days=item.pop("day"))
            item["starts_at"] = local_datetime(day, item.pop("starts_hour"))
            item["ends_at"] = local_datetime(day, item.pop("ends_hour"))
            save_row(
                ProgrammeItem,
                {**item, "visit": visit, "responsible": data["programme_responsible"]},
                "visit",
                "activity",
            )
        for participant in participants:
            save_row(Participant, {**participant, "visit": visit}, "visit", "name")
        for gift in gifts:
            save_row(Gift, {**gift, "visit": visit}, "visit", "description")
