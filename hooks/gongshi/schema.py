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
import types
import typing
from pathlib import Path

from . import model
from .data import FILES
from .model import Area, Id, Text

SCHEMA_DIR = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
TEXT = {
    "type": "object",
    "description": "中文与英文 / Chinese and English",
    "properties": {lang: {"type": "string", "minLength": 1, "not": {"pattern": model.HTML_TAG}} for lang in model.LANGUAGES},
    "required": list(model.LANGUAGES),
    "additionalProperties": False,
}


def _describe(cls) -> str:
    return " ".join((cls.__doc__ or "").split())


def type_schema(tp) -> dict:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        # Optional: the key may be left out or left empty (YAML null), as the validator allows.
        (inner,) = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return {"anyOf": [type_schema(inner), {"type": "null"}]}
    if tp is Text:
        return {"$ref": "#/$defs/text"}
    if dataclasses.is_dataclass(tp):
        return record_schema(tp)
    if origin is tuple:
        return {"type": "array", "items": type_schema(typing.get_args(tp)[0])}
    if isinstance(tp, type) and issubclass(tp, Id):
        return {"type": "string", "pattern": f"^{Id.pattern}$", "description": _describe(tp)}
    if tp is datetime.date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if tp is str:
        return {"type": "string", "not": {"pattern": model.HTML_TAG}}
    return {bool: {"type": "boolean"}, int: {"type": "integer"}, float: {"type": "number"}}[tp]


def _field_schema(spec: dataclasses.Field, tp) -> dict:
    schema = type_schema(tp)
    meta = spec.metadata
    if "min" in meta:
        schema["minimum"] = meta["min"]
    if "max" in meta:
        schema["maximum"] = meta["max"]
    if "pattern" in meta:
        schema["pattern"] = f"^(?:{meta['pattern']})$"
    if "doc" in meta:
        schema["description"] = f"{meta['doc_zh']} / {meta['doc']}"
    return schema


def record_schema(cls) -> dict:
    hints = typing.get_type_hints(cls)
    fields = model.data_fields(cls)
    schema = {
        "type": "object",
        "properties": {f.name: _field_schema(f, hints[f.name]) for f in fields},
        "required": [f.name for f in fields if f.default is dataclasses.MISSING],
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
                                **record_schema(cls), "$defs": {"text": TEXT}}
        for kind, cls in kinds.items()
    }


def site_schema(schema_id: str) -> dict:
    """The schema of the whole site's data as one document (the open-data JSON),
    which names its schema in `$schema`."""
    schema = {"$schema": DIALECT, "$id": schema_id, "title": "gongshi", **record_schema(model.Site), "$defs": {"text": TEXT}}
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
