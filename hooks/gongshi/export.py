"""The site's data as open data, and checksums of a published site.

Under /data/ the site publishes the whole model as one JSON document (every
language of the site; the JSON Schema, derived from the same model, beside it) and one
CSV table per kind of entity. Every row has a `key` that stays the same as
long as the ids in data/ do. SHA256SUMS then lists every file of the
published site, so that anyone can check a mirror or an archived copy.

Everything here is a function of the data alone: no build time, no paths of
the machine, the same bytes on every build.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime
import hashlib
import io
import json
import math
import unicodedata
import zipfile
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from . import ledger
from .format import format_value
from .history import statuses_in
from .labels import label
from .model import LIST, RECORD, TEXT, Area, Block, Figure, ItemStatus, Measure, Problem, Site, Status, Text, Unit, Update, data_fields, field_kinds
from .schema import schema_text, site_schema

DATA_DIR = "data"  # under the top of the published site
JSON_NAME = "gongshi.json"
SCHEMA_NAME = "gongshi.schema.json"
SUMS_NAME = "SHA256SUMS"


def to_json(obj):
    """A model object as JSON data: records as objects in field order, absent
    (None) values left out, as in the YAML the schema describes."""
    if isinstance(obj, datetime.date):
        return obj.isoformat()
    if isinstance(obj, Text):
        return dict(obj)
    if dataclasses.is_dataclass(obj):
        return {f.name: to_json(getattr(obj, f.name)) for f in data_fields(type(obj)) if getattr(obj, f.name) is not None}
    if isinstance(obj, tuple):
        return [to_json(item) for item in obj]
    if isinstance(obj, str):
        return str(obj)  # Id and UnitId are str subclasses
    return obj


def site_json(site: Site) -> str:
    return json.dumps({"$schema": SCHEMA_NAME, **to_json(site)}, ensure_ascii=False, indent=2) + "\n"


# --- tables --------------------------------------------------------------------------------


class Row(NamedTuple):
    key: str  # unique in its table, built from the ids in data/
    parent: str  # the key of the row it belongs to, in another table ("" for none)
    position: int  # its place among its parent's rows, from 1
    record: object  # the model object whose fields fill the other columns


def _columns(cls, languages, prefix: str = "") -> list[tuple[str, tuple[str, ...]]]:
    """(column name, attribute path) for each scalar field of a record; Text
    gives one column per language, a nested record its own prefixed columns,
    and lists none (they are tables of their own)."""
    columns = []
    exported = {f.name for f in data_fields(cls)}
    for f, kind in field_kinds(cls):
        if f.name not in exported or kind.name == LIST:
            continue
        if kind.name == TEXT:
            columns += [(f"{prefix}{f.name}_{lang}", (f.name, lang)) for lang in languages]
        elif kind.name == RECORD:
            columns += [(name, (f.name, *path)) for name, path in _columns(kind.type, languages, f"{prefix}{f.name}_")]
        else:
            columns.append((prefix + f.name, (f.name,)))
    return columns


def _cell(record, path: tuple[str, ...]) -> str:
    value = record
    for step in path:
        if value is None:
            return ""
        value = value[step] if isinstance(value, Text) else getattr(value, step)
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_value(value, "zh")
    return spreadsheet_text(str(value))


# What makes a spreadsheet program (Excel, WPS, LibreOffice) read a cell as a
# formula, or carry on one from the cell before (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_text(text: str) -> str:
    """A text cell that opens as the text it is: one that a spreadsheet would
    run as a formula gets a leading single quote, as OWASP advises. Numbers
    never come here (_cell writes them), so -3 stays a number; the JSON keeps
    every text exact."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _blocks(site: Site) -> Iterator[Row]:
    """The notice as printed, block by block."""
    for position, block in enumerate(site.notice.blocks, 1):
        yield Row(block.id, "", position, block)


