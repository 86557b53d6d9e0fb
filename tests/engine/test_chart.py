"""chart.py: the SVG is well-formed, accessible, and its numbers are the data's."""
from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest

from gongshi.chart import PLOT, TOP, Column, Words, axis_top, progress_chart
from gongshi.markup import Context
from gongshi.progress import render_progress_chart

SVG = "{http://www.w3.org/2000/svg}"
WORDS = Words(title="T <&>", desc="D", total="total", completed="done", not_stated="n/s")


def _svg(markup: str) -> ET.Element:
    start = markup.index("<svg")
    return ET.fromstring(markup[start: markup.index("</svg>") + len("</svg>")])


def _bar_value(rect: ET.Element, top: int) -> float:
    """The value a bar stands for, read back from its geometry."""
    return float(rect.get("height")) / PLOT * top


@pytest.mark.parametrize("largest, expected", [(0, (1, 1)), (1, (1, 1)), (5, (5, 1)), (6, (6, 2)), (29, (30, 10)),
                                               (117, (150, 50)), (1000, (1000, 200)),
                                               # the largest count the check lets through, far past 5 × 10**12
                                               (10**13, (10**13, 2 * 10**12)), (10**15, (10**15, 2 * 10**14))])
def test_axis_top(largest, expected):
    assert axis_top(largest) == expected


def test_the_svg_is_well_formed_and_has_a_title_and_a_desc():
    svg = _svg(progress_chart([Column(datetime.date(2024, 1, 2), "2 January 2024", 3, 1)], WORDS))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "gs-chart-title gs-chart-desc"
    assert svg.find(f"{SVG}title").text == "T <&>"
    assert svg.find(f"{SVG}title").get("id") == "gs-chart-title"
    assert svg.find(f"{SVG}desc").text == "D"


def test_a_count_not_stated_has_no_bar_but_words():
    svg = _svg(progress_chart([Column(datetime.date(2024, 1, 2), "2 Jan", 29, None)], WORDS))
    [column] = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "gs-chart__column"]
    assert column.get("data-completed") == ""
    assert [r.get("class") for r in column.iter(f"{SVG}rect")] == ["gs-chart__total"]
    assert "n/s" in [t.text for t in column.iter(f"{SVG}text")]
    assert column.find(f"{SVG}text[@class='gs-chart__value']").text == "– / 29"


def _check_columns_equal_updates(site, lang):
    svg = _svg(render_progress_chart(Context(site, lang, "progress.md")))
    top = max(int(t.text) for g in svg.iter(f"{SVG}g") if g.get("class") == "gs-chart__axis" for t in g.iter(f"{SVG}text"))
    columns = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "gs-chart__column"]
    assert len(columns) == len(site.updates)
    for column, update in zip(columns, site.updates):
        totals = update.totals
        assert column.get("data-date") == update.date.isoformat()
        assert column.get("data-total") == str(totals.problems)
        assert column.get("data-completed") == ("" if totals.completed is None else str(totals.completed))
        written = column.find(f"{SVG}text[@class='gs-chart__value']").text
        assert written == f"{'–' if totals.completed is None else totals.completed} / {totals.problems}"
        bars = {r.get("class"): r for r in column.iter(f"{SVG}rect")}
        assert _bar_value(bars["gs-chart__total"], top) == pytest.approx(totals.problems)
        # Each bar stands on the axis: its top is where its value is.
        assert float(bars["gs-chart__total"].get("y")) == pytest.approx(TOP + PLOT - PLOT * totals.problems / top)
        if totals.completed is None:
            assert "gs-chart__completed" not in bars
        else:
            assert _bar_value(bars["gs-chart__completed"], top) == pytest.approx(totals.completed)
    return svg


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_real_chart_shows_the_two_dated_points_of_the_notice(site, lang):
    svg = _check_columns_equal_updates(site, lang)
    columns = [(g.get("data-date"), g.get("data-total"), g.get("data-completed"))
               for g in svg.iter(f"{SVG}g") if g.get("class") == "gs-chart__column"]
    assert columns == [("2024-02-23", "29", ""), ("2024-09-12", "29", "26")]


def test_the_fixture_chart_equals_its_four_updates(progress_site):
    svg = _check_columns_equal_updates(progress_site, "en")
    assert "1 March 2024: 6 problems found by the inspection, 5 rectified." in svg.find(f"{SVG}desc").text
