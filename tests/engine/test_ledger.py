"""ledger.py and the ledger template in export.py: what the template holds, how
it opens in a spreadsheet program, and how a filled-in copy is read back."""
from __future__ import annotations

import csv
import datetime
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from bench.synth import copy_sources
from gongshi.data import load_site
from gongshi.export import LEDGER_CSV, LEDGER_XLSX, export_files, ledger_csv, ledger_xlsx
from gongshi.ledger import Cell, Column, parse_date, read_ledger, template_rows
from support import GENRE_B, SITE_PARTS

HEADINGS_ZH = ["标识", "类别", "公告原文", "完成情况", "截至日期", "责任单位", "完成时限", "备注"]


@pytest.fixture(scope="module")
def genre_b():
    return load_site(GENRE_B / "data")


@pytest.fixture
def genre_b_project(tmp_path) -> Path:
    return copy_sources(tmp_path / "project", SITE_PARTS, GENRE_B)


def _csv_rows(site) -> list[list[str]]:
    return list(csv.reader(io.StringIO(ledger_csv(site))))


def test_a_row_per_problem_and_measure_in_the_notices_order_with_the_newest_status(genre_b):
    rows = template_rows(genre_b)
    assert [row[0] for row in rows] == ["q1", "q1-fix", "q2", "q2-fix", "q3", "q3-fix", "q4", "q4-fix", "q5", "q5-fix", "q6", "q6-fix"]
    assert rows[0] == ["q1", "问题", "1.农村公路养护资金拨付不及时。", "已完成", "", "", "", ""]
    assert rows[1][:4] == ["q1-fix", "措施", "整改情况：对2023年以来的养护资金逐笔核对，拨付资金126万元，建立资金拨付台账。", ""]
    # The newest update is the notice's: its problems have the statuses data/areas/ gives them, its measures none.
    assert [row[3] for row in rows if row[1] == "问题"] == ["已完成", "阶段性完成", "已完成", "已完成", "已完成", "已完成"]


def test_the_csv_template_opens_as_utf8_in_a_spreadsheet(genre_b):
    content = export_files(genre_b)[LEDGER_CSV]
    assert content.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel and WPS need to read UTF-8
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == HEADINGS_ZH
    assert rows[1:] == template_rows(genre_b)
    assert b"\r\n" in content


def test_the_workbook_template_locks_the_ids_and_offers_the_statuses_as_a_list(genre_b):
    book = openpyxl.load_workbook(io.BytesIO(export_files(genre_b)[LEDGER_XLSX]))
    sheet, statuses = book.worksheets
    assert sheet.title == "整改台账"
    assert [cell.value for cell in sheet[1]] == HEADINGS_ZH
    assert [[cell.value or "" for cell in row] for row in sheet.iter_rows(min_row=2)] == template_rows(genre_b)
    assert sheet.protection.sheet and not sheet.protection.insertColumns
    assert sheet["A2"].protection.locked and sheet["C2"].protection.locked
    assert not sheet["D2"].protection.locked and not sheet["H13"].protection.locked
    assert sheet["E2"].number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "A2"
    # Rows as high as their wrapped text (q1-fix's takes two lines at this width), printed across the page.
    assert sheet["C3"].alignment.wrap_text and sheet.row_dimensions[3].height == 30 and sheet.row_dimensions[2].height == 15
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"
    [choice] = sheet.data_validations.dataValidation
    assert choice.type == "list" and str(choice.sqref) == "D2:D13"
    assert choice.formula1 == "'整改状态'!$A$2:$A$4"
    assert [cell.value for (cell,) in statuses.iter_rows(min_row=2, max_col=1)] == ["正在推进", "阶段性完成", "已完成"]


def test_the_workbook_is_dated_by_the_data_not_the_clock(genre_b):
    content = ledger_xlsx(genre_b)
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.properties.modified == book.properties.created == datetime.datetime(2024, 10, 15)
    assert book.properties.creator == "中共示例县交通运输局党组"
    assert {member.date_time for member in zipfile.ZipFile(io.BytesIO(content)).infolist()} == {(2024, 10, 15, 0, 0, 0)}


def test_a_bilingual_site_has_a_note_column_per_language(progress_site):
    rows = _csv_rows(progress_site)
    assert rows[0][-2:] == ["备注", "备注（英文）"]
    # The newest update (notice-report) states four items; the others are left blank.
    statuses = {row[0]: row[3] for row in rows[1:]}
    assert statuses == {"alpha-one": "已完成", "alpha-two": "已完成", "alpha-three": "长期坚持", "beta-one": "已完成", "beta-two": ""}


def test_a_text_that_would_run_as_a_formula_is_quoted(genre_b_project, edit):
    # A status label a spreadsheet would read as a formula, in the list and in the rows that give it.
    edit(genre_b_project / "data/statuses.yaml", "label: 阶段性完成", 'label: "=阶段性完成"')
    edit(genre_b_project / "data/notice.yaml", "text: 阶段性完成，持续推进", "text: =阶段性完成，持续推进")
    site = load_site(genre_b_project / "data")
    assert _csv_rows(site)[3][3] == "'=阶段性完成"
    book = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(site)))
    sheet, statuses = book.worksheets
    assert sheet["D4"].value == "'=阶段性完成" and sheet["D4"].data_type == "s"
    assert statuses["A3"].value == "'=阶段性完成"


