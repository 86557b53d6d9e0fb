"""The made-up progress site (tests/fixtures/progress-site) builds with the
engine, and shows per-item histories and what changed."""
from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from support import PROGRESS_SITE, copy_project, mkdocs_build

from gongshi.data import load_site
from html_text import visible_text


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("progress") / "project", PROGRESS_SITE)
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_area_pages_show_each_measure_history(fixture_build):
    site, _ = fixture_build
    for prefix, heading, dates in (("", "整改状态", "2023年6月1日"), ("en/", "Status of the measures", "1 June 2023")):
        page = _page(site, prefix + "areas/alpha")
        table = page.split('id="status-history"', 1)[1].split("</table>", 1)[0]
        assert heading in page and dates in table
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
        assert len(rows) == 1 + 3 + 1  # dates, three measures, the area
        one = [visible_text(cell) for cell in re.findall(r"<td>(.*?)</td>", rows[1], re.DOTALL)]
        assert len(one) == 5  # the measure and four updates
        assert 'href="#alpha-one"' in rows[1]
    english = _page(site, "en/areas/alpha")
    row = re.findall(r"<tr>(.*?)</tr>", english.split('id="status-history"', 1)[1], re.DOTALL)[1]
    assert [visible_text(c).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)][1:] == [
        "Not started", "Done", "In progress relapsed on review", "Done"]


def test_an_area_without_items_has_no_history(fixture_build):
    site, _ = fixture_build
    assert 'id="status-history"' not in _page(site, "areas/gamma")
    assert 'id="status-history"' not in _page(site, "en/areas/gamma")


def test_the_progress_page_shows_what_changed(fixture_build):
    site, _ = fixture_build
    page = _page(site, "en/progress")
    second = page.split('id="second-report"', 1)[1].split("<h3", 1)[0]
    text = visible_text(second)
    assert "(1) Measure Alpha One (in the notice): Done → In progress (backwards: relapsed on review)" in text
    assert "(3) Measure Alpha Three (in the notice): In progress (newly listed)" in text
    assert "problems found by the inspection: 6 (previously 5, +1)" in text
    assert 'href="../areas/alpha/#alpha-one"' in second and 'href="../notice/#alpha-one"' in second
    last = visible_text(page.split('id="notice-report"', 1)[1].split("</article>", 1)[0])
    assert "(2) Measure Beta Two (in the notice): Not started → — (not listed in this update)" in last


def test_the_chart_has_a_column_per_update(fixture_build):
    site, _ = fixture_build
    updates = load_site(PROGRESS_SITE / "data").updates
    page = _page(site, "progress")
    columns = re.findall(r'<g class="gs-chart__column" data-date="([^"]+)" data-total="(\d+)" data-completed="(\d*)"', page)
    assert columns == [(u.date.isoformat(), str(u.totals.problems), str(u.totals.completed)) for u in updates]


def test_the_feeds_have_an_entry_per_update(fixture_build):
    site, _ = fixture_build
    updates = load_site(PROGRESS_SITE / "data").updates
    for prefix in ("", "en/"):
        parsed = feedparser.parse((site / prefix / "feed.xml").read_bytes(), response_headers={"content-type": "application/atom+xml"})
        assert not parsed.bozo
        assert len(parsed.entries) == len(updates)


def test_its_threshold_keeps_the_build_quiet(fixture_build):
    _, output = fixture_build
    assert "stale_after_days" not in output
