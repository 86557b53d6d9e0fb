"""The real site builds strictly in both languages, and bad input stops the build cleanly."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from support import MAKE_SITE, ROOT, buildable_project, copy_project, mkdocs_build

from gongshi.data import load_site

PAGES = ["", "areas/", "progress/", "approach/", "next-steps/", "notice/", "contact/", "about/", "data/", "sitemap/"]


def test_both_languages_have_every_page(built_site: Path):
    areas = load_site(ROOT / "data").areas
    assert len(areas) == 11
    pages = PAGES + [f"areas/{area.id}/" for area in areas]
    for prefix in ("", "en/"):
        for page in pages:
            assert (built_site / prefix / page / "index.html").is_file(), prefix + page


def test_pages_are_in_the_language_of_their_build(built_site: Path):
    assert '<html lang="zh-CN"' in (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in (built_site / "404.html").read_text(encoding="utf-8")
    english = (built_site / "en" / "areas" / "industry-oversight" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
    assert "Industry oversight responsibilities" in english
    assert "行业监管责任落实不够到位" not in english.split('class="md-content"')[1]


def test_language_switcher_leads_to_the_same_page(built_site: Path):
    zh = (built_site / "areas" / "work-safety" / "index.html").read_text(encoding="utf-8")
    en = (built_site / "en" / "areas" / "work-safety" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../en/areas/work-safety/" hreflang="en"' in zh
    assert 'href="../../../areas/work-safety/" hreflang="zh"' in en


def test_every_english_page_says_it_is_a_translation(built_site: Path):
    for page in (built_site / "en").rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert "The Chinese text is authoritative" in text, page
    assert "The Chinese text is authoritative" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_contact_in_every_footer(built_site: Path):
    for page in built_site.rglob("index.html"):
        footer = page.read_text(encoding="utf-8").split('<footer class="md-footer">')[1]
        assert 'href="tel:2615196"' in footer and 'href="mailto:44524776@qq.com"' in footer, page


def test_nothing_is_loaded_from_another_host(built_site: Path):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", text):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), f"{page}: {tag}"


def test_a_published_build_links_edits_and_languages_right(tmp_path: Path):
    """Built as the publish workflow builds: with an edit address, and for a
    site that does not sit at the root of its host."""
    base = "https://example.org/bureau/site/edit/main/"
    result = mkdocs_build(ROOT, tmp_path / "site", env={"GONGSHI_EDIT_BASE": base,
                                                        "GONGSHI_SITE_URL": "https://example.org/lishui/"})
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"

    def edit_links(page: str) -> set[str]:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        return set(re.findall(rf'href="{re.escape(base)}([^"]+)"', html))

    # A page generated from data opens its YAML file; a Markdown page opens
    # itself, and each data section on it opens the file the data comes from.
    assert edit_links("en/areas/work-safety") == {"data/areas/04-work-safety.yaml"}
    assert edit_links("") == {"docs/index.md", "data/round.yaml"}
    assert edit_links("en/contact") == {"docs/contact.en.md", "data/contact.yaml"}
    assert edit_links("notice") == {"docs/notice.md", "data/notice.yaml"}
    # The language switcher on the home page stays under the site's own path.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="/lishui/en/" hreflang="en"' in home
    assert "<loc>https://example.org/lishui/en/areas/work-safety/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_no_edit_links_without_an_edit_address(built_site: Path):
    for page in built_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert "gs-edit" not in html and "md-content__button" not in html, page


def _break(project: Path, relative: str, old: str, new: str):
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_bad_data_fails_the_build_with_file_and_line_and_no_traceback(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    _break(project, "data/round.yaml", "  feedback: 2024-02-23", "  feedback: 2024-02-30")
    _break(project, "data/contact.yaml", 'postcode: "323000"', 'postcde: "323000"')
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    line = _line_of(project / "data/round.yaml", "feedback: 2024-02-30")
    assert f"data/round.yaml:{line}:3: `feedback` is not a real date: 2024-02-30" in output
    assert "did you mean `postcode`?" in output  # both problems at once


def test_problems_are_reported_in_chinese_by_default(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    _break(project, "data/contact.yaml", 'postcode: "323000"', 'postcode: "32300"')
    result = mkdocs_build(project, tmp_path / "site", lang="zh")
    line = _line_of(project / "data/contact.yaml", 'postcode: "32300"')
    assert result.returncode != 0
    assert f"data/contact.yaml:{line}:1: `postcode` 的值“32300”格式不对；应当是六位数字" in result.stdout + result.stderr


def test_unknown_marker_fails_the_build_naming_the_page_and_line(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    _break(project, "docs/contact.en.md", "<!-- data:contact -->", "<!-- data:contacts -->")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    line = _line_of(project / "docs/contact.en.md", "data:contacts")
    assert f"docs/contact.en.md:{line}:1: unknown marker `data:contacts`; did you mean `contact`?" in output


def test_make_site_keeps_the_last_good_site_when_a_build_fails(tmp_path: Path):
    project = buildable_project(tmp_path / "project")
    good = project / "site" / "index.html"
    good.parent.mkdir()
    good.write_text("the last good site", encoding="utf-8")
    _break(project, "data/notice.yaml", "date: 2024-09-12", "date: 2024-13-12")
    result = subprocess.run(MAKE_SITE, cwd=project, capture_output=True, text=True, env={**os.environ, "MAKEFLAGS": ""}, timeout=600)
    assert result.returncode != 0
    assert good.read_text(encoding="utf-8") == "the last good site"
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


# --- progress over time -----------------------------------------------------------------

def test_every_page_links_the_feed_of_its_language(built_site: Path):
    import posixpath
    import re
    for page in built_site.rglob("index.html"):
        folder = page.parent.relative_to(built_site).as_posix()
        [link] = re.findall(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="([^"]+)">',
                            page.read_text(encoding="utf-8"))
        expected = "en/feed.xml" if folder == "en" or folder.startswith("en/") else "feed.xml"
        assert posixpath.normpath(posixpath.join(folder, link[0])) == expected, page
        assert ("progress updates" if expected.startswith("en/") else "整改进展") in link[1]


def test_the_feeds_parse_with_one_entry_per_update(built_site: Path):
    import feedparser
    updates = load_site(ROOT / "data").updates
    for prefix, lang in (("", "zh"), ("en/", "en")):
        parsed = feedparser.parse((built_site / prefix / "feed.xml").read_bytes(),
                                  response_headers={"content-type": "application/atom+xml",
                                                    "content-location": f"https://example.org/{prefix}feed.xml"})
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.feed.language == lang
        assert [e.link for e in parsed.entries] == [f"https://example.org/{prefix}progress/#{u.id}" for u in reversed(updates)]
        # Each entry links to a section that exists on the progress page.
        page = (built_site / prefix / "progress" / "index.html").read_text(encoding="utf-8")
        for update in updates:
            assert f'id="{update.id}"' in page


def test_an_old_newest_update_is_a_notice_not_a_failure(build):
    # The real newest update (2024-09-12) is older than 183 days for any build after 2025-03-14.
    site, output = build
    assert "INFO    -  gongshi: " in output
    assert "stale_after_days" in output and "2024-09-12" in output
    assert (site / "index.html").is_file()


def test_a_fresh_threshold_gives_no_notice(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    _break(project, "data/updates.yaml", "stale_after_days: 183", "stale_after_days: 100000")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "stale_after_days" not in result.stdout + result.stderr