def _areas(site: Site) -> Iterator[Row]:
    for position, area in enumerate(site.areas, 1):
        yield Row(area.id, "", position, area)


def _problems(site: Site) -> Iterator[Row]:
    for area in site.areas:
        for position, problem in enumerate(area.problems, 1):
            yield Row(problem.id, area.id, position, problem)


def _measure_groups(site: Site):
    """(parent key, measures) for every group of measures: a problem's, an area's own."""
    for area in site.areas:
        for problem in area.problems:
            yield problem.id, problem.measures
        yield area.id, area.measures


def _measures(site: Site) -> Iterator[Row]:
    for parent, measures in _measure_groups(site):
        for position, measure in enumerate(measures, 1):
            yield Row(measure.id, parent, position, measure)


def _figures(site: Site) -> Iterator[Row]:
    named = site.round.totals.named()
    for position, (name, figure) in enumerate(named.items(), 1):
        yield Row(f"totals/{name}", "", position, figure)
    groups = [("accountability", "", site.round.accountability), ("meetings", "", site.round.meetings),
              ("figures", "", site.round.figures)]
    groups += [(f"measures/{m.id}", m.id, m.figures) for _, measures in _measure_groups(site) for m in measures]
    for prefix, parent, figures in groups:
        for position, figure in enumerate(figures, 1):
            yield Row(f"{prefix}/{figure.id or position}", parent, position, figure)


def _units(site: Site) -> Iterator[Row]:
    for position, unit in enumerate(site.units, 1):
        yield Row(unit.id, "", position, unit)


def _updates(site: Site) -> Iterator[Row]:
    for position, update in enumerate(site.updates, 1):
        yield Row(update.id, "", position, update)


def _statuses(site: Site) -> Iterator[Row]:
    for position, status in enumerate(site.statuses, 1):
        yield Row(status.id, "", position, status)


def _item_statuses(site: Site) -> Iterator[Row]:
    """The status each update gives each problem or measure: the record of progress per item."""
    for update in site.updates:
        for position, item in enumerate(statuses_in(site, update).values(), 1):
            yield Row(f"{update.id}/{item.item}", update.id, position, item)


# Table name → (the model class of its rows, the rows). Add a table here when
# the model gains a kind of entity; its columns follow from the class.
TABLES = {
    "blocks": (Block, _blocks),
    "areas": (Area, _areas),
    "problems": (Problem, _problems),
    "measures": (Measure, _measures),
    "figures": (Figure, _figures),
    "units": (Unit, _units),
    "updates": (Update, _updates),
    "statuses": (Status, _statuses),
    "item-statuses": (ItemStatus, _item_statuses),
}


def table_csv(site: Site, name: str) -> str:
    """One table as CSV (RFC 4180 line ends). Files are written with a byte-order
    mark, so that spreadsheet programs read the Chinese as UTF-8."""
    cls, rows = TABLES[name]
    columns = _columns(cls, site.languages)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["key", "parent", "position"] + [column for column, _ in columns])
    for row in rows(site):
        writer.writerow([row.key, row.parent, row.position] + [_cell(row.record, path) for _, path in columns])
    return out.getvalue()


# The files of the last site exported, or what will give them: the download
# page of each language and the build's /data/ ask for the same site
# (load_site's), and each export of 1,100 areas takes seconds.
_last_export: dict[str, object] = {"site": None, "files": None}


def export_files(site: Site) -> dict[str, bytes]:
    """File name under /data/ → content, in the order the download page lists them."""
    if _last_export["site"] is not site:
        _last_export.update(site=site, files=_export(site))
    elif callable(_last_export["files"]):
        _last_export["files"] = _last_export["files"]()
    return _last_export["files"]


def exported_elsewhere(site: Site, files: Callable[[], dict[str, bytes]]) -> None:
    """`site` is being exported in another process (the build's second one,
    gongshi.second_process): export_files(site) is what `files()` returns."""
    _last_export.update(site=site, files=files)


