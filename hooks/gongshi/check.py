"""Check a whole project without building it: the data, the Markdown markers,
the translation of every page, and the schema line of every data file.

`gongshi check` prints these; the MkDocs hook runs the same function before
the build starts, so the two never disagree.
"""
from __future__ import annotations

from pathlib import Path

from .data import data_files, load_site
from .errors import InputError, Problem
from .model import LANGUAGE_NAMES, LANGUAGES
from .render import marker_problems
from .schema import SCHEMA_DIR

_LANGUAGE_NAMES_ZH = {"zh": "中文", "en": "英文"}


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
    problems += _pages(root / "docs", site)
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


def _pages(docs: Path, site) -> list[Problem]:
    problems = []
    for page in sorted(docs.rglob("*.md")):
        shown = page.relative_to(docs.parent).as_posix()
        for lang in LANGUAGES:
            other = _translation(page, lang)
            if not other.is_file():
                other_shown = other.relative_to(docs.parent).as_posix()
                problems.append(Problem(
                    shown, 1, f"this page has no {LANGUAGE_NAMES[lang]} version; add {other_shown}",
                    f"本页缺少{_LANGUAGE_NAMES_ZH[lang]}版本；请添加 {other_shown}"))
        area_ids = None if site is None else [area.id for area in site.areas]
        problems += marker_problems(page.read_text(encoding="utf-8"), shown, area_ids)
    return problems
