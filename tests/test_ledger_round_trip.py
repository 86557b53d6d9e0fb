"""Issue 16's round trip on issue 12's fixture (b): build the site, take the
ledger template from its /data/, change three statuses as a spreadsheet
program would (openpyxl), run `gongshi update` as CI runs it, build again, and
find exactly one new round with those three changes on every page that shows
progress: the chart and its table, what changed, the feed, the area's status
history; the build's staleness notice goes."""
from __future__ import annotations

import datetime
import re
import subprocess
import sys

import feedparser
import openpyxl
import pytest
from support import GENRE_B, copy_project, mkdocs_build

from gongshi.data import load_site
from gongshi.format import format_date
from gongshi.history import diff
from html_text import visible_text

# Recent enough for a year's limit on staleness, whenever the test runs.
ROUND = datetime.date.today() - datetime.timedelta(days=7)
CHANGES = {"D4": "已完成", "D10": "正在推进", "D3": "已完成"}  # q2 forward, q5 backward, q1-fix newly listed


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    work = tmp_path_factory.mktemp("ledger")
    project = copy_project(work / "project", GENRE_B)
    limit = project / "data/updates.yaml"
    limit.write_text(limit.read_text(encoding="utf-8").replace("stale_after_days: 36500", "stale_after_days: 365"), encoding="utf-8")
    first = mkdocs_build(project, work / "before")
    assert first.returncode == 0, first.stdout + first.stderr
    book = openpyxl.load_workbook(work / "before" / "data" / "ledger.xlsx")
    for cell, status in CHANGES.items():
        book.worksheets[0][cell] = status
    book.save(work / "ledger.xlsx")
    updated = subprocess.run([sys.executable, "-m", "gongshi.cli", "update", str(work / "ledger.xlsx"), "--date", ROUND.isoformat()],
                             cwd=project, capture_output=True, text=True, timeout=120)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    second = mkdocs_build(project, work / "after")
    assert second.returncode == 0, second.stdout + second.stderr
    return project, work / "after", updated.stdout, first.stdout + first.stderr, second.stdout + second.stderr


def _page(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_exactly_one_new_round_with_the_three_changes(round_trip):
    project, _, printed, _, _ = round_trip
    before, after = load_site(GENRE_B / "data"), load_site(project / "data")
    assert after.updates[:-1] == before.updates
    new = after.updates[-1]
    assert new.date == ROUND
    found = diff(after, new)
    assert [(c.item.id, c.before and c.before.id, c.after.id, c.kind) for c in found.changes] == [
        ("q1-fix", None, "done", "added"), ("q2", "partly-done", "done", "forward"), ("q5", "done", "in-progress", "backward")]
    assert (new.totals.problems, new.totals.completed, new.totals.in_progress) == (6, 5, 0)
    assert printed.splitlines()[-4:] == [
        "问题和措施的状态变化",
        "  - 整改情况：对2023年以来的养护资金逐笔核对，拨付资金126万元，建立资金拨付台账：已完成（新列入）",
        "  - 2.重点项目推进缓慢：阶段性完成 → 已完成（推进）",
        "  - 1.支部组织生活不规范：已完成 → 正在推进（倒退）",
    ]


def test_the_chart_and_its_table_count_the_new_round(round_trip):
    _, site, _, _, _ = round_trip
    page = _page(site, "progress")
    columns = re.findall(r'<g class="gs-chart__column" data-date="([^"]+)" data-total="(\d*)" data-completed="(\d*)"', page)
    assert columns == [("2024-09-30", "6", "5"), (ROUND.isoformat(), "6", "5")]
    table = page.split('data-gs-table="progress"', 1)[1].split("</table>", 1)[0]
    rows = [visible_text(row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)]
    assert rows[-1] == f"{format_date(ROUND, 'zh')}6个5个"


def test_what_changed_shows_the_three_changes(round_trip):
    _, site, _, _, _ = round_trip
    section = _page(site, "progress").split(f'id="progress-{ROUND.isoformat()}"', 1)[1].split("</article>", 1)[0]
    text = visible_text(section)
    assert "已完成整改的问题：5个（无变化）" in text
    assert "阶段性完成整改的问题：0个（上一期为 1个，-1）" in text
    # Each item is linked to its area's page and, as （原文）, to its place in the notice.
    assert "2.重点项目推进缓慢（原文）：阶段性完成 → 已完成（推进）" in text
    assert "1.支部组织生活不规范（原文）：已完成 → 正在推进（倒退）" in text
    assert "拨付资金126万元，建立资金拨付台账（原文）：已完成（新列入）" in text
    assert "来源：中共示例县交通运输局党组整改台账" in text


def test_the_feed_has_the_new_round_first(round_trip):
    _, site, _, _, _ = round_trip
    feed = feedparser.parse((site / "feed.xml").read_bytes(), response_headers={"content-type": "application/atom+xml"})
    assert not feed.bozo
    assert len(feed.entries) == 2
    entry = feed.entries[0]
    assert entry.title == f"{format_date(ROUND, 'zh')}：整改进展情况"
    assert entry.link.endswith(f"progress/#progress-{ROUND.isoformat()}")
    assert entry.updated.startswith(ROUND.isoformat())
    assert "已完成整改的问题：5个" in entry.content[0].value


def test_the_areas_status_history_has_the_new_round(round_trip):
    _, site, _, _, _ = round_trip
    table = _page(site, "areas/party-branches").split('id="status-history"', 1)[1].split("</table>", 1)[0]
    rows = [[visible_text(cell).strip() for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)]
    assert rows[0][-1] == format_date(ROUND, "zh")
    assert [row[-1] for row in rows[1:]] == ["正在推进", "已完成", "正在推进"]  # q5, q6, and the area: its slowest


def test_the_staleness_notice_goes(round_trip):
    _, _, _, before, after = round_trip
    assert "as of 2024-09-30" in before and "stale_after_days (365)" in before
    assert "stale_after_days" not in after
