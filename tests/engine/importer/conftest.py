"""Helpers for the importer's tests: a notice from text, read and built."""
from __future__ import annotations

import textwrap

import pytest

from gongshi.importer import import_notice
from gongshi.importer.command import DEFAULTS, _read
from gongshi.model import Statuses, Units


@pytest.fixture(scope="session")
def vocabulary():
    """The units and statuses `gongshi import` ships with."""
    units = _read(DEFAULTS / "units.yaml", Units, ("zh",))[0].units
    statuses = _read(DEFAULTS / "statuses.yaml", Statuses, ("zh",))[0].statuses
    return units, statuses


@pytest.fixture
def imported(tmp_path, vocabulary):
    """imported(text, languages=("zh",)): the import of a notice written as `text` (dedented)."""

    def imported(text: str, languages=("zh",)):
        path = tmp_path / "notice.txt"
        path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
        return import_notice(path, *vocabulary, languages, shown="notice.txt")

    return imported


@pytest.fixture
def report():
    """report(result): the report of an import as (line, English message)."""

    def report(result) -> list[tuple[int, str]]:
        return [(p.line, p.message) for p in result.report]

    return report
