"""export.py: the open data (JSON, its schema, CSV tables) and SHA256SUMS."""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import subprocess

import pytest
from jsonschema import Draft202012Validator

from gongshi.export import JSON_NAME, SCHEMA_NAME, TABLES, export_files, sha256sums, spreadsheet_text, table_csv, write_sums
from gongshi.model import Text


def _rows(site, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(table_csv(site, name))))


def _valid_json(site) -> dict:
    """The open-data JSON of a site, checked against the schema published beside it."""
    files = export_files(site)
    document = json.loads(files[JSON_NAME])
    schema = json.loads(files[SCHEMA_NAME])
    Draft202012Validator.check_schema(schema)
    assert list(Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(document)) == []
    return document


def test_the_json_is_the_whole_model_and_valid_against_its_schema(site):
    document = _valid_json(site)
    assert document["$schema"] == SCHEMA_NAME
    assert set(document) == {"$schema", "round", "notice", "contact", "units", "areas", "info", "statuses", "progress"}  # not area_files
    assert [u["id"] for u in document["progress"]["updates"]] == [u.id for u in site.updates]
    assert len(document["areas"]) == 11
    assert document["areas"][1]["measures"][1]["block"] == "rural-road-maintenance"
    assert document["notice"]["date"] == "2024-09-12"
    assert document["notice"]["blocks"][0] == {"id": "title", "kind": "title", "text": {"zh": "公示公告", "en": "Public Notice"}}
    assert document["info"]["languages"] == ["zh", "en"]
    assert "icp" not in document["info"] and "domain" not in document["info"]  # unset settings are left out, as in YAML


def test_the_json_of_a_site_in_one_language_has_that_language_only(problems_site):
    document = _valid_json(problems_site)
    assert document["info"]["name"] == {"zh": "示例县市场监督管理局巡察整改情况公示"}
    assert document["areas"][0]["problems"][0] == {
        "block": "policy-1", "id": "policy-1", "status": "done", "status_block": "policy-1-status",
        "measures": [{"block": "policy-1-measures", "id": "policy-1-measures", "figures": [
            {"value": 120, "unit": "jia", "label": {"zh": "走访企业"}}, {"value": 35, "unit": "ge", "label": {"zh": "解决问题"}}]}]}
    schema = json.loads(export_files(problems_site)[SCHEMA_NAME])
    document["info"]["name"]["en"] = "A name in a language the site does not have"
    assert len(list(Draft202012Validator(schema).iter_errors(document))) == 1


def test_the_schema_refuses_what_the_model_refuses(site):
    schema = json.loads(export_files(site)[SCHEMA_NAME])
    document = json.loads(export_files(site)[JSON_NAME])
    document["areas"][0]["block"] = "Not an id"
    document["contact"]["fax"] = "1"
    errors = list(Draft202012Validator(schema).iter_errors(document))
    assert len(errors) == 2


def test_every_table_has_unique_stable_keys(site):
    assert set(TABLES) >= {"areas", "measures", "figures"}
    for name in TABLES:
        rows = _rows(site, name)
        keys = [row["key"] for row in rows]
        assert len(keys) == len(set(keys)), name
        assert all(keys), name
    # The real site states no status for single problems or measures, so that table is empty.
    assert len(_rows(site, "item-statuses")) == sum(len(u.statuses) for u in site.updates) == 0
    assert _rows(site, "problems") == []  # nor does it list single problems
    assert len(_rows(site, "updates")) == len(site.updates) == 2


def test_the_tables_hold_every_entity(site):
    areas, measures, figures = _rows(site, "areas"), _rows(site, "measures"), _rows(site, "figures")
    assert [row["key"] for row in areas] == [area.id for area in site.areas]
    assert (areas[1]["block"], areas[1]["quote_zh"]) == ("industry-oversight", "行业监管责任落实不够到位")
    assert len(measures) == sum(len(area.all_measures()) for area in site.areas)
    oversight = next(row for row in measures if row["key"] == "rural-road-maintenance")
    assert (oversight["parent"], oversight["position"], oversight["block"]) == ("industry-oversight", "2", "rural-road-maintenance")
    assert {row["parent"] for row in measures} == {area.id for area in site.areas}
    by_key = {row["key"]: row for row in figures}
    assert by_key["totals/problems"]["value"] == "29" and by_key["totals/problems"]["unit"] == "ge"
    assert by_key["totals/problems"]["block"] == "summary"
    assert by_key["accountability/party-warning"]["label_zh"] == "党内警告"
    measure_figures = [row for row in figures if row["key"].startswith("measures/")]
    assert len(measure_figures) == sum(len(m.figures) for a in site.areas for m in a.measures)
    assert {row["parent"] for row in measure_figures} <= {row["key"] for row in measures}
    assert any(row["value"] == "6384.6" for row in figures)  # decimals as written, no 6384.60


