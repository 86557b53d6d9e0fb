"""Check a whole project without building it: links that lead out of it, the
data, the Markdown markers, what pages would load or run, the links between
pages, the nav, the translation of every page, and the schema line of every
data file.

`gongshi check` prints these; the MkDocs hook runs the same function before
the build starts, so the two never disagree.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

from .chrome import FOOTER_PAGES
from .data import data_files, load_site
from .errors import InputError, Problem
from .files import CONFIG, link_problem, link_problems, own_file, read_text
from .load import syntax_problem, too_deep
from .localized import in_language, language_of, localized
from .model import Site
from .prose import file_problems, page_problems, scanned
from .render import generated_pages, marker_problems
from .schema import SCHEMA_DIR
from .validate import language_name, nav_pages

# The site map, which every footer links to, lists the nav; it is not in it.
SITEMAP_PAGE = FOOTER_PAGES["sitemap"]


def check_project(root: Path) -> list[Problem]:
    """Every problem in the project at `root`, sorted by file and line."""
    root = Path(root)
    # First: nothing below reads through a link it reports.
    problems: list[Problem] = link_problems(root)
    site = None
    try:
        site = load_site(root / "data")
    except InputError as error:
        problems += error.problems
    problems += _schema_lines(root)
    problems += _config(root)
    docs = root / "docs"
    texts, unreadable = _read_pages(root)
    problems += unreadable
    problems += _published_files(root)
    for page, text in texts.items():
        problems += page_problems(text, page.relative_to(root).as_posix())
    if site is None:
        # Which pages a site needs, in which languages, its data says; their markers can be checked all the same.
        for page, text in texts.items():
            problems += marker_problems(text, page.relative_to(root).as_posix(), None)
        return sorted(problems)
    written = written_pages(docs, site.languages)
    problems += _pages(docs, site, written, texts)
    problems += _links(docs, written, texts, set(written) | set(generated_pages(site)))
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
        if not own_file(path, root):
            continue  # load_site reports missing files, and those behind a link
        try:
            with path.open("rb") as file:
                first = file.readline().decode("utf-8", errors="replace").lstrip("\ufeff").rstrip()
        except OSError:
            continue  # load_site reports it
        expected = schema_line(path, data_dir)
        if first != expected:
            shown = path.relative_to(root).as_posix()
            problems.append(Problem(shown, 1, f"the first line should be `{expected}`, so that editors check this file as you type",
                                    f"第一行应当是 `{expected}`，编辑器才能在输入时检查本文件", 1))
    return problems


def _config(root: Path) -> list[Problem]:
    """mkdocs.yml is read as YAML nodes (it uses tags, !ENV, that a safe loader
    refuses): a syntax error or a nesting too deep is said with its line."""
    config = root / CONFIG
    if not own_file(config, root):
        return []  # link_problems reports a link out of the project; MkDocs, a missing file
    text, problem = read_text(config, CONFIG)
    if problem:
        return [problem]
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return [syntax_problem(error, text, CONFIG)]
    except RecursionError:
        return [too_deep(text, CONFIG)]
    return []


def _read_pages(root: Path) -> tuple[dict[Path, str], list[Problem]]:
    """The text of every page in docs/ that can be read, and the problems of
    those that cannot; pages behind a link are left to link_problems."""
    texts, problems = {}, []
    for page in sorted((root / "docs").rglob("*.md")):
        if link_problem(page, root):
            continue
        text, problem = read_text(page, page.relative_to(root).as_posix())
        if problem:
            problems.append(problem)
        else:
            texts[page] = text
    return texts, problems


def _published_files(root: Path) -> list[Problem]:
    """What the files that docs/ publishes as they are (all but pages) would load or run."""
    problems = []
    for path in sorted((root / "docs").rglob("*")):
        if path.suffix == ".md" or not path.is_file() or not scanned(path) or link_problem(path, root):
            continue
        shown = path.relative_to(root).as_posix()
        text, problem = read_text(path, shown)
        problems += [problem] if problem else file_problems(path, text, shown)
    return problems


def written_pages(docs: Path, languages) -> dict[str, dict[str, Path]]:
    """Every page written in docs/ in a language of the site: its name (in the
    first language, relative to docs/) → language → file. Files in a language
    the site does not list are not built, and not asked about."""
    pages: dict[str, dict[str, Path]] = {}
    for path in sorted(page for page in docs.rglob("*.md") if not page.is_dir()):  # a folder so named is reported as such
        source = path.relative_to(docs).as_posix()
        lang = in_language(source, languages)
        if lang is not None:
            pages.setdefault(language_of(source)[0], {})[lang] = path
    return pages


def _pages(docs: Path, site: Site, written: dict, texts: dict[Path, str]) -> list[Problem]:
    problems = []
    for page, files in written.items():
        for path in files.values():
            if path in texts:  # one that cannot be read is reported as such
                problems += marker_problems(texts[path], path.relative_to(docs.parent).as_posix(), site)
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


def _links(docs: Path, written: dict, texts: dict[Path, str], pages: set[str]) -> list[Problem]:
    """Links between pages lead to pages that exist (the build checks anchors too)."""
    problems = []
    for files in written.values():
        for page in files.values():
            text = texts.get(page, "")
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
