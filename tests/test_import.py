"""`gongshi import` on the corpus under tests/import/ and on the seed notice.

Each notice is imported by the real command from a folder outside the
project, and the site it writes is built as a user would: a fresh copy of the
project with its data/ and docs/ replaced by the import's. The notice page
must hold every line of the notice verbatim and in order (after the
punctuation rule), and NAME.expected.yaml beside each notice says what the
import must find in it: what the notice states, nothing more."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx_fixture import build_docx
from html_text import visible_text
from support import ROOT, SEED, copy_project, mkdocs_build

from gongshi.check import check_project
from gongshi.data import load_site
from gongshi.format import format_value
from gongshi.importer import import_notice
from gongshi.importer.command import DEFAULTS
from gongshi.punctuation import kept
from gongshi.importer.read import read_notice
from gongshi.importer.write import TODO
from gongshi.load import load_yaml
from gongshi.model import Statuses, Units
from gongshi.validate import Locations, build_file

CORPUS = ROOT / "tests" / "import"
SOURCES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
WORD_SOURCE = CORPUS / "06-word.txt"
NAMES = [p.name for p in SOURCES] + ["06-word.docx", "seed"]
# What a fresh clone of the project holds besides its data/ and docs/.


def _defaults(cls, name: str):
    data, _ = load_yaml(DEFAULTS / name, name)
    return build_file(cls, data, name, Locations(), ("zh",))[0]


UNITS = _defaults(Units, "units.yaml").units
STATUSES = _defaults(Statuses, "statuses.yaml").statuses


def expected_path(name: str) -> Path:
    stem = "seed" if name == "seed" else name.split(".")[0]
    return CORPUS / f"{stem}.expected.yaml"


@pytest.fixture(scope="module")
def notices(tmp_path_factory) -> dict[str, Path]:
    """name → the notice file, the .docx made from 06-word.txt with Word's own numbering."""
    found = {p.name: p for p in SOURCES}
    found["06-word.docx"] = build_docx(WORD_SOURCE, tmp_path_factory.mktemp("docx") / "06-word.docx")
    found["seed"] = SEED
    return found


def gongshi(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed `gongshi` command, run in `cwd`, messages in English."""
    env = {**os.environ, "GONGSHI_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "gongshi.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def built(notices, tmp_path_factory) -> dict[str, dict]:
    """name → what importing and building it gave: the command's result, the
    check's problems, the build's result and the built site's folder."""
    outside = tmp_path_factory.mktemp("elsewhere")  # not the project: the import must not need it
    results = {}
    for name, path in notices.items():
        out = outside / f"{name}-site"
        run = gongshi("import", str(path), "-o", str(out), cwd=outside)
        project = copy_project(outside / f"{name}-project", out)
        site = outside / f"{name}-built"
        results[name] = {"import": run, "check": check_project(project), "build": mkdocs_build(project, site), "site": site}
    return results


# --- the corpus -------------------------------------------------------------------------


def test_the_corpus_has_every_layout_the_issue_names():
    texts = {p.name: p.read_bytes() for p in SOURCES}
    decoded = {name: raw.decode("utf-8") for name, raw in texts.items() if not name.endswith(".gb18030.txt")}
    assert len(NAMES) >= 15
    assert len([name for name in NAMES if "-real-" in name]) >= 5, "real published notices"
    seed = SEED.read_text(encoding="utf-8")
    assert re.search(r"^一、关于“.+”问题", seed, re.M) and re.search(r"^\(一\)", seed, re.M)
    assert any("组织整改落实情况" in t and "集中整改期内整改进展情况" in t and "整改情况：" in t and "完成情况：" in t
               for t in decoded.values()), "the 2023-onward template"
    assert any(re.search(r"^一是.+。二是", t, re.M) for t in decoded.values()), "paragraphs of 一是…二是…"
    assert any("问题1：" in t and "整改情况：" in t for t in decoded.values()), "problem-and-measure pairs"
    assert any("审计" in t and "特此公告" in t for t in decoded.values()), "an audit-rectification notice"
    assert any(not re.search(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])", t, re.M)
               and "个问题" in t for t in decoded.values()), "a summary of a round, with totals and no headings"
    assert any(name.endswith(".html") for name in texts), "a web page"


