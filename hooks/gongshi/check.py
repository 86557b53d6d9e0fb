"""Check a whole project without building it: the data, the Markdown markers,
the links between pages, the nav, the translation of every page, and the
schema line of every data file.

`gongshi check` prints these; the MkDocs hook runs the same function before
the build starts, so the two never disagree.
"""
from __future__ import annotations

import fnmatch
import posixpath
import re
from pathlib import Path

import yaml

from .data import data_files, load_site
from .errors import InputError, Problem
from .files import CONFIG, link_problem, link_problems, own_file, read_text
from .load import syntax_problem, too_deep
from .model import LANGUAGE_NAMES, LANGUAGE_NAMES_ZH, LANGUAGES
from .markup import AREA_PAGES
from .prose import file_problems, page_problems, scanned
from .render import marker_problems
from .schema import SCHEMA_DIR


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
    texts, unreadable = _read_pages(root)
    problems += unreadable
    problems += _pages(root / "docs", texts, site)
    problems += _published_files(root)
    written = _written_pages(root / "docs")
    generated = {f"{AREA_PAGES}/{area.id}.md" for area in (site.areas if site else ())}
    problems += _links(root / "docs", texts, written | generated)
    problems += _nav(root, written, generated)
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


def _base_name(page: Path) -> str:
    """"about.en.md" → "about"."""
    name = page.name.removesuffix(".md")
    for lang in LANGUAGES[1:]:
        name = name.removesuffix(f".{lang}")
    return name


def _language_of(page: Path) -> str:
    return next((lang for lang in LANGUAGES[1:] if page.name.endswith(f".{lang}.md")), LANGUAGES[0])


def _translation(page: Path, lang: str) -> Path:
    suffix = "" if lang == LANGUAGES[0] else f".{lang}"
    return page.with_name(f"{_base_name(page)}{suffix}.md")


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


def _pages(docs: Path, texts: dict[Path, str], site) -> list[Problem]:
    problems = []
    for page, text in texts.items():
        shown = page.relative_to(docs.parent).as_posix()
        for lang in LANGUAGES:
            other = _translation(page, lang)
            if not other.is_file():
                other_shown = other.relative_to(docs.parent).as_posix()
                problems.append(Problem(
                    shown, 1, f"this page has no {LANGUAGE_NAMES[lang]} version; add {other_shown}",
                    f"本页缺少{LANGUAGE_NAMES_ZH[lang]}版本；请添加 {other_shown}"))
        area_ids = None if site is None else site.areas_by_id
        problems += marker_problems(text, shown, area_ids)
        problems += page_problems(text, shown)
    return problems


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


def _written_pages(docs: Path) -> set[str]:
    """Every Markdown page, by its default-language name relative to docs/."""
    return {page.relative_to(docs).with_name(_base_name(page) + ".md").as_posix() for page in docs.rglob("*.md")}


# A Markdown link or image: [text](target "title"), the target up to a space or ")".
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


def _links(docs: Path, texts: dict[Path, str], pages: set[str]) -> list[Problem]:
    """Links between pages lead to pages that exist (the build checks anchors too)."""
    problems = []
    for page, text in texts.items():
        folder = page.parent.relative_to(docs).as_posix()
        for match in _LINK.finditer(text):
            target = match.group(1).split("#", 1)[0]
            if _OUTSIDE.match(match.group(1)) or not target.endswith(".md"):
                continue
            resolved = posixpath.normpath(posixpath.join(folder, target))
            base = re.sub(r"\.(?:%s)\.md$" % "|".join(LANGUAGES[1:]), ".md", resolved)
            if base not in pages:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - text.rfind("\n", 0, match.start())
                shown = page.relative_to(docs.parent).as_posix()
                problems.append(Problem(shown, line, f"the link to `{target}` leads to no page; check the file name",
                                        f"链接 `{target}` 指向的页面不存在；请核对文件名", column))
    return problems


def _nav(root: Path, written: set[str], generated: set[str]) -> list[Problem]:
    """Every written page is in the nav of mkdocs.yml (the hook lists the
    generated ones), and the nav names only pages that exist.
    The nav is read as YAML nodes: mkdocs.yml uses tags (!ENV) a safe loader refuses."""
    config = root / CONFIG
    if not own_file(config, root):
        return []  # link_problems reports a link out of the project; MkDocs, a missing file
    text, problem = read_text(config, CONFIG)
    if problem:
        return [problem]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return [syntax_problem(error, text, CONFIG)]
    except RecursionError:
        return [too_deep(text, CONFIG)]
    if not isinstance(node, yaml.MappingNode):
        return []  # MkDocs says what the settings should be
    settings = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
    nav = settings.get("nav")
    if nav is None:
        return []  # MkDocs lists every page by itself
    # Pages deliberately left out (mkdocs.yml `not_in_nav`, gitignore-style patterns).
    patterns = settings.get("not_in_nav")
    left_out = [line.strip() for line in (patterns.value if isinstance(patterns, yaml.ScalarNode) else "").splitlines()
                if line.strip() and not line.strip().startswith("#")]
    listed = {}

    def walk(item):
        if isinstance(item, yaml.ScalarNode):
            listed[item.value] = item.start_mark
        else:
            for child in item.value:
                walk(child[1] if isinstance(child, tuple) else child)

    walk(nav)
    problems = []
    for name, mark in listed.items():
        if name.endswith(".md") and name not in written | generated:
            problems.append(Problem("mkdocs.yml", mark.line + 1, f"the nav lists `{name}`, but there is no docs/{name}",
                                    f"导航中列出了 `{name}`，但 docs/{name} 不存在", mark.column + 1))
    for name in sorted(written - set(listed)):
        if any(fnmatch.fnmatch("/" + name, pattern if pattern.startswith("/") else "*/" + pattern) for pattern in left_out):
            continue
        problems.append(Problem(f"docs/{name}", 1, "this page is not in the nav of mkdocs.yml; add it there",
                                "本页不在 mkdocs.yml 的导航（nav）中；请把它加进去", 1))
    return problems