@pytest.mark.parametrize("value, date", [
    ("2025-03-31", datetime.date(2025, 3, 31)), ("2025/3/31", datetime.date(2025, 3, 31)),
    ("2025.3.31", datetime.date(2025, 3, 31)), ("2025年3月31日", datetime.date(2025, 3, 31)),
    ("２０２５年３月３１日", datetime.date(2025, 3, 31)), (" 2025-3-1 ", datetime.date(2025, 3, 1)),
    (datetime.datetime(2025, 3, 31, 0, 0), datetime.date(2025, 3, 31)), (datetime.date(2025, 3, 31), datetime.date(2025, 3, 31)),
    ("2025-02-30", None), ("31/3/2025", None), ("三月", None), (45747, None), (None, None),
])
def test_dates_as_spreadsheets_and_people_write_them(value, date):
    assert parse_date(Cell(value, "A1")) == date


# --- reading ----------------------------------------------------------------------------------


def _template(tmp_path: Path, site, name: str = "ledger.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(export_files(site)[LEDGER_XLSX if name.endswith(".xlsx") else LEDGER_CSV])
    return path


def test_a_workbook_reads_back_cell_by_cell(tmp_path, genre_b):
    sheet, problems = read_ledger(_template(tmp_path, genre_b), genre_b)
    assert problems == []
    assert sheet.place == "ledger.xlsx!整改台账"
    assert len(sheet.rows) == 12
    row = sheet.rows[2]
    assert row.number == 4
    assert row.cells[Column("id")].text == "q2" and row.cells[Column("status")].place == "ledger.xlsx!整改台账!D4"


def test_columns_are_found_by_their_headings_wherever_they_are(tmp_path, genre_b):
    path = _template(tmp_path, genre_b)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.insert_cols(1)  # a column of the body's own first
    sheet["A1"] = "牵头领导"
    sheet.move_range("E1:E13", cols=4)  # the status after the note
    book.save(path)
    ledger, problems = read_ledger(path, genre_b)
    assert problems == []
    assert ledger.rows[2].cells[Column("status")].place == "ledger.xlsx!整改台账!I4"
    assert ledger.rows[2].cells[Column("status")].text == "阶段性完成"


def test_formulas_and_merged_cells_are_seen(tmp_path, genre_b):
    path = _template(tmp_path, genre_b)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet["D2"] = '=IF(1,"已完成","")'
    sheet.merge_cells("H5:H7")
    book.save(path)
    ledger, problems = read_ledger(path, genre_b)
    assert ledger.rows[0].cells[Column("status")].formula == '=IF(1,"已完成","")'
    assert [p.format("en") for p in problems] == [
        "ledger.xlsx!整改台账!H5:H7: these cells are merged across rows; unmerge them and give each row its own value"]


def test_a_csv_saved_by_wps_in_gb18030_reads_back(tmp_path, genre_b):
    path = tmp_path / "ledger.csv"
    path.write_bytes(ledger_csv(genre_b).encode("gb18030"))
    sheet, problems = read_ledger(path, genre_b)
    assert problems == []
    assert sheet.place == "ledger.csv"
    assert [row.cells[Column("status")].text for row in sheet.rows][:3] == ["已完成", "", "阶段性完成"]
    assert sheet.rows[0].cells[Column("status")].place == "ledger.csv!D2"


@pytest.mark.parametrize("name, content, message", [
    ("ledger.xlsx", b"PK\x03\x04 not really a zip", "cannot read the file as an .xlsx workbook"),
    ("ledger.xls", b"\xd0\xcf\x11\xe0", "a ledger is an .xlsx workbook or a .csv file, not .xls"),
    ("ledger.csv", "名称,数量\n甲,1\n".encode("utf-8"), "this is not a ledger of this site"),
    ("ledger.csv", b"", "this is not a ledger of this site"),
    ("ledger.csv", b"\x00\x01\x02\xff", "the file is not CSV text"),
])
def test_a_file_that_is_no_ledger_says_so(tmp_path, genre_b, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    sheet, [problem] = read_ledger(path, genre_b)
    assert sheet is None
    assert problem.format("en").startswith(f"{name}: {message}")


def test_a_notice_that_lists_no_problem_or_measure_has_no_ledger(genre_b):
    genre_c = load_site(GENRE_B.parent / "genre-c" / "data")
    assert not genre_c.items
    assert not {LEDGER_XLSX, LEDGER_CSV} & set(export_files(genre_c))
    assert {LEDGER_XLSX, LEDGER_CSV} <= set(export_files(genre_b))


def test_a_workbook_that_unpacks_past_the_limit_is_not_opened(tmp_path, genre_b, monkeypatch):
    path = _template(tmp_path, genre_b)
    unpacked = sum(member.file_size for member in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr("gongshi.ledger.MAX_BYTES", unpacked - 1)
    sheet, [problem] = read_ledger(path, genre_b)
    assert sheet is None
    assert problem.format("en") == f"ledger.xlsx: the file unpacked is {unpacked / 2**20:.1f} MB; a ledger is at most 0 MB"
