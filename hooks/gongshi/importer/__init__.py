"""`gongshi import`: turn a published rectification notice into a site's data
and pages, for an editor to review instead of retyping it.

    read (text, HTML or .docx → numbered lines) → parse (lines → the notice's
    structure) → build (structure → the model's objects) → write (YAML files
    and Markdown pages)

Nothing here imports MkDocs. Every line of the notice lands in a field of the
data; what could only be placed by a guess, and what could not be placed or
parsed, is reported with its line."""
from __future__ import annotations

from pathlib import Path

from .build import Imported, build_site
from .parse import read_structure
from .read import read_notice


def import_notice(path: Path, units, shown: str | None = None, statuses=()) -> Imported:
    """Read the notice at `path`; `units` are the units figures may be in
    (data/units.yaml); `shown` names the notice in the report (default: its path);
    `statuses` is the site's status vocabulary (data/statuses.yaml), which a
    notice does not give."""
    shown = shown or str(path)
    lines, problems = read_notice(path)
    imported = build_site(read_structure(lines, units, shown), units, statuses, shown, lines)
    imported.report[:0] = problems
    return imported
