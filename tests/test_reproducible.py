"""Two builds of one commit, in different folders at different times, and a
third from the cache a build leaves, give byte-identical sites: every page,
sitemap.xml(.gz), the search index, the open data and its checksums."""
from __future__ import annotations

import datetime
import gzip
import subprocess
import time
from pathlib import Path

from support import ROOT, copy_project, mkdocs_build


def _last_commit_time() -> str:
    return subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_make_dates_the_build_by_the_last_commit():
    shown = subprocess.run(["make", "-s", "-f", "Makefile", "-f", "-", "show-epoch"], cwd=ROOT, capture_output=True, text=True,
                           input="show-epoch:\n\t@echo $$SOURCE_DATE_EPOCH\n", env={"PATH": "/usr/bin:/bin"}, check=True)
    assert shown.stdout.strip() == _last_commit_time()


def test_two_builds_of_one_commit_are_byte_identical(tmp_path):
    epoch = _last_commit_time()
    sites = []
    for name in ("first", "second build"):  # different paths, and a space in one
        project = copy_project(tmp_path / name / "project")
        result = mkdocs_build(project, project / "site", env={"SOURCE_DATE_EPOCH": epoch})
        assert result.returncode == 0, result.stderr
        sites.append(_files(project / "site"))
        time.sleep(1.5)  # a later second for anything that reads the clock
    # A third, in the second project again: from what its first build cached
    # (gongshi.segment), without jieba's and pypinyin's dictionaries.
    result = mkdocs_build(project, project / "site again", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    assert (project / ".cache" / "gongshi").is_dir()
    sites.append(_files(project / "site again"))
    first, second, again = sites
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "data/SHA256SUMS", "data/gongshi.json"} <= set(first)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert sorted(first) == sorted(again)
    assert [name for name in first if first[name] != again[name]] == []
    # The dates a build stamps are the commit's.
    day = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    assert f"<lastmod>{day}</lastmod>" in first["sitemap.xml"].decode("utf-8")
    assert gzip.decompress(first["sitemap.xml.gz"]) == first["sitemap.xml"]
    assert int.from_bytes(first["sitemap.xml.gz"][4:8], "little") <= int(epoch)
