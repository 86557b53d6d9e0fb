"""The bad-input corpus (tests/bad_input/cases.yaml): every mistake an editor
can make is caught by `gongshi check` and by `make site`, with its file and
line, without a traceback, and without touching the last good site."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from support import ROOT, copy_project

from gongshi.load import load_yaml
from gongshi.schema import file_schemas

CASES = yaml.safe_load((Path(__file__).parent / "bad_input" / "cases.yaml").read_text(encoding="utf-8"))
VENV = ROOT / ".venv"


def _apply(project: Path, edit: dict):
    path = project / edit["file"]
    if edit.get("delete"):
        path.unlink()
    elif "replace" in edit:
        old, new = edit["replace"]
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {edit['file']}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    elif "append" in edit:
        path.write_text(path.read_text(encoding="utf-8") + edit["append"], encoding="utf-8")
    elif "write" in edit:
        path.write_bytes(edit["write"].encode(edit.get("encoding", "utf-8")))
    elif edit.get("bom"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    elif "pad_mb" in edit:
        with path.open("ab") as out:
            out.write(b"# " + b"x" * (edit["pad_mb"] * 2**20) + b"\n")
    else:
        raise AssertionError(f"unknown edit {edit}")


def _expected_line(project: Path, expect: dict) -> int:
    if "line" in expect:
        return expect["line"]
    text = (project / expect["file"]).read_text(encoding="utf-8")
    assert text.count(expect["at"]) == 1, f"{expect['at']!r} must occur once in {expect['file']}"
    return text[: text.index(expect["at"])].count("\n") + 1


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def good_site(built_site) -> Path:
    return built_site


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_bad_input_is_caught(case, tmp_path, good_site):
    project = copy_project(tmp_path / "project")
    for part in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / part, project / part)
    shutil.copytree(good_site, project / "site")
    before = _tree_digest(project / "site")
    for edit in case["edits"]:
        _apply(project, edit)
    expect = case["expect"]
    where = f"{expect['file']}:{_expected_line(project, expect)}:"
    env = {**os.environ, "GONGSHI_LANG": "en", "MAKEFLAGS": ""}

    check = subprocess.run([sys.executable, "-m", "gongshi.cli", "check", "--root", str(project)],
                           capture_output=True, text=True, env=env, timeout=120)
    reported = [line for line in check.stdout.splitlines() if line.startswith(where)]
    assert check.returncode == 1
    assert any(expect["message"] in line for line in reported), check.stdout

    build = subprocess.run(["make", "site", f"VENV={VENV}", "-o", f"{VENV}/.installed"], cwd=project,
                           capture_output=True, text=True, env=env, timeout=600)
    output = build.stdout + build.stderr
    assert build.returncode != 0
    assert "Traceback" not in output
    assert any(line.startswith(where) and expect["message"] in line for line in output.splitlines()), output
    assert _tree_digest(project / "site") == before, "a failed build changed the last good site"


SCHEMA_CASES = [c for c in CASES if c["layer"] in ("shape", "consistency")]


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=[c["case"] for c in SCHEMA_CASES])
def test_the_schema_agrees_with_the_validator(case, tmp_path):
    """Shape mistakes break one file's schema; consistency mistakes do not,
    since no schema sees across files."""
    project = copy_project(tmp_path / "project")
    for edit in case["edits"]:
        _apply(project, edit)
    schemas = file_schemas()
    verdicts = []
    for edit in case["edits"]:
        relative = edit["file"]
        kind = "area" if relative.startswith("data/areas/") else Path(relative).stem
        data, problems = load_yaml(project / relative, relative)
        assert problems == [] and data is not None
        validator = Draft202012Validator(schemas[f"{kind}.schema.json"], format_checker=Draft202012Validator.FORMAT_CHECKER)
        verdicts.append(any(True for _ in validator.iter_errors(data)))
    assert any(verdicts) == (case["layer"] == "shape")
