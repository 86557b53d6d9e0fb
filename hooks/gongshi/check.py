"""Check a whole project without building it: the data, the Markdown markers,
the links between pages, the nav, the translation of every page, and the
schema line of every data file.

`gongshi check` prints these; the MkDocs hook runs the same function before
the build starts, so the two never disagree.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .chrome import FOOTER_PAGES
from .data import data_files, load_site
from .errors import InputError, Problem
from .localized import in_language, language_of, localized
from .model import Site
from .render import generated_pages, marker_problems
from .schema import SCHEMA_DIR
from .validate import language_name, nav_pages

# The site map, which every footer links to, lists the nav; it is not in it.
SITEMAP_PAGE = FOOTER_PAGES["sitemap"]


def check_project(root: Path) -> list[Problem]:
    """Every problem in the project at `root`, sorted by file and line."""
    root = Path(root)
    problems: list[Problem] = []
    site = None
    try:
        site = load_site(root / "data")
    except InputError as error:
        problems += error.problems
    problems += _schema_lines(root)
    docs = root / "docs"
    if site is None:
        # Which pages a site needs, in which languages, its data says; their markers can be checked all the same.
        for path in sorted(docs.rglob("*.md")):
            problems += marker_problems(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix(), None)
        return sorted(problems)
    written = written_pages(docs, site.languages)
    problems += _pages(docs, site, written)
    problems += _links(docs, written, set(written) | set(generated_pages(site)))
    problems += _nav(site, written)
    problems += _footer_pages(written)
    return sorted(problems)


def schema_line(data_file: Path, data_dir: Path) -> str:
    """The first line a data file needs for editors to find its schema."""
    kind = "area" if data_file.parent != data_dir else data_file.stem
    up = "../" * len(data_file.relative_to(data_dir.parent).parts[:-1])
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{kind}.schema.json"


def _schema_lines(root: Path) -> list[Problem]:
    problems = []
    data_dir = root / "data"
    for path in data_files(data_dir):
        if not path.is_file():
            continue  # load_site reports missing files
        expected = schema_line(path, data_dir)
        first = path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff").split("\n", 1)[0].rstrip()
        if first != expected:
            shown = path.relative_to(root).as_posix()
            problems.append(Problem(shown, 1, f"the first line should be `{expected}`, so that editors check this file as you type",
                                    f"第一行应当是 `{expected}`，编辑器才能在输入时检查本文件", 1))
    return problems


def written_pages(docs: Path, languages) -> dict[str, dict[str, Path]]:
    """Every page written in docs/ in a language of the site: its name (in the
    first language, relative to docs/) → language → file. Files in a language
    the site does not list are not built, and not asked about."""
    pages: dict[str, dict[str, Path]] = {}
    for path in sorted(docs.rglob("*.md")):
        source = path.relative_to(docs).as_posix()
        lang = in_language(source, languages)
        if lang is not None:
            pages.setdefault(language_of(source)[0], {})[lang] = path
    return pages


def _pages(docs: Path, site: Site, written: dict) -> list[Problem]:
    problems = []
    for page, files in written.items():
        for path in files.values():
            shown = path.relative_to(docs.parent).as_posix()
            problems += marker_problems(path.read_text(encoding="utf-8"), shown, site)
        some = next(iter(files.values())).relative_to(docs.parent).as_posix()
        for lang in site.languages:
            if lang not in files:
                missing = f"docs/{localized(page, lang, site.languages)}"
                problems.append(Problem(some, 1, f"this page has no {language_name(lang, 'en')} version; add {missing}",
                                        f"本页缺少{language_name(lang, 'zh')}版本；请添加 {missing}"))
    return problems


# A Markdown link or image: [text](target "title"), the target up to a space or ")".
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


def _links(docs: Path, written: dict, pages: set[str]) -> list[Problem]:
    """Links between pages lead to pages that exist (the build checks anchors too)."""
    problems = []
    for files in written.values():
        for page in files.values():
            text = page.read_text(encoding="utf-8")
            folder = page.parent.relative_to(docs).as_posix()
            for match in _LINK.finditer(text):
                target = match.group(1).split("#", 1)[0]
                if _OUTSIDE.match(match.group(1)) or not target.endswith(".md"):
                    continue
                resolved = posixpath.normpath(posixpath.join(folder, target))
                if language_of(resolved)[0] not in pages:
                    line = text.count("\n", 0, match.start()) + 1
                    column = match.start() - text.rfind("\n", 0, match.start())
                    shown = page.relative_to(docs.parent).as_posix()
                    problems.append(Problem(shown, line, f"the link to `{target}` leads to no page; check the file name",
                                            f"链接 `{target}` 指向的页面不存在；请核对文件名", column))
    return problems


def _footer_pages(written: dict) -> list[Problem]:
    """The pages every footer links to are written: a link that leads nowhere on every page is not caught by the build."""
    return [Problem(f"docs/{page}", 1, f"every page's footer links to this page, but there is no docs/{page}; add it",
                    f"每个页面的页脚都链接到本页，但 docs/{page} 不存在；请添加")
            for page in FOOTER_PAGES.values() if page not in written]


def _nav(site: Site, written: dict) -> list[Problem]:
    """Every written page is in the nav of data/site.yaml, but the site map that
    every footer links to (the generated pages follow the page they are listed
    after). That the nav names only pages that exist, the data's check says."""
    listed = {page for _, page in nav_pages(site.info)}
    return [Problem(f"docs/{page}", 1, "this page is not in the nav of data/site.yaml; add it there",
                    "本页不在 data/site.yaml 的导航（nav）中；请把它加进去", 1)
            for page in written if page not in listed and page != SITEMAP_PAGE]
