"""The model's objects → the YAML files of data/, written field by field from the
model's dataclasses, so that they load back through gongshi.data.

English left empty is written `en: ""  # TODO translate`: loading the data then
reports each missing translation with its line, which is the editor's list of
work. A required value the notice does not give is written as a comment, and
loading reports it missing."""
from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

from ..data import AREAS, FILES
from ..format import format_value
from ..model import Area, Site, Text

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


def _document(obj, header: str, origins: dict) -> str:
    return header + "\n".join(_record(obj, "", origins)) + "\n"


def area_file(area: Area) -> str:
    return f"{area.number:02d}-{area.id}.yaml"


def data_files(site: Site, source: str, origins: dict) -> dict[str, str]:
    """Relative path under data/ → YAML text, for every file but units.yaml."""
    header = (f"# Imported from {source} by `gongshi import`. Check every value against the notice,\n"
              "# and translate each English text left empty.\n")
    by_kind = {cls: name for name, cls in FILES.items()}
    files = {by_kind[type(obj)]: _document(obj, header, origins) for obj in (site.round, site.notice, site.contact)}
    for area in site.areas:
        where = f"# Line {origins[id(area)]} of the notice.\n" if id(area) in origins else ""
        files[f"{AREAS}/{area_file(area)}"] = _document(area, header + where, origins)
    return files


def write_data(site: Site, data_dir: Path, source: str, origins: dict) -> list[Path]:
    written = []
    for relative, text in data_files(site, source, origins).items():
        path = data_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