def test_the_blocks_table_is_the_notice_as_printed(site):
    blocks = _rows(site, "blocks")
    assert [row["key"] for row in blocks] == [block.id for block in site.notice.blocks]
    heading = next(row for row in blocks if row["key"] == "industry-oversight")
    assert (heading["kind"], heading["level"], heading["number_zh"], heading["text_zh"]) == (
        "heading", "1", "二、", "关于“行业监管责任落实不够到位”问题的整改情况。")
    assert {row["kind"] for row in blocks} == {"title", "heading", "paragraph", "signature", "date"}


def test_the_problems_table_and_the_statuses_the_notice_gives(problems_site):
    problems, measures = _rows(problems_site, "problems"), _rows(problems_site, "measures")
    assert [(row["key"], row["parent"], row["position"], row["status"], row["status_block"]) for row in problems[:3]] == [
        ("policy-1", "policy", "1", "done", "policy-1-status"), ("policy-2", "policy", "2", "partly-done", "policy-2-status"),
        ("party-1", "party", "1", "done", "party-1-status")]
    assert {row["parent"] for row in measures} == {row["key"] for row in problems}  # each measure under its problem
    # The update that holds the notice states the statuses it gives.
    statuses = _rows(problems_site, "item-statuses")
    assert [(row["key"], row["parent"], row["status"]) for row in statuses] == [
        (f"report/{problem.id}", "report", problem.status) for problem in problems_site.problems]


def test_the_tables_of_a_site_in_one_language_have_its_columns_only(problems_site):
    for name in TABLES:
        header = table_csv(problems_site, name).splitlines()[0].split(",")
        assert not [column for column in header if column.endswith("_en")], name
    assert "text_zh" in table_csv(problems_site, "blocks").splitlines()[0]


def test_csv_files_open_as_utf8_in_spreadsheets(site):
    for name in TABLES:
        content = export_files(site)[f"{name}.csv"]
        assert content.startswith(b"\xef\xbb\xbf"), name
        assert content.decode("utf-8-sig").startswith("key,parent,position,"), name


def test_the_export_is_the_same_every_time(site):
    assert export_files(site) == export_files(site)


def test_sha256sums_cover_every_file_but_themselves(tmp_path):
    (tmp_path / "a b.html").write_text("one", encoding="utf-8")
    (tmp_path / "en" / "data").mkdir(parents=True)
    (tmp_path / "en" / "data" / "x.csv").write_bytes(b"\x00\x01")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "SHA256SUMS").write_text("stale", encoding="utf-8")
    assert sha256sums(tmp_path) == (f"{hashlib.sha256(b'one').hexdigest()}  a b.html\n"
                                    f"{hashlib.sha256(bytes([0, 1])).hexdigest()}  en/data/x.csv\n")
    write_sums(tmp_path)
    check = subprocess.run(["sha256sum", "--check", "--strict", "data/SHA256SUMS"], cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    (tmp_path / "a b.html").write_text("two", encoding="utf-8")
    assert subprocess.run(["sha256sum", "--check", "data/SHA256SUMS"], cwd=tmp_path, capture_output=True).returncode != 0


# --- cells a spreadsheet would run (OWASP, CSV injection) --------------------------------------------


@pytest.mark.parametrize("text, cell", [
    ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
    ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("a=1", "a=1"), ("加强监管", "加强监管"), ("", ""),
])
def test_a_text_that_a_spreadsheet_would_run_gets_a_quote(text, cell):
    assert spreadsheet_text(text) == cell


def test_formulas_in_the_data_are_quoted_in_the_csv_and_exact_in_the_json(site):
    formula = '=cmd|" /C calc"!A0'
    block = site.notice.blocks[1]
    changed = dataclasses.replace(block, text=Text(zh="@" + block.text["zh"], en=formula))
    blocks = (site.notice.blocks[0], changed) + site.notice.blocks[2:]
    hostile = dataclasses.replace(site, notice=dataclasses.replace(site.notice, blocks=blocks))
    [row] = [row for row in _rows(hostile, "blocks") if row["key"] == block.id]
    assert (row["text_en"], row["text_zh"]) == ("'" + formula, "'@" + block.text["zh"])
    assert json.loads(export_files(hostile)[JSON_NAME])["notice"]["blocks"][1]["text"] == {"zh": "@" + block.text["zh"], "en": formula}
    figures = _rows(hostile, "figures")
    assert all(not row["value"].startswith("'") for row in figures)  # numbers are written as numbers
