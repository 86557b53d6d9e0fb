"""schema.py: the JSON Schema is derived from the model and accepts the real data."""
from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from support import ROOT

from gongshi.data import data_files
from gongshi.load import load_yaml
from gongshi.schema import file_schemas, stale_schemas


def test_the_committed_schema_is_what_the_model_says():
    assert stale_schemas(ROOT) == []


@pytest.mark.parametrize("path", data_files(ROOT / "data"), ids=lambda p: p.name)
def test_the_real_data_is_valid_against_its_schema(path):
    kind = "area" if path.parent.name == "areas" else path.stem
    schema = file_schemas()[f"{kind}.schema.json"]
    Draft202012Validator.check_schema(schema)
    data, problems = load_yaml(path, path.name)
    assert problems == []
    errors = list(Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(data))
    assert errors == []


def test_the_schema_offers_every_key_with_its_requirements():
    area = file_schemas()["area.schema.json"]
    assert area["required"] == ["id", "number", "title", "problem", "measures"]
    assert area["additionalProperties"] is False
    measure = area["properties"]["measures"]["items"]
    figure = measure["properties"]["figures"]["items"]
    assert figure["properties"]["value"] == {"type": "number", "minimum": 0}
    assert area["$defs"]["text"]["required"] == ["zh", "en"]
    json.dumps(area)  # serialisable as it is written to schema/
