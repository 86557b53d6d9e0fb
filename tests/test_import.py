"""`gongshi import` on the corpus under tests/import/ and on the seed notice.

Each notice of the corpus is an invented text in one of the genre's variants;
NAME.expected.yaml beside it is what the importer must make of it (the Chinese
fields, figures as "value unit label", totals as "value unit", and the report
as "line: message"). The seed must give the hand-made data/ of the real site."""
from __future__ import annotations

import dataclasses
import datetime
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from docx_fixture import build_docx
from support import ROOT, SEED, mkdocs_build

from gongshi.check import check_project
from gongshi.data import load_site
from gongshi.errors import InputError
from gongshi.format import format_date, format_value
from gongshi.importer import import_notice
from gongshi.importer.pages import pages
from gongshi.importer.write import TODO, write_data
from gongshi.load import load_yaml
from gongshi.model import Totals

CORPUS = ROOT / "tests" / "import"
REAL = load_site(ROOT / "data")
UNITS, STATUSES = REAL.units, REAL.statuses
SOURCES = sorted(p for p in CORPUS.iterdir() if not p.name.endswith(".expected.yaml"))
WORD_SOURCE = CORPUS / "06-word.txt"


def expected_path(source: Path) -> Path:
    return CORPUS / (source.name.split(".")[0] + ".expected.yaml")


@pytest.fixture(scope="module")
def word_notice(tmp_path_factory) -> Path:
    """The .docx of the corpus, made from 06-word.txt with Word's own numbering."""
    return build_docx(WORD_SOURCE, tmp_path_factory.mktemp("docx") / "06-word.docx")


def notices(word_notice) -> dict[str, Path]:
    found = {p.name: p for p in SOURCES}
    found["06-word.docx"] = word_notice
    found["seed"] = SEED
    return found


NAMES = [p.name for p in SOURCES] + ["06-word.docx", "seed"]


@pytest.fixture(params=NAMES)
def notice(request, word_notice) -> Path:
    return notices(word_notice)[request.param]


# --- what an import says, in a form that can be compared ---------------------------------


def _zh(text):
    return text.zh if text is not None else None


def _figures(figures) -> list[str]:
    return [f"{format_value(f.value, 'zh')} {f.unit} {f.label.zh}" for f in figures]


def _measures(measures) -> list[dict]:
    return [{"title": _zh(m.title), "text": _zh(m.text), "figures": _figures(m.figures)} for m in measures]


def summarise(imported) -> dict:
    """The Chinese facts of an import and its report, as plain data."""
    site = imported.site
    notice, inspection, contact, totals = site.notice, site.round.inspection, site.contact, site.round.totals

    def day(date):
        return date.isoformat() if date else None

    return {
        "title": _zh(notice.title),
        "intro": _zh(notice.intro),
        "inspection": {"directed_by": _zh(inspection.directed_by), "team": _zh(inspection.team), "unit": _zh(inspection.unit),
                       "start": day(inspection.start), "end": day(inspection.end), "feedback": day(inspection.feedback),
                       "kind": inspection.kind},
        "approach_heading": _zh(notice.approach_heading),
        "commitment": _zh(notice.commitment),
        "approach": _measures(notice.approach),
        "summary": _zh(notice.summary),
        "areas_heading": _zh(notice.areas_heading),
        "areas": [{"number": a.number, "aspect": _zh(a.aspect), "title": _zh(a.title), "problem": _zh(a.problem),
                   "status": _zh(a.status), "measures": _measures(a.measures)} for a in site.areas],
        "next_steps_heading": _zh(notice.next_steps_heading),
        "next_steps_intro": _zh(notice.next_steps_intro),
        "next_steps": _measures(notice.next_steps),
        "closing": _zh(notice.closing),
        "signature": _zh(notice.signature),
        "date": day(notice.date),
        "totals": {f.name: f"{format_value(getattr(totals, f.name).value, 'zh')} {getattr(totals, f.name).unit}"
                   for f in dataclasses.fields(Totals) if f.name != "as_of" and getattr(totals, f.name) is not None},
        "as_of": day(totals.as_of),
        "updates": [{"date": day(u.date), "source": list(u.source.notice), "text": _zh(u.text),
                     "totals": {name: value for name, value in dataclasses.asdict(u.totals).items() if value is not None}}
                    for u in site.updates],
        "accountability": _figures(site.round.accountability),
        "meetings": _figures(site.round.meetings),
        "contact": {"organisation": _zh(contact.organisation), "phone": contact.phone, "address": _zh(contact.address),
                    "postcode": contact.postcode, "email": contact.email, "mailbox": _zh(contact.mailbox)},
        "report": [f"{p.line}: {p.message}" for p in imported.report],
    }


# --- the corpus -------------------------------------------------------------------------------


