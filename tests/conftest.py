"""Shared fixtures: the real site built once per test session, a local server, and Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from support import ROOT, SEED, launch_chromium, mkdocs_build, serve


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


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site on 127.0.0.1, on a free port."""
    with serve(built_site) as origin:
        yield origin


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, served_site):
    """A fresh page at desktop size that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
