"""Horizontal bar charts drawn as SVG, for every statistics page and figure of the site.

The CSP forbids inline styles, so every size and position is computed here and written
into the SVG as attributes; a template only places the numbers and its colours come from
classes. A chart shows figures that a table beside it gives too.
"""

from dataclasses import dataclass

# A value's text starts this far after the end of its bar.
VALUE_GAP = 6
# A text's baseline sits this far below the middle of what it labels, to centre it.
BASELINE_DROP = 4
# A label above its bars leaves this much room under its baseline.
LABEL_CLEARANCE = 8


@dataclass(frozen=True)
class Bar:
    series: str
    value: object
    x: int
    y: int
    width: int
    height: int

    @property
    def value_x(self):
        return self.x + self.width + VALUE_GAP

    @property
    def value_y(self):
        return self.y + self.height // 2 + BASELINE_DROP


@dataclass(frozen=True)
class Row:
    """What one row is about (a year's counts, a programme), its label's baseline, its bars."""

    item: object
    label_y: int
    bars: list


@dataclass(frozen=True)
class BarChart:
    rows: list
    width: int
    height: int


def bar_chart(
    items, series, *, width, value_room, bar_height, gap, label_width=0, label_height=0
):
    """One row per item, with a bar for each name in ``series`` (an attribute of the item).

    Labels go left of the bars, in ``label_width``, or above them, in ``label_height``.
    The longest bar ends ``value_room`` before the right edge, leaving room for its value;
    the others are to scale with it, and a value above zero shows at least a sliver.
    """
    items = list(items)
    values = [getattr(item, name) for item in items for name in series]
    largest = max(values, default=0)
    bar_max = width - label_width - value_room
    row_height = label_height + len(series) * bar_height + gap
    rows = []
    for index, item in enumerate(items):
        top = index * row_height
        bars_top = top + label_height
        bars = []
        for position, name in enumerate(series):
            value = getattr(item, name)
            length = round(bar_max * value / largest) if largest else 0
            bars.append(
                Bar(
                    series=name,
                    value=value,
                    x=label_width,
                    y=bars_top + position * bar_height,
                    width=max(length, 1) if value > 0 else 0,
                    height=bar_height,
                )
            )
        if label_height:
            label_y = bars_top - LABEL_CLEARANCE
        else:
            label_y = bars_top + len(series) * bar_height // 2 + BASELINE_DROP
        rows.append(Row(item=item, label_y=label_y, bars=bars))
    return BarChart(rows=rows, width=width, height=max(len(rows) * row_height, 1))
