"""Helpers shared by the tests: where things are, and how to build the site."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.synth import SOURCES, copy_sources

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_1a120ca225b17afa.txt"
PROJECT_PARTS = [*SOURCES, "data"]


def mkdocs_build(project: Path, site_dir: Path, lang: str = "en") -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on a project folder, with problems
    reported in `lang`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GONGSHI_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_project(target: Path) -> Path:
    """A copy of the site's sources, for builds that break them on purpose."""
    return copy_sources(target, PROJECT_PARTS)
