"""publish.py without MkDocs: the swap of a finished build into site/."""
from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from gongshi import publish
from gongshi.publish import PublishError


def _tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under `folder`, with the bytes of each file (None for a folder)."""
    return {path.relative_to(folder).as_posix(): (path.read_bytes() if path.is_file() else None)
            for path in sorted(folder.rglob("*"))}


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def old_and_new(tmp_path):
    """The last good site, and a new build that differs in every way it can."""
    site = _write(tmp_path / "site", {"index.html": "old", "stale.html": "gone soon", "stale/page.html": "gone soon",
                                      "becomes-folder": "a file", "becomes-file/x.html": "a folder", "data/SHA256SUMS": "old"})
    (site / "link").symlink_to("/etc")
    new = _write(tmp_path / ".site-build-x", {"index.html": "new", "en/index.html": "new en", "becomes-folder/index.html": "now",
                                             "becomes-file": "now a file", "data/SHA256SUMS": "new"})
    return site, new


def test_a_build_swaps_in_whole(old_and_new):
    site, new = old_and_new
    expected = _tree(new)
    publish._swap_in(new, site)
    assert _tree(site) == expected
    assert _tree(new)["stale.html"] == b"gone soon"  # the old site, left for the build's cleanup


def test_where_the_folders_cannot_trade_places_the_new_files_are_copied_in(old_and_new, monkeypatch):
    site, new = old_and_new
    expected = _tree(new)

    def no_exchange(first, second):
        raise OSError(errno.EINVAL, "the file system cannot exchange")

    monkeypatch.setattr(publish, "_exchange", no_exchange)
    publish._swap_in(new, site)
    assert _tree(site) == expected
    assert Path("/etc").is_dir()  # the stale link was removed, not followed


def test_a_copy_that_runs_out_of_space_leaves_the_site_as_it_was(old_and_new, monkeypatch):
    site, new = old_and_new
    before = _tree(site)
    copied, copy = [], shutil.copyfile

    def copy_until_full(source, target, **options):
        if len(copied) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        copied.append(copy(source, target, **options))

    monkeypatch.setattr(publish.shutil, "copyfile", copy_until_full)
    with pytest.raises(OSError):
        publish._copy_into(new, site)
    assert _tree(site) == before and len(copied) == 2


def test_a_first_build_becomes_the_site(tmp_path):
    new = _write(tmp_path / ".site-build-x", {"index.html": "new"})
    publish._swap_in(new, tmp_path / "site")
    assert _tree(tmp_path / "site") == {"index.html": b"new"} and not new.exists()


@pytest.mark.parametrize("kind", ["link", "file"])
def test_a_site_that_is_no_folder_is_refused(tmp_path, kind):
    elsewhere = _write(tmp_path / "elsewhere", {"keep.html": "keep"})
    site = tmp_path / "site"
    site.symlink_to(elsewhere) if kind == "link" else site.write_text("a file", encoding="utf-8")
    new = _write(tmp_path / ".site-build-x", {"index.html": "new"})
    with pytest.raises(PublishError) as refused:
        publish._swap_in(new, site)
    assert "is not a folder" in refused.value.en and "不是文件夹" in refused.value.zh
    assert _tree(elsewhere) == {"keep.html": b"keep"}
