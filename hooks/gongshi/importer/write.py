"""The model's objects → the YAML files of data/, written field by field from the
model's dataclasses, so that they load back through gongshi.data. Each starts
with the line that points editors at its schema (check.schema_line).

A text is written as a plain string on a site of one language. On a site of
more, a text the importer could only give in the first is written with the
others empty, `en: ""  # TODO translate`: checking the data then reports each
missing translation with its line, which is the editor's list of work. A
required value the notice does not give is written as a comment, and
checking reports it missing."""
from __future__ import annotations

import dataclasses
import datetime
import json
import re
from pathlib import Path

from ..check import schema_line
from ..data import FILES, SITE_FILE
from ..format import format_value
from ..model import Site, SiteInfo, Text
from .build import DATA

TODO = "# TODO translate"
# What YAML does not allow unescaped in a stream (PyYAML's reader refuses it),
# and the line breaks it would fold into spaces (NEL, LS, PS).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The website's own settings (政府网站发展指引): a notice gives none of them.
_SITE_SETTINGS = ("host", "operator", "site_id_code", "icp", "police_record", "gov_site_mark", "domain", "updated")


def _scalar(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_value(value, "zh")
    # A JSON string is a YAML double-quoted scalar; YAML escapes what it cannot hold as JSON does.
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False))


def _required(spec: dataclasses.Field) -> bool:
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING


def _text(name: str, value: Text, lead: str, pad: str) -> list[str]:
    languages = list(value)
    if len(languages) == 1:
        return [f"{lead}{name}: {_scalar(value[languages[0]])}"]
    return [f"{lead}{name}:"] + [f"{pad}  {lang}: {_scalar(value[lang])}" + ("" if value[lang] else f"  {TODO}")
                                 for lang in languages]


def _record(obj, pad: str, origins: dict, first: str = "", fields=None) -> list[str]:
    """`obj`'s fields as YAML lines at indentation `pad`; `first` replaces the
    indentation of the first line (it is "- " for a list item)."""
    lines = []
    for spec in fields or dataclasses.fields(obj):
        value = getattr(obj, spec.name)
        lead = first if not lines and first else pad
        if value is None or value == () and not _required(spec):
            if value is None and _required(spec):
                lines.append(f"{lead}# {spec.name}: not found in the notice; add it")
            continue
        if isinstance(value, Text):
            lines += _text(spec.name, value, lead, pad)
        elif dataclasses.is_dataclass(value):
            inner = _record(value, pad + "  ", origins)
            lines += [f"{lead}{spec.name}:"] + inner if inner else []
        elif isinstance(value, tuple) and not all(dataclasses.is_dataclass(item) for item in value):
            lines.append(f"{lead}{spec.name}: [{', '.join(_scalar(item) for item in value)}]")
        elif isinstance(value, tuple):
            lines.append(f"{lead}{spec.name}:" + ("" if value else " []"))
            for item in value:
                item_lines = _record(item, pad + "  ", origins, first=pad + "- ")
                if id(item) in origins:
                    item_lines[0] += f"  # line {origins[id(item)]}"
                lines += item_lines
        elif spec.name == "id" and value == getattr(obj, "block", None):
            continue  # a problem's or measure's id is its block's unless it says otherwise
        elif value != spec.default or _required(spec):
            lines.append(f"{lead}{spec.name}: {_scalar(value)}")
    return lines


def _document(obj, relative: str, header: str, origins: dict, fields=None) -> str:
    data_dir = Path(DATA)
    body = _record(obj, "", origins, fields=fields) or ["{}  # the notice states nothing this file holds"]
    return schema_line(data_dir / relative, data_dir) + "\n" + header + "\n".join(body) + "\n"


def data_files(site: Site, source: str, origins: dict) -> dict[str, str]:
    """Relative path under data/ → YAML text, for every file of the site but
    units.yaml and statuses.yaml, which the site takes as they are (command.py)."""
    translate = ", and translate each text left empty" if len(site.languages) > 1 else ""
    header = f"# Imported from {source} by `gongshi import`. Check every value against the notice{translate}.\n"
    by_kind = {cls: name for name, cls in FILES.items()}
    objects = {by_kind[type(obj)]: obj for obj in (site.round, site.notice, site.contact, site.progress)}
    files = {name: _document(obj, name, header, origins) for name, obj in objects.items()}
    own = [spec for spec in dataclasses.fields(SiteInfo) if spec.name not in _SITE_SETTINGS]
    files[SITE_FILE] = (_document(site.info, SITE_FILE, header, origins, fields=own)
                        + "\n# The website's own 政府网站 settings: every key is optional; fill in only what the\n"
                          "# site has been issued, never a guess.\n" + "".join(f"{name}:\n" for name in _SITE_SETTINGS))
    for area in site.areas:
        where = f"# Line {origins[id(area)]} of the notice.\n" if id(area) in origins else ""
        relative = Path(site.area_files[area.id]).relative_to(DATA).as_posix()
        files[relative] = _document(area, relative, header + where, origins)
    return files


def write_data(site: Site, data_dir: Path, source: str, origins: dict) -> list[Path]:
    """Write every data file of the site under `data_dir`."""
    written = []
    for relative, text in data_files(site, source, origins).items():
        path = data_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