def test_the_corpus_has_every_variant_the_issue_names():
    names = [p.name for p in SOURCES]
    assert len(names) + 1 >= 6  # and the .docx made from 06-word.txt
    texts = {p.name: p.read_bytes() for p in SOURCES}
    assert any(re.search(rb"\n\xa3\xa8\xd2\xbb\xa3\xa9", raw) for raw in texts.values()), "one starts at （一） (GB18030 here)"
    decoded = {name: raw.decode("utf-8") for name, raw in texts.items() if not name.endswith(".gb18030.txt")}
    assert any("问题1：" in t and "整改情况：" in t and "完成情况：" in t for t in decoded.values())
    assert any(re.search(r"^（1）", t, re.M) and re.search(r"^1\.", t, re.M) and re.search(r"^（一）", t, re.M)
               and re.search(r"^一、", t, re.M) for t in decoded.values()), "four heading levels"
    assert any("巡视组" in t for t in decoded.values())
    assert any(name.endswith(".html") for name in names)


@pytest.mark.parametrize("source", SOURCES + [None], ids=[p.name for p in SOURCES] + ["06-word.docx"])
def test_the_import_is_the_expected_data(source, word_notice):
    notice = source or word_notice
    expected, problems = load_yaml(expected_path(source or WORD_SOURCE), "expected")
    assert problems == []
    assert summarise(import_notice(notice, UNITS, shown=notice.name)) == expected


def test_a_word_file_reads_as_the_text_it_was_made_from(word_notice):
    from_word = summarise(import_notice(word_notice, UNITS))
    from_text = summarise(import_notice(WORD_SOURCE, UNITS))
    assert from_word == from_text
    assert from_word["areas"][1]["measures"][1]["title"] == "推进河湖长制落实"  # （二） under 二、: Word's numbers restart


def test_a_gb18030_notice_is_recognised():
    source = CORPUS / "01-starts-at-paren.gb18030.txt"
    with pytest.raises(UnicodeDecodeError):
        source.read_bytes().decode("utf-8")
    assert import_notice(source, UNITS).site.notice.title.zh.startswith("中共澄岭县农业农村局党组")


def test_the_page_chrome_stays_out():
    imported = import_notice(CORPUS / "05-chrome.html", UNITS)
    text = "\n".join(line.text for line in imported.lines)
    for chrome in ("当前位置", "首页", "字号", "发布时间", "来源", "浏览次数", "打印本页", "关闭窗口", "上一篇", "下一篇",
                   "版权所有", "ICP备", "统计代码", "政务公开", "无障碍"):
        assert chrome not in text, chrome
    assert imported.lines[0].text == "中共楠溪市交通运输局委员会关于巡察整改情况的公告"  # the <h1> above the article
    assert imported.lines[0].number == 22  # numbered by the line of the HTML source


# --- every input -----------------------------------------------------------------------------------

_STRUCTURE = re.compile(  # marks the site writes itself: numbering and the labels of the 问题N： form
    r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、]|\(\d{1,2}\)|[①-⑳]|问题\d+:)"
    r"|(?:^|(?<=[。;:]))(?:整改情况|完成情况|整改时限):|(?:^|(?<=[。;:]))[一二三四五六七八九十]是")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _written_text(data_dir: Path) -> str:
    """Every Chinese value in the written YAML files, dates also as the notice writes them."""
    values = []

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                if k != "en":
                    walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, str):
            values.append(node)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", node):
                values.append(format_date(datetime.date.fromisoformat(node), "zh"))

    for path in sorted(data_dir.rglob("*.yaml")):
        walk(load_yaml(path, path.name)[0])
    return _plain("\n".join(values))


def _import_and_write(notice: Path, tmp_path: Path):
    imported = import_notice(notice, UNITS, shown=notice.name, statuses=STATUSES)
    data = tmp_path / "data"
    write_data(imported.site, data, notice.name, imported.origins)
    shutil.copyfile(ROOT / "data" / "units.yaml", data / "units.yaml")
    return imported, data


def test_every_line_lands_in_the_written_data(notice, tmp_path):
    imported, data = _import_and_write(notice, tmp_path)
    written = _written_text(data)
    reported = {p.line for p in imported.report if "not placed" in p.message}
    lost = []
    for line in imported.lines:
        if line.number in reported:
            continue
        pieces = re.split(r"[。;,:、()“”《》‘’!?]+", _STRUCTURE.sub("|", line.text).replace("|", "。"))
        lost += [f"{line.number}: {piece}" for piece in map(_plain, pieces) if piece and piece not in written]
    assert lost == []
    assert len(imported.lines) > 10


def test_loading_the_written_data_reports_only_the_missing_translations(notice, tmp_path):
    _, data = _import_and_write(notice, tmp_path)
    with pytest.raises(InputError) as raised:
        load_site(data)
    todo = {(f"data/{p.relative_to(data).as_posix()}", n) for p in data.rglob("*.yaml")
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if line.endswith(TODO)}
    assert {(p.path, p.line) for p in raised.value.problems} == todo
    assert all("has no English text" in p.message for p in raised.value.problems)


