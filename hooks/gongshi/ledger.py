"""The rectification ledger (整改台账): the spreadsheet in which a body keeps
its progress, a row for each problem and measure. The site publishes it as a
template under /data/ (ledger.xlsx and ledger.csv, written by gongshi.export),
and `gongshi update` reads a filled-in copy back (gongshi.update).

This module says what the ledger holds, the same for writing and reading: its
columns, headed in the site's first language, and its rows, in the notice's
order. It reads a workbook with openpyxl and a CSV with the csv module, cell
by cell, each cell with its place as a spreadsheet names it
(`ledger.xlsx!整改台账!D14`, `ledger.csv!D14`). What the cells must say is
gongshi.update's to check.
"""
from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .history import statuses_in
from .labels import label
from .model import Problem as NoticeProblem
from .model import Site
from .validate import language_name, printed

# Every column of the template, in its order. The ids, the kind and the text are
# there to read by; `gongshi update` reads the id, the status, the as-of date and
# the note. The responsible unit and the deadline are the body's own: kept in
# its copy of the ledger, never published.
KEYS = ("id", "kind", "text", "status", "as_of", "unit", "deadline", "note")
READ = ("id", "status", "as_of", "note")  # the columns `gongshi update` reads
SHEET_KEYS = ("id", "status")  # a sheet without these headings is not a ledger
XLSX, CSV = ".xlsx", ".csv"


@dataclass(frozen=True)
class Column:
    key: str  # one of KEYS
    lang: str | None = None  # a note in a language after the site's first; the plain note is in the first

    def heading(self, site: Site, lang: str | None = None) -> str:
        """The column's heading in `lang` (the site's first language by default)."""
        lang = lang or site.languages[0]
        if self.lang is not None:
            return label(lang, "ledger_note_in", language=language_name(self.lang, lang))
        return label(lang, f"ledger_{self.key}")


def columns(site: Site) -> tuple[Column, ...]:
    """The template's columns: a note column for each of the site's languages."""
    return tuple(Column(key) for key in KEYS) + tuple(Column("note", lang) for lang in site.languages[1:])


def template_rows(site: Site) -> list[list[str]]:
    """A row for each problem and measure, in the notice's order: its id, its
    kind, its block as printed, and the status the newest update gives it (so
    that a ledger changed in three rows says three changes); the rest blank."""
    first, shown = site.languages[0], columns(site)
    given = statuses_in(site, site.updates[-1]) if site.updates else {}
    rows = []
    for item_id, (_, item) in site.items.items():
        entry = given.get(item_id)
        values = {
            "id": item_id,
            "kind": label(first, "problem" if isinstance(item, NoticeProblem) else "measure"),
            "text": printed(site.block(item.block), first),
            "status": site.status(entry.status).label[first] if entry else "",
        }
        rows.append([values.get(column.key, "") if column.lang is None else "" for column in shown])
    return rows


# --- reading a filled-in ledger -------------------------------------------------------------


def _blank(value, formula: str | None) -> bool:
    return formula is None and (value is None or str(value).strip() == "")


@dataclass(slots=True)
class Cell:
    value: object  # text, a number, a date or datetime, or None when blank
    place: str  # e.g. ledger.xlsx!整改台账!D14
    formula: str | None = None  # the formula the cell holds instead of a value

    @property
    def blank(self) -> bool:
        return _blank(self.value, self.formula)

    @property
    def text(self) -> str:
        """The value as text, without the spaces around it; 12.0 as 12."""
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return "" if value is None else str(value).strip()


@dataclass(frozen=True)
class Row:
    number: int  # the row's number in the sheet
    cells: dict  # Column → Cell, for each column read (READ) that the sheet has


@dataclass(frozen=True)
class Sheet:
    place: str  # e.g. ledger.xlsx!整改台账, or ledger.csv
    rows: tuple[Row, ...]  # those with anything in the template's columns


def problem_at(place: str, en: str, zh: str, row: int = 0) -> Problem:
    """A problem with a place in the ledger (a cell, a range, the file) or an option of the command."""
    return Problem(place, row, en, zh, place=place)


@dataclass(frozen=True)
class Table:
    """What a file holds, before it is read as a ledger: a sheet of a workbook,
    or a CSV file, cell by cell, each cell (value, formula)."""

    place: str  # e.g. ledger.xlsx!整改台账, or ledger.csv
    rows: tuple  # from the first row
    merged: tuple = ()  # cells merged across rows, each (range, first row, first column, last column)


