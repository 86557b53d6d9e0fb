"""`gongshi import`: turn a published rectification notice into a whole site,
its data and its pages, for an editor to review instead of retyping it.

    read (text, HTML or .docx → numbered lines) → parse (lines → the notice's
    blocks, as printed, and the structure that points into them) → build (the
    model's objects) → write (YAML files and Markdown pages)

Nothing here imports MkDocs. Every line of the notice becomes a block of
data/notice.yaml, verbatim; what could only be placed by a guess, and what
could not be placed or parsed, is reported with its line."""
from __future__ import annotations

from pathlib import Path

from .build import Imported, build_site
from .parse import read_structure
from .read import page_date, read_notice


def import_notice(path: Path, units, statuses, languages=("zh",), shown: str | None = None) -> Imported:
    """Read the notice at `path` into a site of `languages` (the notice's
    own first); `units` are the units figures may be in, `statuses` the status
    vocabulary (data/units.yaml, data/statuses.yaml: a notice gives neither);
    `shown` names the notice in the report (default: its path)."""
    shown = shown or str(path)
    lines, problems = read_notice(path)
    imported = build_site(read_structure(lines, shown), units, statuses, languages, shown, lines, page_date(path))
    imported.report[:0] = problems
    return imported
