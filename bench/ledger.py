"""`gongshi update` on a large ledger (issue 16: 3,000 rows in at most 2 s).

The site is issue 12's fixture (b), the 2023-onward layout, grown: its three
areas ten times over, each with as many problems (a `1.` heading, its
`整改情况：` measure and its `完成情况：` status) as make the rows asked for,
half of them done and half partly done as the notice says; the blocks outside
the areas, the site's settings and its pages stay the fixture's. (The seed
grown by bench/synth.py would need 104× for 3,000 rows: a build of its own.) The ledger is the site's own template,
every row given a status and every tenth a note, saved with openpyxl. Each run
is the installed `gongshi update` in the project, as CI runs it, timed with
Python's start, on a fresh copy of data/updates.yaml.
"""
from __future__ import annotations

import shutil
import statistics
from pathlib import Path

import openpyxl
import yaml

from gongshi.check import schema_line
from gongshi.data import AREAS, load_site
from gongshi.export import ledger_xlsx
from gongshi.format import chinese_numeral

from . import measure
from .synth import ROOT, copy_sources

FIXTURE = ROOT / "tests" / "fixtures" / "genre-b"
AREA_COPIES = 10  # of the fixture's three areas
UPDATE_COMMAND = [measure.CHECK_COMMAND[0], "update"]  # the installed `gongshi`
ROUND_DATE = "2024-12-31"  # after the fixture's only round, of 2024-09-30


def _write(project: Path, name: str, content: dict):
    path = project / "data" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(f"{schema_line(path, project / 'data')}\n{text}", encoding="utf-8")


def make_project(target: Path, rows: int) -> Path:
    """Fixture (b) with its areas grown to `rows` problems and measures."""
    copy_sources(target, ["data", "docs"], FIXTURE)
    seed = load_site(FIXTURE / "data")
    blocks = yaml.safe_load((FIXTURE / "data" / "notice.yaml").read_text(encoding="utf-8"))["blocks"]
    order = [block["id"] for block in blocks]
    # The areas' part of the notice: from the first area's heading to the last status block in it.
    first = order.index(seed.areas[0].block)
    last = max(order.index(block) for area in seed.areas for item in area.items() for block in (item.block, item.status_block) if block)
    areas = AREA_COPIES * len(seed.areas)
    per_area = max(1, rows // 2 // areas)
    grown = []
    shutil.rmtree(target / "data" / AREAS)
    for number in range(areas):
        like = seed.areas[number % len(seed.areas)]
        area_id = f"{like.id}-{number + 1}"
        heading = {**blocks[order.index(like.block)], "id": area_id, "number": f"（{chinese_numeral(number + 1)}）"}
        grown.append(heading)
        problems = []
        for n in range(1, per_area + 1):
            problem, done = f"{area_id}-q{n}", n % 2 == 1
            grown += [
                {"id": problem, "kind": "heading", "level": 3, "number": f"{n}.", "text": f"第{n}个问题的表述，用于测试大型台账。"},
                {"id": f"{problem}-fix", "label": "整改情况：", "text": f"针对第{n}个问题制定整改措施，逐项落实。"},
                {"id": f"{problem}-done", "label": "完成情况：", "text": "已完成" if done else "阶段性完成"},
            ]
            problems.append({"block": problem, "status": "done" if done else "partly-done", "status_block": f"{problem}-done",
                             "measures": [{"block": f"{problem}-fix"}]})
        _write(target, f"{AREAS}/{number + 1:03d}-{area_id}.yaml", {"id": area_id, "block": area_id, "problems": problems})
    _write(target, "notice.yaml", {"date": seed.notice.date.isoformat(), "blocks": blocks[:first] + grown + blocks[last + 1:]})
    # The fixture's totals count its six problems: the grown site's notice states none.
    round_data = yaml.safe_load((FIXTURE / "data" / "round.yaml").read_text(encoding="utf-8"))
    _write(target, "round.yaml", {"inspection": round_data["inspection"], "meetings": round_data["meetings"]})
    updates = yaml.safe_load((FIXTURE / "data" / "updates.yaml").read_text(encoding="utf-8"))
    for update in updates["updates"]:
        update.pop("totals", None)
        update["date"] = update["date"].isoformat()
    _write(target, "updates.yaml", updates)
    return target


def fill_ledger(project: Path, path: Path) -> int:
    """The project's template with every status given (the next one up where
    there is one) and a note in every tenth row, as a spreadsheet program
    saves it. Returns the number of rows."""
    site = load_site(project / "data")
    path.write_bytes(ledger_xlsx(site))
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    labels = [status.label[site.languages[0]] for status in site.statuses]
    for number, row in enumerate(sheet.iter_rows(min_row=2), 2):
        given = row[3].value
        row[3].value = labels[min(labels.index(given) + 1, len(labels) - 1)] if given in labels else labels[0]
        if number % 10 == 0:
            row[7].value = f"第{number}行的备注"
    book.save(path)
    return sheet.max_row - 1


def measure_update(work: Path, rows: int, runs: int = 3, timeout: float = 120) -> dict:
    """The wall and CPU time of `gongshi update` on a ledger of about `rows` rows: medians of `runs`."""
    project = make_project(work / "ledger-project", rows)
    ledger = work / "ledger.xlsx"
    written = fill_ledger(project, ledger)
    updates = project / "data" / "updates.yaml"
    original = updates.read_bytes()
    times = []
    for _ in range(runs):
        updates.write_bytes(original)
        times.append(measure.run(UPDATE_COMMAND + [str(ledger), "--date", ROUND_DATE], project, timeout))
    if updates.read_bytes() == original:
        raise measure.BenchError("gongshi update wrote no round")
    return {"rows": written, "update_s": statistics.median(t.seconds for t in times),
            "update_cpu_s": statistics.median(t.cpu_seconds for t in times), "updates_s": [t.seconds for t in times],
            "command": UPDATE_COMMAND}
