"""Bar charts for the minutes, in the colours of the fields of action (reportlab.graphics)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from smartdialog.core import pdffonts
from smartdialog.core.minutes import german
from smartdialog.core.minutes.layout import INK, MUTED, RULE

BAR = 13.0  # height of one bar, in points
LABEL_WIDTH = 250.0
LEGEND_COLUMNS = 3


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str


def _fit(label: str, width: float, size: float) -> str:
    """Shorten ``label`` with an ellipsis until it fits ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = pdffonts.register()
    label = pdffonts.printable(label)  # one font here: emoji by name
    if stringWidth(label, font, size) <= width:
        return label
    words = label.split()
    while words and stringWidth(" ".join(words) + " …", font, size) > width:
        words.pop()
    return (" ".join(words) + " …") if words else label[:20] + "…"


def bar_chart(
    bars: Sequence[Bar], width: float, *, legend: Sequence[tuple[str, str]] = ()
) -> Drawing:
    """Horizontal bars, largest first from the top, each with its value at its end."""
    font = pdffonts.register()
    legend_rows = -(-len(legend) // LEGEND_COLUMNS)
    legend_height = legend_rows * 12 + (8 if legend else 0)
    height = len(bars) * (BAR + 5) + 16 + legend_height
    # Without it the renderer starts in Helvetica, which is not embedded.
    drawing = Drawing(width, height, initialFontName=font, initialFontSize=7.5)
    chart = HorizontalBarChart()
    chart.x = LABEL_WIDTH
    chart.y = 12 + legend_height
    chart.width = width - LABEL_WIDTH - 28
    chart.height = len(bars) * (BAR + 5)
    # The chart draws the first category at the bottom: reverse, so that rank 1 is on top.
    ordered = list(reversed(bars))
    chart.data = [[b.value for b in ordered]]
    chart.categoryAxis.categoryNames = [_fit(b.label, LABEL_WIDTH - 10, 7.5) for b in ordered]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    peak = max((b.value for b in bars), default=0)
    step = _nice_step(peak)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-peak // step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = german.integer
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.barWidth = BAR
    chart.groupSpacing = 5
    chart.bars.strokeColor = None
    for index, bar in enumerate(ordered):
        chart.bars[(0, index)].fillColor = colors.HexColor(bar.colour)
    chart.barLabelFormat = german.integer
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7.5
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    column_width = width / LEGEND_COLUMNS
    for index, (name, colour) in enumerate(legend):
        column, row = index % LEGEND_COLUMNS, index // LEGEND_COLUMNS
        x = column * column_width
        y = legend_height - 12 - row * 12
        drawing.add(Rect(x, y, 8, 8, fillColor=colors.HexColor(colour), strokeColor=None))
        drawing.add(
            String(
                x + 12,
                y + 1,
                _fit(name, column_width - 16, 7.5),
                fontName=font,
                fontSize=7.5,
                fillColor=INK,
            )
        )
    return drawing


def _nice_step(peak: int) -> int:
    """A round axis step that gives about five grid lines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 6:
            return step
    return 10_000
