"""Draw the progress chart as inline SVG at build time: no script, no request.

One column per update, in date order, equally spaced (they are reporting
rounds, not a continuous measurement, so nothing is drawn between them): an
outlined bar for the problems in total, a filled bar for those rectified, and
both numbers written above. A count that is not stated gets no bar, only words.
The SVG has a <title> and a <desc> that say every number, for screen readers.
"""
from __future__ import annotations

import datetime
import itertools
import math
from dataclasses import dataclass

from .markup import esc

TOTAL_COLOUR, DONE_COLOUR = "#9e9e9e", "#2e7d32"
# Geometry, in SVG units.
PITCH, BAR, LEFT, RIGHT, TOP, PLOT, BOTTOM = 132, 56, 44, 12, 52, 180, 40


@dataclass(frozen=True)
class Column:
    date: datetime.date
    date_text: str  # the date as readers write it
    total: int | None  # None: not stated
    completed: int | None


@dataclass(frozen=True)
class Words:
    """What the chart says, in the page's language."""

    title: str
    desc: str  # every number, in words
    total: str  # legend of the outlined bars
    completed: str  # legend of the filled bars
    not_stated: str


def axis_top(largest: int) -> tuple[int, int]:
    """The top of the value axis and the step between its ticks: a step of
    1, 2 or 5 times a power of ten, at most five steps."""
    largest = max(largest, 1)
    # Every count the check lets through can be charted: the check and the build agree.
    for power in itertools.count():
        for base in (1, 2, 5):
            step = base * 10 ** power
            if largest <= 5 * step:
                return math.ceil(largest / step) * step, step


def progress_chart(columns: list[Column], words: Words, chart_id: str = "gs-chart") -> str:
    top, step = axis_top(max((c.total or c.completed or 0 for c in columns), default=0))
    width = LEFT + PITCH * max(len(columns), 1) + RIGHT
    height = TOP + PLOT + BOTTOM
    base = TOP + PLOT

    def y(value: int) -> float:
        return base - PLOT * value / top

    parts = [
        f'<svg class="gs-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{esc(words.title)}</title>',
        f'<desc id="{chart_id}-desc">{esc(words.desc)}</desc>',
        # The legend: a swatch for each kind of bar, then its words.
        f'<g class="gs-chart__legend" font-size="12" fill="currentColor">'
        f'<rect x="{LEFT}" y="8" width="12" height="12" fill="none" stroke="{TOTAL_COLOUR}" stroke-width="2"/>'
        f'<text x="{LEFT + 18}" y="18">{esc(words.total)}</text>'
        f'<rect x="{LEFT}" y="26" width="12" height="12" fill="{DONE_COLOUR}"/>'
        f'<text x="{LEFT + 18}" y="36">{esc(words.completed)}</text></g>',
    ]
    # The value axis: a line and a label at each tick.
    ticks = []
    for value in range(0, top + 1, step):
        ticks.append(f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y(value):g}" y2="{y(value):g}" '
                     f'stroke="currentColor" stroke-opacity="{0.6 if value == 0 else 0.15}"/>'
                     f'<text x="{LEFT - 6}" y="{y(value) + 4:g}" text-anchor="end">{value}</text>')
    parts.append(f'<g class="gs-chart__axis" font-size="11" fill="currentColor">{"".join(ticks)}</g>')
    for index, column in enumerate(columns):
        centre = LEFT + PITCH * index + PITCH / 2
        x = centre - BAR / 2
        done = "" if column.completed is None else str(column.completed)
        total = "" if column.total is None else str(column.total)
        bars = [] if column.total is None else [
            f'<rect class="gs-chart__total" x="{x:g}" y="{y(column.total):g}" width="{BAR}" '
            f'height="{base - y(column.total):g}" fill="none" stroke="{TOTAL_COLOUR}" stroke-width="2"/>']
        if column.completed is None:
            bars.append(f'<text x="{centre:g}" y="{base - 8}" text-anchor="middle" font-size="11">{esc(words.not_stated)}</text>')
        else:
            bars.append(f'<rect class="gs-chart__completed" x="{x + 4:g}" y="{y(column.completed):g}" width="{BAR - 8}" '
                        f'height="{base - y(column.completed):g}" fill="{DONE_COLOUR}"/>')
        shown = f"{done or '–'} / {total or '–'}"
        parts.append(
            f'<g class="gs-chart__column" data-date="{column.date.isoformat()}" data-total="{total}" '
            f'data-completed="{done}" fill="currentColor">{"".join(bars)}'
            f'<text class="gs-chart__value" x="{centre:g}" y="{y(column.total or column.completed or 0) - 6:g}" text-anchor="middle" '
            f'font-size="13" font-weight="700">{esc(shown)}</text>'
            f'<text class="gs-chart__date" x="{centre:g}" y="{base + 20}" text-anchor="middle" font-size="12">'
            f'{esc(column.date_text)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
