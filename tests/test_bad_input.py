"""The bad-input corpus (tests/bad_input/cases.yaml): every mistake an editor
can make, and everything hostile a pull request can hold, is caught by
`gongshi check` and by `make site`, with its file and line, without a
traceback, and without touching the last good site; what is legitimate,
however odd, builds a correct page. Either way, the built site holds no file
of the machine, no CSV cell that opens as a formula, only well-formed XML, and
no page that requests another host."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from support import MAKE_SITE, buildable_project, copy_project, foreign_requests, serve, site_pages, tree_digest, visit

from gongshi.load import load_yaml
from gongshi.schema import file_schemas

ALL_CASES = yaml.safe_load((Path(__file__).parent / "bad_input" / "cases.yaml").read_text(encoding="utf-8"))
CASES = [case for case in ALL_CASES if "message" in case["expect"]]
LEGITIMATE = [case for case in ALL_CASES if "page" in case["expect"]]
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


@pytest.fixture(scope="module")
def good_site(built_site) -> Path:
    return built_site


def _project_with(tmp_path: Path, cases: list[dict], site: Path | None = None) -> Path:
    """A copy of the project that `make site` can build, with the edits of `cases` applied."""
    project = buildable_project(tmp_path / "project")
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
    return subprocess.run(MAKE_SITE, cwd=project, capture_output=True, text=True, env=ENV, timeout=600)


def _host_text() -> list[str]:
    """A line of each host file a case links to, as it would show if it leaked."""
    return [next(line for line in path.read_text().splitlines() if len(line) > 8) for path in HOST_FILES]


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_bad_input_is_caught(case, tmp_path, good_site):
    project = _project_with(tmp_path, [case], good_site)
    before = tree_digest(project / "site")
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
    assert tree_digest(project / "site") == before, "a failed build changed the last good site"
    for text in _host_text():
        assert text not in check.stdout + check.stderr + output, "a message shows a file of the machine"


# --- input that is legitimate, however odd: one project holds them all ---------------------------


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory) -> Path:
    """The site built by `make site` from a project with every legitimate case applied."""
    project = _project_with(tmp_path_factory.mktemp("odd"), LEGITIMATE)
    check = _check(project)
    assert check.returncode == 0, check.stdout
    build = _make_site(project)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "Traceback" not in build.stdout + build.stderr
    return project / "site"


def _page_text(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", LEGITIMATE, ids=[c["case"] for c in LEGITIMATE])
def test_legitimate_input_builds_a_correct_page(case, odd_site):
    expect = case["expect"]
    html = _page_text(odd_site, expect["page"])
    seen = " ".join(unescape(html).split())  # as the reader sees it: entities read, white space collapsed
    for shown in expect.get("shows", []):
        assert shown in html or shown in seen, f"{expect['page']} does not show {shown!r}"
    for absent in expect.get("lacks", []):
        assert absent not in html, f"{expect['page']} shows {absent!r}"
    for name, text in expect.get("data", {}).items():
        assert text in (odd_site / "data" / name).read_text(encoding="utf-8-sig"), f"data/{name} lacks {text!r}"


def test_no_file_of_the_machine_reaches_the_site(odd_site):
    leaked = [str(path) for path in odd_site.rglob("*") if path.is_symlink()]
    host = _host_text()
    leaked += [f"{path}: {text}" for path in odd_site.rglob("*") if path.is_file()
               for text in host if text.encode() in path.read_bytes()]
    assert leaked == []


def _opens_as_formula(cell: str) -> bool:
    """What Excel, WPS and LibreOffice run: a cell that starts so and is not a plain number."""
    if not cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        return False
    try:
        float(cell)
        return False
    except ValueError:
        return True


def test_no_csv_cell_opens_as_a_formula(odd_site):
    tables = sorted((odd_site / "data").glob("*.csv"))
    cells = [cell for table in tables for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))) for cell in row]
    assert len(tables) >= 5 and len(cells) > 1000
    assert [cell for cell in cells if _opens_as_formula(cell)] == []
    assert any(cell.startswith("'=") for cell in cells)  # the hostile case is in the data, quoted


def test_every_xml_file_is_well_formed(odd_site):
    files = [path for path in odd_site.rglob("*") if path.suffix in (".xml", ".svg")]
    assert {"feed.xml", "sitemap.xml"} <= {path.name for path in files}
    for path in files:
        ET.parse(path)  # raises on anything ill-formed


def test_no_page_requests_another_host_in_chromium(odd_site, browser):
    context = browser.new_context()
    page, requests = context.new_page(), []
    page.on("request", lambda request: requests.append(request.url))
    with serve(odd_site) as origin:
        visit(page, origin, site_pages(odd_site) + ["404.html"])
    context.close()
    assert len(requests) > 40
    assert foreign_requests(requests, origin) == []


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
