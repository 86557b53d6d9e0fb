"""Helpers shared by the tests: where things are, and how to build the site."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from bench.synth import copy_sources

ROOT = Path(__file__).resolve().parent.parent
# The notice the real site is built from, kept in the repository as received.
SEED = ROOT / "sources" / "2024-09-12-lishui-transport-notice.txt"
# What every site shares (the engine, and the schemas its data files name), and what is a site's own.
ENGINE_PARTS = ["mkdocs.yml", "hooks", "overrides", "schema"]
SITE_PARTS = ["data", "docs"]
# A made-up site with several reporting rounds and per-measure statuses.
PROGRESS_SITE = ROOT / "tests" / "fixtures" / "progress-site"
# A made-up Chinese-only site whose notice lists its problems, each with its status.
PROBLEMS_SITE = ROOT / "tests" / "fixtures" / "problems-site"
# Issue 12's fixture (b): the 2023-onward layout, problems with the statuses the notice gives them, Chinese only.
GENRE_B = ROOT / "tests" / "fixtures" / "genre-b"
# Debian's Chromium, driven by Playwright; never `playwright install`.
CHROMIUM = "/usr/bin/chromium"
# Root in CI needs --no-sandbox; the rest keep Chromium from calling out.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# One page of each type, for the tests that look at every type in both
# languages. A new page type is one more line here.
PAGE_TYPES = {
    "home": "",
    "areas": "areas/",
    "area": "areas/industry-oversight/",
    "notice": "notice/",
    "approach": "approach/",
    "progress": "progress/",
    "contact": "contact/",
    "about": "about/",
    "data": "data/",
    "sitemap": "sitemap/",
}
LANGUAGE_PREFIXES = {"zh": "", "en": "en/"}


def mkdocs_build(project: Path, site_dir: Path, lang: str = "en", env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on a project folder, with problems
    reported in `lang`; `env` adds to the environment."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GONGSHI_LANG": lang, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def only(found: list):
    """The one item of `found`; fails listing them all when there are none or several."""
    assert len(found) == 1, "expected one, got:\n" + "\n".join(map(str, found))
    return found[0]


def foreign_requests(requests: list[str], origin: str) -> list[str]:
    """The requests that went anywhere but the site's own origin."""
    return [url for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and not url.startswith(origin + "/")]


def site_pages(site: Path) -> list[str]:
    """The path of every page of a built site, "" for the home page, "en/areas/" etc."""
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))


def visit(page, origin: str, paths: list[str]) -> None:
    """Open each page in turn, each loaded until the network is idle."""
    for path in paths:
        response = page.goto(f"{origin}/{path}")
        assert response.ok, path
        page.wait_for_load_state("networkidle")


def copy_project(target: Path, site: Path = ROOT) -> Path:
    """A project at `target`: the engine, with the data and pages of the site
    at `site` (the real site by default), for builds that change it."""
    copy_sources(target, ENGINE_PARTS)
    return copy_sources(target, SITE_PARTS, site)


VENV = ROOT / ".venv"
# `make site` with this checkout's environment as it is: `-o` tells make not to reinstall it.
MAKE_SITE = ["make", "site", f"VENV={VENV}", "-o", f"{VENV}/.installed"]


def buildable_project(target: Path) -> Path:
    """A copy of the project that MAKE_SITE can build."""
    project = copy_project(target)
    for part in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / part, project / part)
    return project


def tree_digest(folder: Path) -> str:
    """One hash of every path under `folder` and of every file's bytes."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a folder on 127.0.0.1, on a free port; yields the origin."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