def _export(site: Site) -> dict[str, bytes]:
    files = {JSON_NAME: site_json(site).encode("utf-8"),
             SCHEMA_NAME: schema_text(site_schema(SCHEMA_NAME, site.languages)).encode("utf-8")}
    for name in TABLES:
        files[f"{name}.csv"] = table_csv(site, name).encode("utf-8-sig")
    if site.items:  # a notice that lists no problem or measure has nothing to keep a ledger of
        files[LEDGER_XLSX] = ledger_xlsx(site)
        files[LEDGER_CSV] = ledger_csv(site).encode("utf-8-sig")
    return files


# --- the ledger template (gongshi.ledger), for `gongshi update` -----------------------------------


LEDGER_XLSX, LEDGER_CSV = "ledger.xlsx", "ledger.csv"


def ledger_csv(site: Site) -> str:
    """The ledger template as CSV, for programs that read no workbook."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.heading(site) for column in ledger.columns(site)])
    writer.writerows([spreadsheet_text(value) for value in row] for row in ledger.template_rows(site))
    return out.getvalue()


# Widths of the template's columns, in characters (Excel's unit), by column key.
_WIDTHS = {"id": 16, "kind": 6, "text": 60, "status": 14, "as_of": 12, "unit": 16, "deadline": 14, "note": 30}


def ledger_xlsx(site: Site) -> bytes:
    """The ledger template as an Excel workbook: the ledger sheet, the ids,
    kinds and texts locked (the sheet is protected without a password, against
    slips, not people), the status a choice from a list (the second sheet), the
    as-of date a date. The same bytes on every build: the workbook and the
    files in it are dated by the data (Site.updated), not by the clock."""
    # Loaded only when a template is written: `gongshi check` has no need of it.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, NamedStyle, Protection
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.writer.excel import ExcelWriter

    first = site.languages[0]
    columns, rows = ledger.columns(site), ledger.template_rows(site)
    book = Workbook()
    sheet = book.active
    sheet.title = label(first, "ledger_sheet")
    sheet.append([column.heading(site) for column in columns])
    for row in rows:
        sheet.append([spreadsheet_text(value) if value else None for value in row])
    last_row = len(rows) + 1
    text_index = columns.index(ledger.Column("text"))
    for number, row in enumerate(rows, 2):
        # A spreadsheet does not size a row to its wrapped text when it opens a file: say how many lines it takes.
        lines = math.ceil(_display_width(row[text_index]) / _WIDTHS["text"]) or 1
        sheet.row_dimensions[number].height = 15 * lines
    # The ids as wide as the longest, within reason.
    widths = _WIDTHS | {"id": min(max([len(row[0]) + 2 for row in rows] + [8]), 40)}
    for number, column in enumerate(columns, 1):
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = widths[column.key]
        sheet[f"{letter}1"].font = Font(bold=True)
        # One named style for the column's cells, named by its heading: a style set
        # cell by cell costs openpyxl seconds at 3,000 rows.
        style = NamedStyle(name=column.heading(site), protection=Protection(locked=column.key in ("id", "kind", "text")),
                           alignment=Alignment(wrap_text=column.key in ("text", "note"), vertical="top"),
                           number_format="yyyy-mm-dd" if column.key == "as_of" else "General")
        book.add_named_style(style)
        for (cell,) in sheet.iter_rows(min_row=2, max_row=last_row, min_col=number, max_col=number):
            cell.style = style.name
    sheet.freeze_panes = "A2"
    # Printed, as ledgers are: across the page, all columns on it, the headings on every sheet of paper.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    # Protected against slips, so that a worker cannot change the ids or the
    # notice's words by accident; columns may still be widened, added, sorted and filtered.
    sheet.protection.sheet = True
    for allowed in ("formatColumns", "formatRows", "formatCells", "insertColumns", "sort", "autoFilter"):
        setattr(sheet.protection, allowed, False)

    statuses = book.create_sheet(label(first, "ledger_statuses_sheet"))
    statuses.append([ledger.Column("status").heading(site)])
    for status in site.statuses:
        statuses.append([spreadsheet_text(status.label[first])])
    statuses.column_dimensions["A"].width = _WIDTHS["status"]
    status_column = get_column_letter(columns.index(ledger.Column("status")) + 1)
    choice = DataValidation(type="list", formula1=f"{quote_sheetname(statuses.title)}!$A$2:$A${len(site.statuses) + 1}",
                            allow_blank=True, showErrorMessage=True, errorTitle=ledger.Column("status").heading(site),
                            error=label(first, "ledger_status_error"))
    choice.add(f"{status_column}2:{status_column}{last_row}")
    sheet.add_data_validation(choice)

    when = datetime.datetime.combine(site.updated, datetime.time())
    book.properties.creator = site.info.issuer[first]
    book.properties.title = f"{site.info.name[first]} {sheet.title}"
    book.properties.created = book.properties.modified = when
    out = io.BytesIO()
    # ExcelWriter, not Workbook.save, which would date the workbook by the clock.
    ExcelWriter(book, _DatedZip(out, "w", zipfile.ZIP_DEFLATED, date_time=when.timetuple()[:6])).save()
    return out.getvalue()


def _display_width(text: str) -> int:
    """How wide a text shows, in the units of a column's width: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class _DatedZip(zipfile.ZipFile):
    """A zip file whose members are all dated `date_time`: zipfile dates a
    member added by name by the clock, and one added from a file (openpyxl
    writes each worksheet to a temporary file first) by the file's."""

    def __init__(self, *args, date_time: tuple, **kwargs):
        super().__init__(*args, **kwargs)
        self.date_time = date_time

    def writestr(self, name, data, *args, **kwargs):
        if not isinstance(name, zipfile.ZipInfo):
            name = zipfile.ZipInfo(name, date_time=self.date_time)
            name.compress_type = self.compression
            name.external_attr = 0o600 << 16  # what zipfile gives a member added by name
        super().writestr(name, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):
        self.writestr(arcname or filename, Path(filename).read_bytes())


