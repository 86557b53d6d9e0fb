"""JSON Schema for each kind of data file, derived from the model.

The schema is generated, never kept by hand: `gongshi schema` writes schema/,
and a test fails when the committed files differ from what the model says.
Editors that speak the yaml-language-server protocol (VS Code's YAML
extension and others) read the `# yaml-language-server: $schema=…` line at the
top of each data file and offer completion and inline errors while typing.
"""
from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

from . import model
from .data import FILES
from .labels import LANGUAGES
from .model import CHOICE, LIST, RECORD, TEXT, Area, Kind, field_kinds

SCHEMA_DIR = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
_PLAIN = {"type": "string", "minLength": 1, "not": {"pattern": model.HTML_TAG}}


def text_schema(languages=None) -> dict:
    """A text: a plain string (in the site's first language), or a mapping of
    languages to texts. The files' schemas cannot know a site's languages, so
    they accept any the engine knows; the open data's names the site's."""
    described = "、".join(languages or LANGUAGES)
    mapping = {"type": "object", "properties": {lang: _PLAIN for lang in languages or LANGUAGES},
               "additionalProperties": False, "minProperties": 1}
    if languages:
        mapping["required"] = list(languages)
        return {**mapping, "description": f"{described} / text in each language of the site"}
    return {"description": f"文字，或各语言（{described}）的文字 / text, or text in each language",
            "anyOf": [_PLAIN, mapping]}


def _describe(cls) -> str:
    return " ".join((cls.__doc__ or "").split())


def kind_schema(kind: Kind) -> dict:
    if kind.name == CHOICE:
        schema = {"anyOf": [kind_schema(choice) for choice in kind.choices]}
    elif kind.name == TEXT:
        schema = {"$ref": "#/$defs/text"}
    elif kind.name == RECORD:
        schema = record_schema(kind.type)
    elif kind.name == LIST:
        schema = {"type": "array", "items": kind_schema(kind.type)}
    else:
        schema = _scalar_schema(kind.type)
    # Optional: the key may be left out or left empty (YAML null), as the validator allows.
    return {"anyOf": [schema, {"type": "null"}]} if kind.optional else schema


def _scalar_schema(tp) -> dict:
    if isinstance(tp, type) and issubclass(tp, str) and tp is not str:  # a kind of id
        return {"type": "string", "pattern": f"^(?:{tp.pattern})$", "description": _describe(tp)}
    if tp is datetime.date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if tp is str:
        return {"type": "string", "not": {"pattern": model.HTML_TAG}}
    return {bool: {"type": "boolean"}, int: {"type": "integer"}, float: {"type": "number"}}[tp]


def _limits(schema: dict, meta: dict) -> dict:
    """The field's limits, on the schema of its value (or of each item: "each")."""
    if "min" in meta:
        schema["minimum"] = meta["min"]
    if "max" in meta:
        schema["maximum"] = meta["max"]
    if "pattern" in meta:
        schema["pattern"] = f"^(?:{meta['pattern']})$"
    if "doc" in meta:
        schema["description"] = f"{meta['doc_zh']} / {meta['doc']}"
    return schema


def _field_schema(spec: dataclasses.Field, kind: Kind) -> dict:
    schema = kind_schema(kind)
    value = schema["anyOf"][0] if kind.optional else schema
    _limits(value, spec.metadata)
    each = spec.metadata.get("each")
    if each and kind.name == LIST:
        items = value["items"]
        for choice in items.get("anyOf", [items]):
            if choice.get("type") == "string":
                _limits(choice, each)
    elif each and kind.name == TEXT:
        value.clear()
        value.update({"anyOf": [_limits({"type": "string"}, each),
                                {"type": "object", "additionalProperties": _limits({"type": "string"}, each)}]})
    return schema


def record_schema(cls) -> dict:
    exported = {f.name for f in model.data_fields(cls)}
    kinds = [(f, kind) for f, kind in field_kinds(cls) if f.name in exported]
    schema = {
        "type": "object",
        "properties": {f.name: _field_schema(f, kind) for f, kind in kinds},
        "required": [f.name for f, _ in kinds if f.default is dataclasses.MISSING],
        "additionalProperties": False,
    }
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):  # dataclass's own doc is its signature
        schema["description"] = _describe(cls)
    return schema


def file_schemas() -> dict[str, dict]:
    """Schema file name → schema, one per kind of data file."""
    kinds = {name.removesuffix(".yaml"): cls for name, cls in FILES.items()} | {"area": Area}
    return {
        f"{kind}.schema.json": {"$schema": DIALECT, "$id": f"{kind}.schema.json", "title": kind,
                                **record_schema(cls), "$defs": {"text": text_schema()}}
        for kind, cls in kinds.items()
    }


def site_schema(schema_id: str, languages) -> dict:
    """The schema of the whole site's data as one document (the open-data JSON),
    which names its schema in `$schema`: every text in each of `languages`."""
    schema = {"$schema": DIALECT, "$id": schema_id, "title": "gongshi", **record_schema(model.Site),
              "$defs": {"text": text_schema(languages)}}
    schema["properties"] = {"$schema": {"type": "string"}, **schema["properties"]}
    return schema


def schema_text(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[Path]:
    out = root / SCHEMA_DIR
    out.mkdir(exist_ok=True)
    written = []
    for name, schema in file_schemas().items():
        (out / name).write_text(schema_text(schema), encoding="utf-8")
        written.append(out / name)
    return written


def stale_schemas(root: Path) -> list[str]:
    """Schema files that are missing or differ from the model."""
    return [name for name, schema in file_schemas().items()
            if not (root / SCHEMA_DIR / name).is_file()
            or (root / SCHEMA_DIR / name).read_text(encoding="utf-8") != schema_text(schema)]
