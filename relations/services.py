"""What the public pages of the relations app compute: the grant figure and the networks."""

from dataclasses import dataclass

from relations.models import Membership, Programme

# The grant figure is drawn in a 640-unit wide SVG: bars start at the left edge and the
# longest one leaves room for its value after it. Sizes are attributes, since the CSP
# forbids inline styles.
CHART_WIDTH = 640
CHART_BAR_MAX = 440
CHART_ROW_HEIGHT = 56
CHART_BAR_HEIGHT = 22


@dataclass
class GrantBar:
    programme: Programme
    total_grant: object
    project_count: int
    label_y: int
    bar_y: int
    bar_width: int
    value_x: int
    value_y: int


@dataclass
class GrantChart:
    bars: list
    total_grant: object
    total_projects: int
    width: int = CHART_WIDTH
    height: int = 0


def grant_chart():
    """EU grants of the region's projects summed per programme, largest first (one query)."""
    programmes = list(
        Programme.objects.with_grant_totals()
        .filter(project_count__gt=0)
        .order_by("-total_grant", "name")
    )
    largest = max((p.total_grant for p in programmes), default=0)
    bars = []
    for row, programme in enumerate(programmes):
        top = row * CHART_ROW_HEIGHT
        width = round(CHART_BAR_MAX * programme.total_grant / largest) if largest else 0
        bars.append(
            GrantBar(
                programme=programme,
                total_grant=programme.total_grant,
                project_count=programme.project_count,
                label_y=top + 16,
                bar_y=top + 24,
                bar_width=max(width, 1),
                value_x=max(width, 1) + 8,
                value_y=top + 40,
            )
        )
    return GrantChart(
        bars=bars,
        total_grant=sum((p.total_grant for p in programmes), 0),
        total_projects=sum(p.project_count for p in programmes),
        height=max(len(bars) * CHART_ROW_HEIGHT, 1),
    )


def current_public_memberships():
    """The region's current, public memberships with their organisations (two queries)."""
    return Membership.objects.current().for_public_pages()