def write_export(site: Site, site_dir: Path) -> None:
    out = Path(site_dir) / DATA_DIR
    out.mkdir(parents=True, exist_ok=True)
    for name, content in export_files(site).items():
        (out / name).write_bytes(content)


# --- checksums -----------------------------------------------------------------------------


def digests(site_dir: Path, folder: str = "", leave_out: str = "") -> dict[str, str]:
    """The SHA-256 of every file under site_dir, or under its `folder`, by
    path from site_dir; but the list of them, and but the folder `leave_out`
    (the build's second process may still write there)."""
    site_dir = Path(site_dir)
    own, skipped = f"{DATA_DIR}/{SUMS_NAME}", f"{leave_out}/" if leave_out else None
    paths = (p.relative_to(site_dir).as_posix() for p in (site_dir / folder).rglob("*") if p.is_file())
    return {path: hashlib.sha256((site_dir / path).read_bytes()).hexdigest()
            for path in paths if path != own and not (skipped and path.startswith(skipped))}


def sha256sums(site_dir: Path, found: dict[str, str] | None = None) -> str:
    """`sha256sum` lines for every file under site_dir but the list itself
    (or for the digests() `found`), sorted by path; check with `sha256sum -c
    data/SHA256SUMS` at the top."""
    found = digests(site_dir) if found is None else found
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(found.items()))


def write_sums(site_dir: Path, found: dict[str, str] | None = None) -> None:
    (Path(site_dir) / DATA_DIR).mkdir(parents=True, exist_ok=True)
    (Path(site_dir) / DATA_DIR / SUMS_NAME).write_text(sha256sums(site_dir, found), encoding="utf-8")
