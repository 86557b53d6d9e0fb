"""Shared fixtures: the real site built once per test session, and a local server."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from support import ROOT, SEED, mkdocs_build


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """The real site built once: (site folder, the build's output)."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site, result.stdout + result.stderr


@pytest.fixture(scope="session")
def built_site(build) -> Path:
    return build[0]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site on 127.0.0.1, on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
