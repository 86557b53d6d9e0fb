"""`make site` publishes a whole site or none (hooks/gongshi/publish.py): two
builds at once, a site/ that is a mount point, a disk that fills up and a
build that is stopped each end with a whole site in site/, the last good one
where the build failed, and no build folder left behind."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import MAKE_SITE, ROOT, buildable_project, tree_digest

ENV = {**os.environ, "GONGSHI_LANG": "en", "MAKEFLAGS": ""}
WAITS = "another build is publishing site/"


@pytest.fixture
def project(tmp_path) -> Path:
    return buildable_project(tmp_path / "project")


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def _assert_whole(site: Path, built_site: Path):
    """Every file a build of the real site has, and SHA256SUMS verifies them all."""
    assert _files(site) == _files(built_site)
    check = subprocess.run(["sha256sum", "--check", "--strict", "--quiet", "data/SHA256SUMS"], cwd=site,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def _build_folders(project: Path) -> list[Path]:
    return list(project.glob(".site-build-*"))


def test_two_builds_at_once_each_publish_a_whole_site(project, built_site):
    for _ in range(5):
        builds = [subprocess.Popen(MAKE_SITE, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                  for _ in range(2)]
        outputs = [build.communicate(timeout=600)[0] for build in builds]
        assert [build.returncode for build in builds] == [0, 0], outputs
        assert sum(WAITS in output for output in outputs) == 1, "one build waits for the other"
        _assert_whole(project / "site", built_site)
        assert _build_folders(project) == []


def test_a_failed_build_leaves_the_last_good_site_and_no_folder_of_its_own(project, built_site):
    shutil.copytree(built_site, project / "site")
    before = tree_digest(project / "site")
    (project / "docs" / "notice.md").write_text("<!-- data:notices -->\n", encoding="utf-8")
    build = subprocess.run(MAKE_SITE, cwd=project, env=ENV, capture_output=True, text=True, timeout=600)
    assert build.returncode != 0 and "site/ stays as it was" in build.stderr
    assert tree_digest(project / "site") == before and _build_folders(project) == []


def test_a_stopped_build_leaves_the_last_good_site_and_no_folder_of_its_own(project, built_site):
    shutil.copytree(built_site, project / "site")
    before = tree_digest(project / "site")
    build = subprocess.Popen([sys.executable, "-m", "gongshi.publish", "site"], cwd=project, env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    # Stopped once MkDocs has written into the build's folder.
    while not any(folder.is_dir() and any(folder.iterdir()) for folder in _build_folders(project)):
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before it wrote anything"
        time.sleep(0.05)
    build.send_signal(signal.SIGTERM)
    _, errors = build.communicate(timeout=120)
    assert build.returncode == 130 and "the build was stopped; site/ stays as it was" in errors
    assert "Traceback" not in errors
    assert tree_digest(project / "site") == before and _build_folders(project) == []


def _in_own_mounts(script: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a shell script as root of a user and mount namespace of its own,
    where it may mount a tmpfs that nothing outside sees."""
    return subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "bash", "-euc", script], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=600)


def test_a_site_that_is_a_mount_point_gets_the_new_site_copied_in(project, built_site):
    make = " ".join(MAKE_SITE)
    script = f"""
        mkdir site && mount -t tmpfs -o size=64m tmpfs site
        echo stale > site/stale.html
        {make}
        mountpoint -q site && echo "still a mount point"
        test ! -e site/stale.html && echo "stale file removed"
        (cd site && sha256sum --check --strict --quiet data/SHA256SUMS) && echo "verified"
        find site -type f | sed 's|^site/||' | sort > files.txt
    """
    result = _in_own_mounts(script, project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {"still a mount point", "stale file removed", "verified"} <= set(result.stdout.splitlines())
    assert set((project / "files.txt").read_text(encoding="utf-8").split()) == _files(built_site)
    assert _build_folders(project) == []


def test_a_disk_that_fills_up_leaves_the_last_good_site_and_its_space(tmp_path, built_site):
    """The project on a tmpfs with 2 MB to spare: the build runs out of space
    half-way, and gives every byte back."""
    disk = tmp_path / "disk"
    disk.mkdir()
    sources = " ".join(str(ROOT / part) for part in ("mkdocs.yml", "docs", "data", "hooks", "overrides", "Makefile",
                                                     "pyproject.toml", "requirements.lock"))
    make = " ".join(MAKE_SITE)
    script = f"""
        mount -t tmpfs -o size=256m tmpfs {disk}
        cp -r {sources} {disk}/ && cp -r {built_site} {disk}/site && rm -rf {disk}/hooks/gongshi/__pycache__
        used=$(df --output=used -k {disk} | tail -1)
        mount -o remount,size=$((used + 2048))k {disk}
        cd {disk}
        before=$(find site -type f -exec sha256sum {{}} + | sort | sha256sum)
        if {make} > {tmp_path}/build.log 2>&1; then echo "published"; fi
        after=$(find site -type f -exec sha256sum {{}} + | sort | sha256sum)
        test "$before" = "$after" && echo "site as it was"
        test "$(df --output=used -k . | tail -1)" -le "$used" && echo "space given back"
        ls -a > {tmp_path}/listing.txt
    """
    result = _in_own_mounts(script, tmp_path)
    output = (tmp_path / "build.log").read_text(encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No space left on device" in output and "site/ stays as it was" in output
    assert result.stdout.split() == ["site", "as", "it", "was", "space", "given", "back"]
    assert not [name for name in (tmp_path / "listing.txt").read_text(encoding="utf-8").split() if name.startswith(".site-build-")]
