"""Shared fixtures for the engine's unit tests.

Most tests copy a site's data/ and docs/ folders, make one small textual edit
and load the copy. `edit` insists that the text it replaces occurs exactly
once, so a test breaks loudly (instead of silently testing nothing) when the
data changes.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.synth import copy_sources
from gongshi.data import load_site
from gongshi.errors import InputError

from support import PROBLEMS_SITE, PROGRESS_SITE, ROOT, SITE_PARTS


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the real site's data/ and docs/ (the pages its nav lists must exist)."""
    return copy_sources(tmp_path, SITE_PARTS)


@pytest.fixture
def data(project) -> Path:
    """The data folder of a private copy of the real site: tmp_path/data."""
    return project / "data"


@pytest.fixture
def problems_project(tmp_path) -> Path:
    """A private copy of the made-up Chinese-only site of tests/fixtures/problems-site."""
    return copy_sources(tmp_path, SITE_PARTS, PROBLEMS_SITE)


@pytest.fixture
def edit():
    """edit(path, old, new): replace the one occurrence of `old` in a file."""

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        count = text.count(old)
        assert count == 1, f"{old!r} occurs {count} times in {path}; the test expects it once"
        path.write_bytes(text.replace(old, new).encode("utf-8"))

    return edit


@pytest.fixture
def line_of():
    """line_of(path, needle): the 1-based line of the one occurrence of `needle`."""

    def line_of(path: Path, needle: str) -> int:
        text = path.read_text(encoding="utf-8")
        count = text.count(needle)
        assert count == 1, f"{needle!r} occurs {count} times in {path}; the test expects it once"
        return text[: text.index(needle)].count("\n") + 1

    return line_of


@pytest.fixture
def problems():
    """problems(data_dir): load_site must fail; returns its list of problems."""

    def problems(data_dir: Path):
        with pytest.raises(InputError) as info:
            load_site(data_dir)
        assert info.value.problems, "InputError raised with no problems"
        return info.value.problems

    return problems


@pytest.fixture(scope="session")
def site():
    """The real data, loaded and validated."""
    return load_site(ROOT / "data")


@pytest.fixture(scope="session")
def progress_site():
    """The made-up site of tests/fixtures/progress-site, loaded and validated."""
    return load_site(PROGRESS_SITE / "data")


@pytest.fixture(scope="session")
def problems_site():
    """The made-up Chinese-only site of tests/fixtures/problems-site, loaded and validated."""
    return load_site(PROBLEMS_SITE / "data")
