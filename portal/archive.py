"""Which years or months an archive has anything in, for a list's filter or a sitemap.

``SELECT DISTINCT`` over a truncated date reads every row of the archive. On PostgreSQL the
periods are found instead by one probe of the date's index per period, from the first row's
period to the last one's.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F
from django.db.models.functions import Trunc
from django.utils import timezone

_STEPS = {"year": "1 year", "month": "1 month"}


def periods_with(queryset, field, period):
    """The starts of the periods (``"year"`` or ``"month"``, in the current time zone) in
    which a row of ``queryset`` has its ``field``, newest first."""
    if connections[queryset.db].vendor != "postgresql":
        return list(
            queryset.annotate(period=Trunc(field, period)).order_by("-period")
            .values_list("period", flat=True).distinct()
        )
    try:
        rows, params = queryset.order_by().values(moment=F(field)).query.sql_with_params()
    except EmptyResultSet:  # queryset.none(), or a filter that nothing can match
        return []
    zone, step = timezone.get_current_timezone_name(), _STEPS[period]
    local = "date_trunc(%s, {} AT TIME ZONE %s)"
    sql = (
        "SELECT period FROM ("  # noqa: S608 - SQL of our own and the ORM's; values are parameters
        f"SELECT {local.format('min(moment)')} AS first, {local.format('max(moment)')} AS last "
        f"FROM ({rows}) AS bounds"
        ") AS span, generate_series(span.first, span.last, %s::interval) AS period "
        f"WHERE EXISTS (SELECT 1 FROM ({rows}) AS matching "
        "WHERE moment >= period AT TIME ZONE %s "
        "AND moment < (period + %s::interval) AT TIME ZONE %s) "
        "ORDER BY period DESC"
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, [
            period, zone, period, zone, *params, step, *params, zone, step, zone,
        ])
        return [row[0] for row in cursor.fetchall()]
