"""Stands in for `gongshi check` (issue 5) until it exists, run in a project folder:
load and validate data/, then fill the markers of every page in docs/ in its
language, as a build would, without MkDocs. Prints the problems; exit 1 if any."""
from __future__ import annotations

import sys
from pathlib import Path

from gongshi.data import load_site
from gongshi.errors import InputError
from gongshi.model import LANGUAGES
from gongshi.render import Context, fill_markers


def check(project: Path) -> list:
    try:
        site = load_site(project / "data")
    except InputError as error:
        return error.problems
    docs, problems = project / "docs", []
    for path in sorted(docs.rglob("*.md")):
        source = path.relative_to(docs).as_posix()
        lang = next((lang for lang in LANGUAGES[1:] if source.endswith(f".{lang}.md")), LANGUAGES[0])
        page = source.removesuffix(f".{lang}.md") + ".md" if lang != LANGUAGES[0] else source
        try:
            fill_markers(path.read_text(encoding="utf-8"), Context(site, lang, page), f"docs/{source}")
        except InputError as error:
            problems += error.problems
    return problems


if __name__ == "__main__":
    found = check(Path.cwd())
    print("\n".join(map(str, found)))
    sys.exit(1 if found else 0)
