"""Helpers for the importer's tests: a notice from text, read and built."""
from __future__ import annotations

import textwrap

import pytest

from gongshi.importer import import_notice


@pytest.fixture
def imported(tmp_path, site):
    """imported(text): the import of a notice written as `text` (dedented)."""

    def imported(text: str):
        path = tmp_path / "notice.txt"
        path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
        return import_notice(path, site.units, shown="notice.txt")

    return imported


@pytest.fixture
def report():
    """report(result): the report of an import as (line, English message)."""

    def report(result) -> list[tuple[int, str]]:
        return [(p.line, p.message) for p in result.report]

    return report
