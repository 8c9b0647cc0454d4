"""An event's statistics for its organisers: registered, attended and no-shows by type of
organisation, from the registrations still held and the anonymous counts of erased ones."""

from dataclasses import dataclass

from django.db.models import Count, Q

from events.models import Registration
from portal.charts import bar_chart


@dataclass
class TypeCount:
    label: str
    registered: int = 0
    attended: int = 0
    marked: int = 0

    @property
    def no_shows(self):
        """Those with a place marked as not there; unmarked places are not counted."""
        return self.marked - self.attended


def per_organisation_type(event):
    """A TypeCount for every type of organisation with a place, most registered first."""
    labels = dict(Registration.OrganisationType.choices)
    counts = {}

    def add(kind, registered, attended, marked):
        count = counts.setdefault(kind, TypeCount(str(labels.get(kind, kind))))
        count.registered += registered
        count.attended += attended
        count.marked += marked

    live = (
        event.registrations.confirmed()
        .values("organisation_type")
        .annotate(
            # Named apart from the model's own ``attended``, which the filters read.
            registered_count=Count("pk"),
            attended_count=Count("pk", filter=Q(attended=True)),
            marked_count=Count("pk", filter=Q(attended__isnull=False)),
        )
        .order_by()
    )
    for row in live:
        add(row["organisation_type"], row["registered_count"], row["attended_count"],
            row["marked_count"])
    for row in event.statistics.all():
        add(row.organisation_type, row.registered, row.attended, row.marked)
    return sorted(counts.values(), key=lambda count: (-count.registered, count.label))


def event_statistics(event):
    """Everything the statistics page shows."""
    rows = per_organisation_type(event)
    total = TypeCount(
        "",
        registered=sum(row.registered for row in rows),
        attended=sum(row.attended for row in rows),
        marked=sum(row.marked for row in rows),
    )
    statuses = dict(
        event.registrations.values_list("status").annotate(count=Count("pk")).order_by()
    )
    return {
        "rows": rows,
        "total": total,
        "waiting": statuses.get(Registration.Status.WAITING, 0),
        "cancelled": statuses.get(Registration.Status.CANCELLED, 0),
        "chart": bar_chart(
            rows, ["registered", "attended", "no_shows"],
            width=560, label_width=200, value_room=50, bar_height=16, gap=14,
        ),
    }