@pytest.mark.parametrize("name", NAMES)
def test_the_import_builds_as_it_is_from_any_folder(name, built):
    result = built[name]
    assert result["import"].returncode in (0, 1), result["import"].stderr
    assert "Traceback" not in result["import"].stderr
    assert result["check"] == []
    assert result["build"].returncode == 0, result["build"].stderr[-3000:]


def _notice_lines(name: str, path: Path) -> list[str]:
    """The notice's lines as the site must print them: a text file's own lines
    with the punctuation rule applied; a page's or a Word file's as read."""
    if path.suffix == ".txt" and not name.endswith(".gb18030.txt"):
        return [kept(line) for line in path.read_text(encoding="utf-8").splitlines() if kept(line)]
    return [line.text for line in read_notice(path)[0]]


@pytest.mark.parametrize("name", NAMES)
def test_the_notice_page_holds_every_line_verbatim_and_in_order(name, notices, built):
    page = re.sub(r"\s+", "", visible_text((built[name]["site"] / "notice" / "index.html").read_text(encoding="utf-8")))
    at, missing = 0, []
    for line in _notice_lines(name, notices[name]):
        found = page.find(re.sub(r"\s+", "", line), at)
        if found < 0:
            missing.append(line)
        else:
            at = found + len(re.sub(r"\s+", "", line))
    assert missing == []


@pytest.mark.parametrize("name", NAMES)
def test_the_site_carries_its_own_identity_and_no_other(name, built):
    site = built[name]["site"]
    home = (site / "index.html").read_text(encoding="utf-8")
    expected, _ = load_yaml(expected_path(name), "expected")
    assert "<title>" in home and expected["issuer"] in home
    if name != "seed":
        assert not [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv")
                    and "丽水" in p.read_text(encoding="utf-8", errors="replace")]
    assert not (site / "en").exists()


# --- what the import finds --------------------------------------------------------------------


def summarise(imported) -> dict:
    """What an import found, as plain data: the notice's facts, by what it states."""
    site = imported.site
    inspection, contact, totals = site.round.inspection, site.contact, site.round.totals

    def zh(text):
        return None if text is None else text["zh"]

    def day(date):
        return date.isoformat() if date else None

    def figures(group, labelled=True):
        return [f"{format_value(f.value, 'zh')} {f.unit}" + (f" {zh(f.label)}" if labelled else "") for f in group]

    blocks = site.blocks_by_id

    def printed_block(block_id):
        return "".join(part["zh"] for part in blocks[block_id].parts())

    return {
        "issuer": zh(site.info.issuer),
        "name": zh(site.info.name),
        "date": day(site.notice.date),
        "inspection": {"kind": inspection.kind, "directed_by": zh(inspection.directed_by), "team": zh(inspection.team),
                       "unit": zh(inspection.unit), "start": day(inspection.start), "end": day(inspection.end),
                       "feedback": day(inspection.feedback)},
        "as_of": day(totals.as_of),
        "totals": {name: f"{format_value(f.value, 'zh')} {f.unit}" for name, f in totals.named().items()},
        "accountability": figures(site.round.accountability),
        "meetings": figures(site.round.meetings),
        "figures": figures(site.round.figures, labelled=False),
        "contact": {key: value for key, value in (("phone", contact.phone), ("address", zh(contact.address)),
                                                   ("postcode", contact.postcode), ("email", contact.email),
                                                   ("mailbox", zh(contact.mailbox))) if value},
        "headings": [printed_block(b.id) for b in site.notice.blocks if b.kind == "heading"],
        "areas": [{"heading": printed_block(a.block), "aspect": a.aspect and printed_block(a.aspect),
                   "problems": [p.status and str(p.status) for p in a.problems], "measures": len(a.all_measures())} for a in site.areas],
        "update": {name: value for name, value in vars(site.updates[0].totals).items() if value is not None} if site.updates else {},
    }


