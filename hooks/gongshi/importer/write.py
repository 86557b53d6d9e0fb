"""The model's objects → the YAML files of data/, written field by field from the
model's dataclasses, so that they load back through gongshi.data. Each starts
with the line that points editors at its schema (check.schema_line).

English left empty is written `en: ""  # TODO translate`: loading the data then
reports each missing translation with its line, which is the editor's list of
work. A required value the notice does not give is written as a comment, and
loading reports it missing."""
from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

from ..check import schema_line
from ..data import FILES
from ..format import format_value
from ..model import Site, SiteInfo, Statuses, Text
from .build import DATA

TODO = "# TODO translate"


def _scalar(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_value(value, "zh")
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _required(spec: dataclasses.Field) -> bool:
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING


def _text(value: Text, pad: str) -> list[str]:
    return [f"{pad}  zh: {_scalar(value.zh)}",
            f"{pad}  en: {_scalar(value.en)}" + ("" if value.en else f"  {TODO}")]


def _record(obj, pad: str, origins: dict, first: str = "") -> list[str]:
    """`obj`'s fields as YAML lines at indentation `pad`; `first` replaces the
    indentation of the first line (it is "- " for a list item)."""
    lines = []
    for spec in dataclasses.fields(obj):
        value = getattr(obj, spec.name)
        lead = first if not lines and first else pad
        if value is None:
            if _required(spec):
                lines.append(f"{lead}# {spec.name}: not found in the notice; add it")
            continue
        if isinstance(value, Text):
            lines += [f"{lead}{spec.name}:"] + _text(value, pad)
        elif dataclasses.is_dataclass(value):
            lines += [f"{lead}{spec.name}:"] + _record(value, pad + "  ", origins)
        elif isinstance(value, tuple) and not all(dataclasses.is_dataclass(item) for item in value):
            lines.append(f"{lead}{spec.name}: [{', '.join(_scalar(item) for item in value)}]")
        elif isinstance(value, tuple):
            lines.append(f"{lead}{spec.name}:" + ("" if value else " []"))
            for item in value:
                item_lines = _record(item, pad + "  ", origins, first=pad + "- ")
                if id(item) in origins:
                    item_lines[0] += f"  # line {origins[id(item)]}"
                lines += item_lines
        else:
            lines.append(f"{lead}{spec.name}: {_scalar(value)}")
    return lines


def _document(obj, relative: str, header: str, origins: dict) -> str:
    data_dir = Path(DATA)
    return schema_line(data_dir / relative, data_dir) + "\n" + header + "\n".join(_record(obj, "", origins)) + "\n"


def data_files(site: Site, source: str, origins: dict) -> dict[str, str]:
    """Relative path under data/ → YAML text, for every file but units.yaml."""
    header = (f"# Imported from {source} by `gongshi import`. Check every value against the notice,\n"
              "# and translate each English text left empty.\n")
    by_kind = {cls: name for name, cls in FILES.items()}
    objects = {by_kind[type(obj)]: obj for obj in (site.round, site.notice, site.contact, site.progress)}
    files = {name: _document(obj, name, header, origins) for name, obj in objects.items()}
    statuses = by_kind[Statuses]
    files[statuses] = _document(Statuses(site.statuses), statuses,
                                "# The words an update may use for the status of a measure, least advanced first.\n"
                                "# A vocabulary, not a fact: a notice gives no status of a single measure.\n", origins)
    # A notice says nothing of the website's own settings: every key, left empty to fill in.
    site_info = by_kind[SiteInfo]
    files[site_info] = (schema_line(Path(DATA) / site_info, Path(DATA))
                        + "\n# The website's own 政府网站 settings: every key is optional; fill in only what the\n"
                        "# site has been issued (the real site's data/site.yaml says what each one means).\n"
                        + "".join(f"{spec.name}:\n" for spec in dataclasses.fields(SiteInfo)))
    for area in site.areas:
        where = f"# Line {origins[id(area)]} of the notice.\n" if id(area) in origins else ""
        relative = Path(site.area_files[area.id]).relative_to(DATA).as_posix()
        files[relative] = _document(area, relative, header + where, origins)
    return files


def write_data(site: Site, data_dir: Path, source: str, origins: dict, keep=()) -> list[Path]:
    """Write the data files; those named in `keep` (under data/) stay as they are."""
    written = []
    for relative, text in data_files(site, source, origins).items():
        if relative in keep:
            continue
        path = data_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