def read_ledger(path: Path, site: Site) -> tuple[Sheet | None, list[Problem]]:
    """The ledger sheet of a workbook (.xlsx) or CSV file, or the problems that
    make it no ledger of this site."""
    tables, problems = read_tables(path)
    return (None, problems) if problems else ledger_sheet(path.name, tables, site)


def read_tables(path: Path) -> tuple[list[Table], list[Problem]]:
    """The sheets of a workbook (.xlsx), or the table of a CSV file, or the
    problems that stop them being read: the file as it is, before
    ledger_sheet finds the site's ledger in it."""
    name = path.name
    if path.is_symlink():
        # In CI the ledger comes with a pull request, and a link in it could lead to any file of the machine.
        return [], [problem_at(name, "the ledger is a link; give the file itself", "整改台账是一个链接；请提供文件本身")]
    if not path.is_file():
        return [], [problem_at(name, f"there is no file {path}", f"找不到文件 {path}")]
    too_large = _too_large(name, path.stat().st_size)
    if too_large:
        return [], [too_large]
    suffix = path.suffix.lower()
    if suffix == XLSX:
        return _xlsx_tables(path)
    if suffix == CSV:
        return _csv_tables(path)
    return [], [problem_at(name, f"a ledger is an .xlsx workbook or a .csv file, not {suffix or 'a file without an extension'}; "
                               "save it as .xlsx (Excel or WPS) or as CSV",
                         f"整改台账应当是 .xlsx 工作簿或 .csv 文件，而不是 {suffix or '没有扩展名的文件'}；"
                         "请另存为 .xlsx（Excel 或 WPS 表格）或 CSV 格式")]


def ledger_sheet(name: str, tables: list[Table], site: Site) -> tuple[Sheet | None, list[Problem]]:
    """The first table headed as the site's ledger, as rows of cells, and the
    problems of its merged cells; or the problem that none is (`name`: the file's)."""
    for table in tables:
        headings = ["" if value is None else str(value) for value, _ in (table.rows[0] if table.rows else ())]
        at = _headings(site, headings)
        if _is_ledger(at):
            return Sheet(table.place, _rows(table.place, enumerate(table.rows[1:], 2), at)), _merged(table, at)
    return None, [_not_a_ledger(name, site)]


# A ledger of 3,000 rows is 120 kB as a workbook (2 MB unpacked) and 300 kB as
# CSV; anything far larger is no ledger, and reading it would take minutes.
MAX_BYTES = 10 * 2**20


def _too_large(name: str, size: int, unpacked: bool = False) -> Problem | None:
    """A problem if a file (or, unpacked, a workbook's contents) is past MAX_BYTES."""
    if size <= MAX_BYTES:
        return None
    mb, most = f"{size / 2**20:.1f}", MAX_BYTES // 2**20
    return problem_at(name, f"the file{' unpacked' if unpacked else ''} is {mb} MB; a ledger is at most {most} MB",
                      f"文件{'解压后' if unpacked else ''}有 {mb} MB；整改台账最大只能是 {most} MB")


def _headings(site: Site, found: list[str]) -> dict[Column, int]:
    """Which column (from 0) holds each of the template's columns, by its heading in any of the site's languages."""
    known = {column.heading(site, lang): column for column in columns(site) for lang in site.languages}
    at = {}
    for index, heading in enumerate(found):
        column = known.get(heading.strip())
        if column is not None and column not in at:
            at[column] = index
    return at


def _is_ledger(at: dict[Column, int]) -> bool:
    return all(Column(key) in at for key in SHEET_KEYS)


def _not_a_ledger(place: str, site: Site) -> Problem:
    wanted_zh = "、".join(f"“{Column(key).heading(site)}”" for key in SHEET_KEYS)
    wanted_en = " and ".join(f"“{Column(key).heading(site)}”" for key in SHEET_KEYS)
    return problem_at(place, f"this is not a ledger of this site: no sheet has the headings {wanted_en} in its first row; "
                             "fill in the template the site publishes at /data/ledger.xlsx",
                      f"这不是本站的整改台账：没有哪个工作表的第一行有{wanted_zh}这些标题；"
                      "请填写本站 /data/ledger.xlsx 提供的模板")