def test_with_translations_the_written_data_loads_as_imported(notice, tmp_path):
    imported, data = _import_and_write(notice, tmp_path)
    for path in data.rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace(f'en: ""  {TODO}', 'en: "(translated)"'), encoding="utf-8")
    loaded = load_site(data)
    assert summarise(type(imported)(loaded, imported.report, imported.lines, {})) == summarise(imported)


# --- the seed ---------------------------------------------------------------------------------------


def chinese_facts(site) -> dict:
    """What the round trip must keep: every Chinese text, date, total and
    figure (by value and unit; the importer's labels are the notice's words
    around the number, the hand-made ones an editor's)."""
    def figures(fs):
        return [(f.value, f.unit) for f in fs]

    def measures(ms):
        return [(_zh(m.title), _zh(m.text), figures(m.figures)) for m in ms]

    inspection, notice, contact = site.round.inspection, site.notice, site.contact
    totals = site.round.totals
    return {
        "inspection": [_zh(inspection.directed_by), _zh(inspection.team), _zh(inspection.unit), inspection.start,
                       inspection.end, inspection.feedback, inspection.kind],
        "totals": {f.name: getattr(totals, f.name) and (getattr(totals, f.name).value, getattr(totals, f.name).unit)
                   for f in dataclasses.fields(Totals) if f.name != "as_of"},
        "accountability": [(f.value, f.unit, f.label.zh) for f in site.round.accountability],
        "meetings": figures(site.round.meetings),
        "notice": [_zh(getattr(notice, f.name)) for f in dataclasses.fields(notice)
                   if f.name not in ("approach", "next_steps", "date")] + [notice.date],
        "approach": measures(notice.approach),
        "areas": [(a.number, _zh(a.aspect), _zh(a.title), _zh(a.problem), _zh(a.status), measures(a.measures)) for a in site.areas],
        "next_steps": measures(notice.next_steps),
        "contact": [_zh(contact.organisation), contact.phone, _zh(contact.address), contact.postcode, contact.email,
                    _zh(contact.mailbox)],
    }


def test_importing_the_seed_gives_the_hand_made_data():
    imported = import_notice(SEED, UNITS, statuses=STATUSES)
    assert chinese_facts(imported.site) == chinese_facts(REAL)
    # The notice is one update: the hand-made one its figures are as of (the
    # other, at the feedback, an editor added from the notice's intro).
    [update], hand_made = imported.site.updates, REAL.figures_update
    assert (update.id, update.date, update.totals, update.source, update.text.zh) == (
        hand_made.id, hand_made.date, hand_made.totals, hand_made.source, hand_made.text.zh)
    assert imported.site.progress.figures_as_of == REAL.progress.figures_as_of and imported.site.statuses == STATUSES
    # What it could not make a figure of, it says: a name in quotes and two thresholds.
    assert [(p.line, p.message.split("”")[0] + "”") for p in imported.report] == [
        (43, "“7项”"), (47, "“180天”")]


def test_the_imported_seed_builds_a_site_once_translated(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for part in ("mkdocs.yml", "hooks", "overrides"):
        source = ROOT / part
        (shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__")) if source.is_dir()
         else shutil.copy2(source, project / part))
    # The folder holds the site's machinery already: --force to write beside it.
    command = [sys.executable, "-m", "gongshi.cli", "import", str(SEED), "-o", str(project), "--units", str(ROOT / "data" / "units.yaml"),
               "--force"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr  # written, with three things to check
    assert ":43:" in result.stderr and ":47:" in result.stderr
    assert sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")) == sorted(pages(
        import_notice(SEED, UNITS).site))
    # `gongshi check` finds nothing but the English left to translate.
    todo = {(f"data/{p.relative_to(project / 'data').as_posix()}", n) for p in (project / "data").rglob("*.yaml")
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if line.endswith(TODO)}
    found = check_project(project)
    assert {(p.path, p.line) for p in found} == todo and all("has no English text" in p.message for p in found)
    for path in (project / "data").rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace(f'en: ""  {TODO}', 'en: "(translated)"'), encoding="utf-8")
    assert check_project(project) == []
    built = mkdocs_build(project, tmp_path / "site", lang="en")
    assert built.returncode == 0, built.stderr
    notice = (tmp_path / "site" / "notice" / "index.html").read_text(encoding="utf-8")
    assert "关于“上轮整改不到位”问题的整改情况" in notice and "2024年9月12日" in notice
    assert (tmp_path / "site" / "areas" / "area-11" / "index.html").is_file()
    progress = (tmp_path / "site" / "progress" / "index.html").read_text(encoding="utf-8")
    assert '<td><data value="29">29</data>个</td><td><data value="26">26</data>个</td>' in progress