@pytest.mark.parametrize("name", NAMES)
def test_the_import_finds_what_the_notice_states(name, notices):
    expected, problems = load_yaml(expected_path(name), "expected")
    assert problems == []
    imported = import_notice(notices[name], UNITS, STATUSES, shown=name)
    assert summarise(imported) == {key: value for key, value in expected.items() if key != "layout"}


# --- the seed ------------------------------------------------------------------------------------


def test_the_imported_seed_shows_the_real_sites_dashboard_figures(built):
    real = load_site(ROOT / "data")
    html = (built["seed"]["site"] / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<span class="gs-figure__value">.*?<data value="([^"]+)">', html.split("gs-figures", 1)[1].split("</div></div>\n", 1)[0])
    named = real.round.totals.named()
    assert cards == [format_value(f.value, "zh") for name, f in named.items() if name != "immediate_completed"]
    bars = re.findall(r'<progress class="gs-progress" value="([^"]+)" max="([^"]+)"', html)
    assert bars == [(format_value(named["completed"].value, "zh"), format_value(named["problems"].value, "zh")),
                    (format_value(named["immediate_completed"].value, "zh"), format_value(named["immediate"].value, "zh"))]
    imported = import_notice(SEED, UNITS, STATUSES).site.round
    assert [(f.value, f.unit) for f in imported.accountability] == [(f.value, f.unit) for f in real.round.accountability]
    assert [(f.value, f.unit) for f in imported.meetings] == [(f.value, f.unit) for f in real.round.meetings]


# --- languages, folders and every input -----------------------------------------------------------


def test_a_bilingual_import_leaves_only_the_english_to_translate(tmp_path):
    out = tmp_path / "site"
    run = gongshi("import", str(CORPUS / "08-points.txt"), "-o", str(out), "--languages", "zh,en", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (out / "docs" / "index.en.md").is_file()
    project = copy_project(tmp_path / "project", out)
    todo = {(f"data/{p.relative_to(project / 'data').as_posix()}", n) for p in (project / "data").rglob("*.yaml")
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if line.endswith(TODO)}
    found = check_project(project)
    assert todo and {(p.path, p.line) for p in found} == todo
    assert all("has no English text" in p.message for p in found)
    for path in (project / "data").rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace(f'en: ""  {TODO}', 'en: "(translated)"'), encoding="utf-8")
    assert check_project(project) == []


def test_it_does_not_write_over_a_site_without_force(tmp_path):
    notice = CORPUS / "10-summary.txt"
    assert gongshi("import", str(notice), "-o", str(tmp_path / "site"), cwd=tmp_path).returncode in (0, 1)
    again = gongshi("import", str(notice), "-o", str(tmp_path / "site"), cwd=tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr
    assert gongshi("import", str(notice), "-o", str(tmp_path / "site"), "--force", cwd=tmp_path).returncode in (0, 1)


def _zip(path: Path, members: dict) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("make", [
    lambda d: (d / "empty.txt", b""),
    lambda d: (d / "binary.txt", bytes(range(256)) * 8),
    lambda d: (d / "fake.docx", b"PK\x03\x04 not really a zip"),
    lambda d: (d / "notword.docx", None),
    lambda d: (d / "bare.html", b"<html><body><div><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></div></body></html>"),
    lambda d: (d / "wrong.txt", "中共某局党组\n".encode()),
], ids=["empty", "binary", "not-a-zip", "zip-not-docx", "html-without-article", "one-line"])
def test_every_input_ends_in_an_exit_status_and_messages(make, tmp_path):
    path, content = make(tmp_path)
    if content is None:
        _zip(path, {"hello.txt": "not a document"})
    else:
        path.write_bytes(content)
    run = gongshi("import", str(path), "-o", str(tmp_path / "site"), cwd=tmp_path)
    assert run.returncode in (0, 1, 2)
    assert "Traceback" not in run.stderr and run.stderr.strip()


def test_languages_name_the_notices_first(tmp_path):
    run = gongshi("import", str(CORPUS / "10-summary.txt"), "-o", str(tmp_path / "s"), "--languages", "en,zh", cwd=tmp_path)
    assert run.returncode == 2 and "zh first" in run.stderr
    assert not (tmp_path / "s").exists()
