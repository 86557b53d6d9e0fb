"""The bad-ledger corpus (tests/bad_ledger/cases.yaml): every mistake in a
filled-in ledger is reported by `gongshi update` at its cell, all at once, in
Chinese and in English, and nothing is written."""
from __future__ import annotations

import datetime
import hashlib
import io
from pathlib import Path

import openpyxl
import pytest
import yaml

from bench.synth import copy_sources
from gongshi.cli import main
from gongshi.data import load_site
from gongshi.export import ledger_csv, ledger_xlsx
from support import GENRE_B, SITE_PARTS

CASES = yaml.safe_load((Path(__file__).parent.parent / "bad_ledger" / "cases.yaml").read_text(encoding="utf-8"))
DATE = ["--date", "2024-12-31"]


def _ledger(folder: Path, edits: list[dict]) -> Path:
    """The template of genre-b with the case's edits, made as a spreadsheet program would."""
    site = load_site(GENRE_B / "data")
    csv_edits = [edit["csv"] for edit in edits if "csv" in edit]
    if csv_edits:
        text = ledger_csv(site)
        for old, new in csv_edits:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        path = folder / "ledger.csv"
        pad = next((edit["pad_mb"] for edit in edits if "pad_mb" in edit), 0)
        path.write_bytes(text.encode("gb18030") + b"\r\n" * (pad * 2**19))  # as WPS saves a CSV: GB18030, no byte-order mark
        return path
    path = folder / next((edit["file"] for edit in edits if "file" in edit), "ledger.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(site)))
    sheet = book.worksheets[0]
    for edit in edits:
        if "cell" in edit:
            sheet[edit["cell"]] = edit["value"]
        elif "delete_row" in edit:
            sheet.delete_rows(edit["delete_row"])
        elif "copy_row" in edit:
            source, target = edit["copy_row"]
            for cell in sheet[source]:
                sheet.cell(target, cell.column, cell.value)
        elif "merge" in edit:
            sheet.merge_cells(edit["merge"])
        elif "headings" in edit:
            book = openpyxl.Workbook()
            book.active.append(edit["headings"])
        elif "file" not in edit and "link" not in edit:
            raise AssertionError(f"unknown edit {edit}")
    saved = io.BytesIO()  # saved under its name whatever that is, as a program that saves what it is told
    book.save(saved)
    if any("link" in edit for edit in edits):
        (folder / "elsewhere.xlsx").write_bytes(saved.getvalue())
        path.symlink_to(folder / "elsewhere.xlsx")
    else:
        path.write_bytes(saved.getvalue())
    return path


def _digest(*paths: Path) -> str:
    digest = hashlib.sha256()
    for root in paths:
        for path in sorted([root] if root.is_file() else root.rglob("*")):
            digest.update(str(path).encode())
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_a_bad_ledger_is_refused_at_its_cells(case, tmp_path, capsys):
    project = copy_sources(tmp_path / "project", SITE_PARTS, GENRE_B)
    ledger = _ledger(tmp_path, case["edits"])
    before = _digest(project, ledger)
    today = datetime.date.today().isoformat()
    for lang in ("zh", "en"):
        expected = case["expect"] if lang == "zh" else case.get("en")
        if expected is None:
            continue
        code = main(["update", str(ledger), *case.get("args", DATE), "--root", str(project), "--lang", lang])
        out, err = capsys.readouterr()
        assert code == 1, err
        assert out.splitlines() == [line.replace("{today}", today) for line in expected]
        assert ("没有写入任何文件" if lang == "zh" else "nothing was written") in err
        assert _digest(project, ledger) == before


def test_the_corpus_covers_every_mistake_the_issue_names():
    assert len(CASES) >= 12
    said = "\n".join(line for case in CASES for line in case["expect"])
    for mistake in ("不是本站的问题或措施", "缺少", "已经有一行", "不是整改状态", "是将来的日期", "不晚于上一期进展",
                    "没有“标识”", "完成情况为空", "是公式", "这不是本站的整改台账", "ledger.csv!"):
        assert mistake in said, mistake