def _rows(place: str, numbered, at: dict[Column, int]) -> tuple[Row, ...]:
    """The rows (numbered, after the headings) that have anything in the
    template's columns, with a Cell for each column that is read. At 3,000
    rows, cells are most of the reading."""
    from openpyxl.utils import get_column_letter  # as the workbook is read: see _xlsx_tables

    letters = {column: get_column_letter(index + 1) for column, index in at.items()}
    rows = []
    for number, cells in numbered:
        found = {column: cells[index] if index < len(cells) else (None, None) for column, index in at.items()}
        if all(_blank(value, formula) for value, formula in found.values()):
            continue
        rows.append(Row(number, {column: Cell(value, f"{place}!{letters[column]}{number}", formula)
                                 for column, (value, formula) in found.items() if column.key in READ}))
    return tuple(rows)


def _merged(table: Table, at: dict[Column, int]) -> list[Problem]:
    """Cells merged across rows in a column that is read: the rows below the
    first would read as blank, and lose what the merged cell says of them."""
    read = {index + 1 for column, index in at.items() if column.key in READ}
    return [problem_at(f"{table.place}!{cells}", "these cells are merged across rows; unmerge them and give each row its own value",
                       "这些单元格跨行合并了；请取消合并，每一行分别填写", first_row)
            for cells, first_row, first, last in table.merged if any(first <= column <= last for column in read)]


def _xlsx_tables(path: Path) -> tuple[list[Table], list[Problem]]:
    # Only `gongshi update` reads workbooks: the build and `gongshi check` need not load openpyxl.
    import openpyxl

    name = path.name
    try:
        # What the workbook unpacks to, before openpyxl unpacks it: a small file may hold a huge sheet.
        with zipfile.ZipFile(path) as packed:
            too_large = _too_large(name, sum(member.file_size for member in packed.infolist()), unpacked=True)
        if too_large:
            return [], [too_large]
        book = openpyxl.load_workbook(path)
    except Exception as error:  # openpyxl raises many kinds on a file that is not a workbook
        return [], [problem_at(name, f"cannot read the file as an .xlsx workbook ({type(error).__name__}: {error}); "
                                   "open it in Excel or WPS and save it as .xlsx",
                             f"无法作为 .xlsx 工作簿读取（{type(error).__name__}: {error}）；"
                             "请用 Excel 或 WPS 表格打开后另存为 .xlsx")]
    return [Table(f"{name}!{sheet.title}", tuple(tuple(_xlsx_cell(cell) for cell in row) for row in sheet.iter_rows()),
                  tuple((cells.coord, cells.min_row, cells.min_col, cells.max_col) for cells in sheet.merged_cells.ranges
                        if cells.max_row > cells.min_row))
            for sheet in book.worksheets], []


def _xlsx_cell(cell) -> tuple[object, str | None]:
    """A workbook cell's value, or the formula (or the error, like #N/A, that a
    formula left) it holds instead of one."""
    if cell.data_type == "f":
        return None, str(getattr(cell.value, "text", cell.value))  # an array formula keeps its text in .text
    if cell.data_type == "e":
        return None, str(cell.value)
    return cell.value, None


def _decode(raw: bytes) -> str | None:
    """A CSV as Excel and WPS save it: UTF-8 (with or without a byte-order mark) or, in China, GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _csv_tables(path: Path) -> tuple[list[Table], list[Problem]]:
    name = path.name
    text = _decode(path.read_bytes())
    if text is None or "\x00" in text:
        return [], [problem_at(name, "the file is not CSV text (UTF-8 or GB18030); save it from Excel or WPS as CSV",
                             "文件不是 CSV 文本（UTF-8 或 GB18030 编码）；请在 Excel 或 WPS 表格中另存为 CSV 格式")]
    try:
        table = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return [], [problem_at(name, f"the file is not valid CSV ({error})", f"文件不是有效的 CSV（{error}）")]
    return [Table(name, tuple(tuple(_csv_cell(value) for value in row) for row in table))], []


def _csv_cell(value: str) -> tuple[object, str | None]:
    """A CSV cell's text; one that starts with "=" is a formula typed where its value belongs."""
    return (None, value) if value.startswith("=") and len(value) > 1 else (value, None)


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_date(cell: Cell) -> datetime.date | None:
    """A cell's date: a spreadsheet's date, or text written 2025-03-31,
    2025/3/31, 2025.3.31 or 2025年3月31日 (in any width of digits); None if it is none of these."""
    value = cell.value
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    match = _DATE.fullmatch(unicodedata.normalize("NFKC", value).strip()) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None
