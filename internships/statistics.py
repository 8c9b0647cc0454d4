"""A call's statistics for the recruiters: the anonymous counts, which outlive the
applications, and the applications still held, per status."""

from django.db.models import Count

from internships.models import Application, CallStatistic


def call_statistics(call):
    """What the statistics page shows: the total and (label, count) pairs per dimension."""
    counts = {dimension: [] for dimension in CallStatistic.Dimension}
    for row in call.statistics.all():
        counts[row.dimension].append((row.value, row.count))
    levels = dict(Application.Level.choices)
    statuses = dict(Application.Status.choices)
    held = call.applications.values("status").annotate(count=Count("pk")).order_by("status")
    return {
        "total": sum(count for _value, count in counts[CallStatistic.Dimension.TOTAL]),
        "by_university": counts[CallStatistic.Dimension.UNIVERSITY],
        "by_programme": counts[CallStatistic.Dimension.PROGRAMME],
        "by_level": [
            (levels.get(value, value), count)
            for value, count in counts[CallStatistic.Dimension.LEVEL]
        ],
        "by_status": [(statuses.get(row["status"], row["status"]), row["count"]) for row in held],
    }
