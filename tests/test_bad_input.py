"""The bad-input corpus (tests/bad_input/cases.yaml): every mistake an editor
can make, and everything hostile a pull request can hold, is caught by
`gongshi check` and by `make site`, with its file and line, without a
traceback, without a file of the machine in any message, and without
touching the last good site."""
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
# Files of the machine that a case links to: none of their text may reach the site or a message.
HOST_FILES = [Path("/etc/os-release"), Path("/etc/passwd")]


def _apply(project: Path, edit: dict):
    path = project / edit["file"]
    if edit.get("delete"):
        path.unlink()
    elif "symlink" in edit:
        path.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(edit["symlink"])
    elif edit.get("mkdir"):
        path.mkdir(parents=True)
    elif "nest" in edit:
        path.write_text(path.read_text(encoding="utf-8") + "nested: " + "[" * edit["nest"] + "]" * edit["nest"] + "\n",
                        encoding="utf-8")
    elif "replace" in edit:
        old, new = edit["replace"]
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {edit['file']}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    elif "append" in edit:
        path.write_text(path.read_text(encoding="utf-8") + edit["append"], encoding="utf-8")
    elif "write" in edit:
        path.parent.mkdir(parents=True, exist_ok=True)
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


def _project_with(tmp_path: Path, cases: list[dict], site: Path | None = None) -> Path:
    """A copy of the project that `make site` can build, with the edits of `cases` applied."""
    project = copy_project(tmp_path / "project")
    for part in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / part, project / part)
    if site is not None:
        shutil.copytree(site, project / "site")
    for case in cases:
        for edit in case["edits"]:
            _apply(project, edit)
    return project


ENV = {**os.environ, "GONGSHI_LANG": "en", "MAKEFLAGS": ""}


def _check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gongshi.cli", "check", "--root", str(project)],
                          capture_output=True, text=True, env=ENV, timeout=120)


def _make_site(project: Path) -> subprocess.CompletedProcess:
    # Reuse this checkout's environment as it is: `-o` tells make not to reinstall it.
    return subprocess.run(["make", "site", f"VENV={VENV}", "-o", f"{VENV}/.installed"], cwd=project,
                          capture_output=True, text=True, env=ENV, timeout=600)


def _host_text() -> list[str]:
    """A line of each host file a case links to, as it would show if it leaked."""
    return [next(line for line in path.read_text().splitlines() if len(line) > 8) for path in HOST_FILES]


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_bad_input_is_caught(case, tmp_path, good_site):
    project = _project_with(tmp_path, [case], good_site)
    before = _tree_digest(project / "site")
    expect = case["expect"]
    where = f"{expect['file']}:{_expected_line(project, expect)}:"

    check = _check(project)
    reported = [line for line in check.stdout.splitlines() if line.startswith(where)]
    assert check.returncode == 1
    assert any(expect["message"] in line for line in reported), check.stdout

    build = _make_site(project)
    output = build.stdout + build.stderr
    assert build.returncode != 0
    assert "Traceback" not in output
    assert any(line.startswith(where) and expect["message"] in line for line in output.splitlines()), output
    assert _tree_digest(project / "site") == before, "a failed build changed the last good site"
    for text in _host_text():
        assert text not in check.stdout + check.stderr + output, "a message shows a file of the machine"


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
