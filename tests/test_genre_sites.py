"""Sites for made-up notices of the genre's shapes (tests/fixtures/genre-*):
(a) the seed's layout, (b) the 2023-onward template with problems and their
statuses, (c) 一是…二是… paragraphs with totals and no list of problems, all
three in Chinese only, and (d) (a) with an English translation. Each builds
strictly with the engine as it is; its notice page is its notice line by line,
in order; its structured pages link each item back to its block; and nothing
of another site, or of a language it does not list, is in it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import ROOT, copy_project, mkdocs_build

from gongshi.data import load_site
from gongshi.punctuation import kept
from html_text import notice_lines, visible_text

FIXTURES = ROOT / "tests" / "fixtures"
GENRES = ["genre-a", "genre-b", "genre-c", "genre-d"]
CHINESE_ONLY = ["genre-a", "genre-b", "genre-c"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    sites = {}
    for name in GENRES:
        project = copy_project(tmp_path_factory.mktemp(name) / "project", FIXTURES / name)
        result = mkdocs_build(project, project.parent / "site")
        assert result.returncode == 0, result.stdout + result.stderr
        sites[name] = project.parent / "site"
    return sites


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", GENRES)
def test_the_notice_page_is_the_notice_line_by_line(built, name):
    received = (FIXTURES / name / "notice.txt" if name != "genre-d" else FIXTURES / "genre-a" / "notice.txt").read_text(encoding="utf-8")
    expected = [kept(line) for line in received.splitlines() if line.strip()]
    assert notice_lines(_html(built[name], "notice")) == expected


@pytest.mark.parametrize("name", GENRES)
def test_every_item_and_total_links_to_its_block_in_the_notice(built, name):
    site = load_site(FIXTURES / name / "data")
    notice = set(re.findall(r'\bid="([^"]+)"', _html(built[name], "notice")))
    for area in site.areas:
        page = _html(built[name], f"areas/{area.id}")
        linked = set(re.findall(r'href="\.\./\.\./notice/#([^"]+)"', page))
        assert {area.block} | {item.block for item in area.items()} <= linked, area.id
    home = set(re.findall(r'href="notice/#([^"]+)"', _html(built[name], "")))
    assert {figure.block for figure in site.round.totals.declared()} <= home
    assert home <= notice  # every link lands on an anchor the notice page has


@pytest.mark.parametrize("name", CHINESE_ONLY)
def test_a_chinese_only_site_has_no_english_anywhere(built, name):
    site = built[name]
    assert not (site / "en").exists()
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "hreflang" not in html and 'lang="en"' not in html, path
        assert "gs-translation-note" not in html and "md-select" not in html, path  # no note, no language switcher
    assert "/en/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert list(site.glob("**/feed.xml")) == [site / "feed.xml"]


def test_a_second_language_is_an_option_of_the_site(built):
    english = built["genre-d"] / "en"
    pages = sorted(english.rglob("index.html"))
    assert len(pages) == len(list(built["genre-a"].rglob("index.html")))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="en"' in html and "gs-translation-note" in html, page
    assert "(1) Improving the management of water-abstraction permits." in visible_text(_html(english, "notice"))


def test_problems_are_counted_by_status_from_the_problems(built):
    home = _html(built["genre-b"], "")
    counts = re.findall(r'<span class="gs-status__swatch" aria-hidden="true"></span>([^<]+)</span> <data value="(\d+)">',
                        home.split("data-gs-by-status", 1)[1])
    assert counts == [("阶段性完成", "1"), ("已完成", "5")]
    column = re.findall(r'data-total="(\d*)" data-completed="(\d*)"', _html(built["genre-b"], "progress"))
    assert column == [("6", "5")]


def test_a_site_of_another_body_has_no_trace_of_the_seed(built):
    for name in GENRES:
        for path in built[name].rglob("*"):
            if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".txt", ""):
                text = path.read_text(encoding="utf-8", errors="replace")
                assert "丽水" not in text and "Lishui" not in text, path
