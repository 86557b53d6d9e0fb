"""schema.py: the JSON Schema is derived from the model and accepts the real data."""
from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from support import PROBLEMS_SITE, ROOT

from gongshi.data import data_files
from gongshi.load import load_yaml
from gongshi.schema import file_schemas, site_schema, stale_schemas


def test_the_committed_schema_is_what_the_model_says():
    assert stale_schemas(ROOT) == []


@pytest.mark.parametrize("path", data_files(ROOT / "data") + data_files(PROBLEMS_SITE / "data"),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_data_of_a_site_is_valid_against_its_schema(path):
    # The real site's texts in two languages, the made-up site's as plain strings.
    kind = "area" if path.parent.name == "areas" else path.stem
    schema = file_schemas()[f"{kind}.schema.json"]
    Draft202012Validator.check_schema(schema)
    data, problems = load_yaml(path, path.name)
    assert problems == []
    errors = list(Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(data))
    assert errors == []


def test_the_schema_offers_every_key_with_its_requirements():
    area = file_schemas()["area.schema.json"]
    assert area["required"] == ["id", "block"]
    assert area["additionalProperties"] is False
    measure = area["properties"]["measures"]["items"]
    assert measure["required"] == ["block"]
    figure = measure["properties"]["figures"]["items"]
    assert figure["properties"]["value"] == {"type": "number", "minimum": 0}
    json.dumps(area)  # serialisable as it is written to schema/


def test_a_files_schema_takes_a_text_in_any_language_the_engine_knows():
    # A file's schema cannot know the languages of the site it is in.
    notice = Draft202012Validator(file_schemas()["notice.schema.json"])
    block = {"id": "title", "kind": "title"}
    for text in ("公示公告", {"zh": "公示公告"}, {"zh": "公示公告", "en": "Public Notice"}):
        assert notice.is_valid({"date": "2024-09-12", "blocks": [{**block, "text": text}]}), text
    assert not notice.is_valid({"date": "2024-09-12", "blocks": [{**block, "text": {"fr": "Avis"}}]})


def test_the_open_datas_schema_asks_for_the_sites_languages_only():
    assert site_schema("x.json", ("zh",))["$defs"]["text"]["required"] == ["zh"]
    assert site_schema("x.json", ("zh", "en"))["$defs"]["text"]["required"] == ["zh", "en"]
