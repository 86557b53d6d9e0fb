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
from pathlib import Path
from typing import Iterator, NamedTuple

from .format import format_value
from .history import statuses_in
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


# The files of the last site exported: the download page of each language and
# the build's /data/ ask for the same site (load_site's), and each export of
# 1,100 areas takes most of a second.
_last_export: dict[str, object] = {"site": None, "files": None}


def export_files(site: Site) -> dict[str, bytes]:
    """File name under /data/ → content, in the order the download page lists them."""
    if _last_export["site"] is not site:
        _last_export.update(site=site, files=_export(site))
    return _last_export["files"]


def _export(site: Site) -> dict[str, bytes]:
    files = {JSON_NAME: site_json(site).encode("utf-8"),
             SCHEMA_NAME: schema_text(site_schema(SCHEMA_NAME, site.languages)).encode("utf-8")}
    for name in TABLES:
        files[f"{name}.csv"] = table_csv(site, name).encode("utf-8-sig")
    return files


def write_export(site: Site, site_dir: Path) -> None:
    out = Path(site_dir) / DATA_DIR
    out.mkdir(parents=True, exist_ok=True)
    for name, content in export_files(site).items():
        (out / name).write_bytes(content)


# --- checksums -----------------------------------------------------------------------------


def sha256sums(site_dir: Path) -> str:
    """`sha256sum` lines for every file under site_dir but the list itself,
    sorted by path; check with `sha256sum -c data/SHA256SUMS` at the top."""
    site_dir = Path(site_dir)
    own = f"{DATA_DIR}/{SUMS_NAME}"
    paths = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    return "".join(f"{hashlib.sha256((site_dir / path).read_bytes()).hexdigest()}  {path}\n" for path in paths if path != own)


def write_sums(site_dir: Path) -> None:
    (Path(site_dir) / DATA_DIR).mkdir(parents=True, exist_ok=True)
    (Path(site_dir) / DATA_DIR / SUMS_NAME).write_text(sha256sums(site_dir), encoding="utf-8")
