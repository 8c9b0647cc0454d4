"""What the public pages of the relations app compute: the grant figure and the networks."""

from dataclasses import dataclass

from portal.charts import BarChart, bar_chart
from relations.models import Membership, Programme


@dataclass(frozen=True)
class GrantChart:
    """A bar per programme, its name above the bar, and the sums for the table's foot."""

    figure: BarChart
    total_grant: object
    total_projects: int


def grant_chart():
    """EU grants of the region's projects summed per programme, largest first (one query)."""
    programmes = list(
        Programme.objects.with_grant_totals()
        .filter(project_count__gt=0)
        .order_by("-total_grant", "name")
    )
    return GrantChart(
        # The longest bar leaves room after it for an amount in millions of euro.
        figure=bar_chart(
            programmes, ["total_grant"], width=640, label_height=24, value_room=200,
            bar_height=22, gap=10,
        ),
        total_grant=sum((p.total_grant for p in programmes), 0),
        total_projects=sum(p.project_count for p in programmes),
    )


def current_public_memberships():
    """The region's current, public memberships with their organisations (two queries)."""
    return Membership.objects.current().for_public_pages()
