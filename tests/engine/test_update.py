"""`gongshi update`: a round from a filled-in ledger, appended to
data/updates.yaml without touching what was there, that passes the check and
says what changed in the progress page's words."""
from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from bench.synth import copy_sources
from gongshi.check import check_project
from gongshi.cli import main
from gongshi.data import load_site
from gongshi.export import ledger_csv, ledger_xlsx
from gongshi.load import parse_yaml
from gongshi.update import append_update
from support import GENRE_B, PROGRESS_SITE, SITE_PARTS

ENTRY = {"id": "later", "date": "2025-03-31", "title": "后来", "text": "又一期。", "source": {"title": "台账"},
         "statuses": [{"item": "q1", "status": "done", "note": "a: “b” #c"}]}


def _project(tmp_path: Path, site: Path = GENRE_B) -> Path:
    return copy_sources(tmp_path / "project", SITE_PARTS, site)


def _filled(tmp_path: Path, project: Path, cells: dict) -> Path:
    """The project's ledger template with `cells` changed, as a spreadsheet program saves it."""
    book = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(load_site(project / "data"))))
    for place, value in cells.items():
        book.worksheets[0][place] = value
    path = tmp_path / "ledger.xlsx"
    book.save(path)
    return path


def _update(project: Path, ledger: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["update", str(ledger), "--root", str(project), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _parsed(text: str):
    data, problems = parse_yaml(text, "data/updates.yaml")
    assert problems == []
    return data


def _only_added(original: str, result: str) -> str:
    """What `result` adds to `original` in one place, every other character kept; fails otherwise."""
    start = 0
    while start < len(original) and original[start] == result[start]:
        start += 1
    end = 0
    while end < len(original) - start and original[-1 - end] == result[-1 - end]:
        end += 1
    assert start + end == len(original), "the original text changed besides the insertion"
    return result[start: len(result) - end]


# --- appending to the YAML ------------------------------------------------------------------------


@pytest.mark.parametrize("original", [
    # genre-b's: one round, the list last, flow mappings inside
    (GENRE_B / "data/updates.yaml").read_text(encoding="utf-8"),
    # progress-site's: rounds apart by a blank line, a note with a mapping per language
    (PROGRESS_SITE / "data/updates.yaml").read_text(encoding="utf-8"),
    "figures_as_of: a\nupdates:\n- id: a\n  date: 2024-01-01\n  title: x\n  text: |\n    two\n    lines\n# the end\n",
    "updates:\n  - {id: a, date: 2024-01-01, title: x, text: y, source: {title: z}}  # one\nstale_after_days: 30\n",
    "updates:\r\n  - id: a\r\n    date: 2024-01-01\r\n    title: x\r\n    text: y\r\n    source: {title: z}\r\n",
    "# nothing yet\nstale_after_days: 30\n",
    "stale_after_days: 30\nupdates: []\n# rounds go above\n",
    "updates: [{id: a, date: 2024-01-01, title: x, text: y, source: {title: z}}]\n",
    "updates:\nstale_after_days: 30\n",
], ids=["genre-b", "progress-site", "block scalar and comment", "flow items", "crlf", "no list", "empty list",
        "flow list", "empty key"])
def test_a_round_is_appended_and_nothing_else_changes(original):
    result = append_update(original, ENTRY)
    # An empty flow list gives way to the block list that holds the round.
    added = _only_added(original.replace("updates: []", "updates:"), result)
    assert "later" in added
    before, after = _parsed(original), _parsed(result)
    assert list(after["updates"]) == list(before.get("updates") or []) + [ENTRY]
    assert {k: v for k, v in after.items() if k != "updates"} == {k: v for k, v in before.items() if k != "updates"}
    if "\r\n" in original:
        assert "\n" not in added.replace("\r\n", "")


def test_the_round_is_written_as_editors_write_it():
    added = _only_added("updates:\n  - id: a\n", append_update("updates:\n  - id: a\n", ENTRY))
    assert added.splitlines()[:3] == ["  - id: later", "    date: 2025-03-31", "    title: 后来"]
    assert "    statuses:\n    - item: q1\n" in added


# --- the command ------------------------------------------------------------------------------


def test_a_round_from_the_ledger_with_what_changed(tmp_path, capsys):
    project = _project(tmp_path)
    original = (project / "data/updates.yaml").read_text(encoding="utf-8")
    # q1-fix had no status in the last round: the date it was done may be before that round.
    ledger = _filled(tmp_path, project, {"D4": "已完成", "E4": "2024-12-20", "D3": "已完成", "E3": "2024-07-15", "H3": "资金全部拨付",
                                         "D13": "正在推进"})
    code, out, err = _update(project, ledger, "--date", "2024-12-31", capsys=capsys)
    assert code == 0, out + err
    assert out.splitlines() == [
        "2024年12月31日：整改进展情况",
        "与上一期（2024年9月30日）相比：",
        "总数",
        "  - 巡察反馈问题：6个（无变化）",
        "  - 已完成整改的问题：6个（上一期为 5个，+1）",
        "  - 阶段性完成整改的问题：0个（上一期为 1个，-1）",
        "新完成整改的问题和措施",
        "  - 2.重点项目推进缓慢",
        "问题和措施的状态变化",
        "  - 整改情况：对2023年以来的养护资金逐笔核对，拨付资金126万元，建立资金拨付台账：已完成（新列入：资金全部拨付）",
        "  - 2.重点项目推进缓慢：阶段性完成 → 已完成（推进）",
        "  - 整改情况：开展党员教育培训4期，建立党员积分管理台账：正在推进（新列入）",
    ]
    assert "progress-2024-12-31" in err
    text = (project / "data/updates.yaml").read_text(encoding="utf-8")
    assert text.startswith(original)
    assert check_project(project) == []
    update = load_site(project / "data").updates[-1]
    assert (update.id, str(update.date), update.title["zh"]) == ("progress-2024-12-31", "2024-12-31", "整改进展情况")
    assert update.text["zh"] == "截至2024年12月31日，整改台账列出了8个问题和措施的完成情况：正在推进1个、已完成7个。"
    assert update.source.title["zh"] == "中共示例县交通运输局党组整改台账" and update.source.url is None
    assert (update.totals.problems, update.totals.completed, update.totals.in_progress) == (6, 6, 0)
    assert [(s.item, s.status) for s in update.statuses] == [
        ("q1", "done"), ("q1-fix", "done"), ("q2", "done"), ("q3", "done"), ("q4", "done"), ("q5", "done"),
        ("q6", "done"), ("q6-fix", "in-progress")]
    assert update.statuses[1].note["zh"] == "资金全部拨付"


def test_the_same_statuses_again_are_a_round_without_changes(tmp_path, capsys):
    project = _project(tmp_path)
    ledger = _filled(tmp_path, project, {})
    code, out, _ = _update(project, ledger, "--date", "2024-12-31", "--title", "年底复核", "--source", "年底台账",
                           "--url", "https://example.org/ledger", "--lang", "en", capsys=capsys)
    assert code == 0
    assert out.splitlines()[0] == "2024年12月31日：年底复核"  # a Chinese-only site speaks Chinese, whatever the messages' language
    assert out.splitlines()[-2:] == ["问题和措施的状态变化", "  各问题和措施的状态与上一期相同。"]
    update = load_site(project / "data").updates[-1]
    assert update.source.title["zh"] == "年底台账" and update.source.url == "https://example.org/ledger"


def test_a_problem_left_blank_leaves_the_totals_it_would_count_unstated(tmp_path, capsys):
    project = _project(tmp_path)
    ledger = _filled(tmp_path, project, {"D4": None})
    assert _update(project, ledger, "--date", "2024-12-31", capsys=capsys)[0] == 0
    update = load_site(project / "data").updates[-1]
    assert (update.totals.problems, update.totals.completed, update.totals.in_progress) == (6, None, None)
    assert "q2" not in [s.item for s in update.statuses]


def test_a_csv_saved_by_wps_in_gb18030(tmp_path, capsys):
    project = _project(tmp_path)
    text = ledger_csv(load_site(project / "data")).replace("q2,问题,2.重点项目推进缓慢。,阶段性完成,,,,",
                                                           'q2,问题,2.重点项目推进缓慢。,已完成,2024/12/20,,,"手续已办结\r\n项目开工"')
    ledger = tmp_path / "台账.csv"
    ledger.write_bytes(text.encode("gb18030"))
    code, out, _ = _update(project, ledger, "--date", "2024-12-31", capsys=capsys)
    assert code == 0
    assert "  - 2.重点项目推进缓慢：阶段性完成 → 已完成（推进：手续已办结 项目开工）" in out.splitlines()
    update = load_site(project / "data").updates[-1]
    assert update.totals.completed == 6
    assert update.statuses[1].note["zh"] == "手续已办结\n项目开工"  # a line break typed in the cell, saved by Windows


def test_a_bilingual_site_needs_every_text_in_both_languages(tmp_path, capsys):
    project = _project(tmp_path, PROGRESS_SITE)
    ledger = _filled(tmp_path, project, {"D6": "已完成", "H6": "已验收", "D2": "推进中", "I2": "relapsed again"})
    code, out, _ = _update(project, ledger, "--date", "2024-06-30", "--title", "半年复核", "--lang", "en", capsys=capsys)
    assert code == 1
    assert out.splitlines() == [
        "--title-en: the site is also in English: give the title in it with --title-en",
        "ledger.xlsx!整改台账!I2: the note has no Chinese text; the site is in every language it lists, so add it in ledger.xlsx!整改台账!H2",
        "ledger.xlsx!整改台账!H6: the note has no English text; the site is in every language it lists, so add it in ledger.xlsx!整改台账!I6",
    ]
    ledger = _filled(tmp_path, project, {"D6": "已完成", "H6": "已验收", "I6": "accepted", "D2": "推进中"})
    code, out, _ = _update(project, ledger, "--date", "2024-06-30", "--title", "半年复核", "--title-en", "Half-year review",
                           "--lang", "en", capsys=capsys)
    assert code == 0, out
    assert out.splitlines()[:2] == ["30 June 2024: Half-year review", "Compared with the previous update (1 March 2024):"]
    assert "  - (2) Measure Beta Two: Done (newly listed: accepted)" in out.splitlines()
    assert "  - (1) Measure Alpha One: Done → In progress (backwards)" in out.splitlines()
    assert check_project(project) == []
    update = load_site(project / "data").updates[-1]
    assert dict(update.title) == {"zh": "半年复核", "en": "Half-year review"}
    assert update.text["en"].startswith("As of 30 June 2024, the rectification ledger gives the status of 5 problems and measures: ")
    assert dict(update.source.title) == {"zh": "测试局党委整改台账", "en": "Rectification ledger of The Party Committee of the Test Bureau"}
    notes = {s.item: dict(s.note) for s in update.statuses if s.note is not None}
    assert notes == {"beta-two": {"zh": "已验收", "en": "accepted"}}


def test_a_site_whose_data_fails_the_check_gets_no_round(tmp_path, capsys, edit):
    project = _project(tmp_path)
    ledger = _filled(tmp_path, project, {})
    edit(project / "data/statuses.yaml", "colour: \"#2e7d32\"", "colour: green")
    before = (project / "data/updates.yaml").read_bytes()
    code, out, err = _update(project, ledger, "--date", "2024-12-31", "--lang", "en", capsys=capsys)
    assert code == 1
    assert "fix them first" in err and "data/statuses.yaml:" in out and "`colour`" in out
    assert (project / "data/updates.yaml").read_bytes() == before
