"""The one bar chart: bars to scale, room for labels and values, sizes as numbers."""

from dataclasses import dataclass

from portal.charts import bar_chart


@dataclass
class Counts:
    name: str
    first: int
    second: int = 0


def test_labels_on_the_left_and_two_bars_a_row():
    chart = bar_chart(
        [Counts("2027", 4, 2), Counts("2026", 1, 0)], ["first", "second"],
        width=460, label_width=70, value_room=70, bar_height=18, gap=14,
    )
    assert (chart.width, chart.height) == (460, 2 * (2 * 18 + 14))
    first, second = chart.rows
    assert first.item.name == "2027" and first.label_y == 18 + 4
    assert [(bar.series, bar.value, bar.x, bar.y, bar.width) for bar in first.bars] == [
        ("first", 4, 70, 0, 320), ("second", 2, 70, 18, 160),
    ]
    assert [(bar.y, bar.width) for bar in second.bars] == [(50, 80), (68, 0)]
    assert (first.bars[0].value_x, first.bars[0].value_y) == (70 + 320 + 6, 9 + 4)


def test_labels_above_and_a_sliver_for_the_smallest_value():
    chart = bar_chart(
        [Counts("stor", 3_000_000), Counts("liten", 100)], ["first"],
        width=640, label_height=24, value_room=200, bar_height=22, gap=10,
    )
    assert chart.height == 2 * (24 + 22 + 10)
    assert [row.label_y for row in chart.rows] == [16, 56 + 16]
    assert [(bar.x, bar.y, bar.width) for row in chart.rows for bar in row.bars] == [
        (0, 24, 440), (0, 56 + 24, 1),
    ]


def test_nothing_to_draw():
    chart = bar_chart([], ["first"], width=100, value_room=20, bar_height=10, gap=5)
    assert chart.rows == [] and chart.height == 1
    zero = bar_chart([Counts("noll", 0)], ["first"], width=100, value_room=20, bar_height=10,
                     gap=5)
    assert zero.rows[0].bars[0].width == 0
