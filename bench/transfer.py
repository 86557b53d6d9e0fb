"""What a reader's browser downloads, gzip: a page before any search, and the first search.

Chromium visits the built site on a local server and records every request; the
size of each is the gzip (level 6, what most servers use) of the file it fetched.
Files are told apart by what they are for, not by when they come: the search
files are our worker and what it fetches (overrides/search/worker.js, the stub
search_index.json Material's bundle asks for, search/LANG.json and the parts
of the index under search/LANG/ that the query needs), whenever the page asks
for them.
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from .measure import BenchError
from .synth import ROOT

sys.path.insert(0, str(ROOT / "tests"))  # the tests' local server and Chromium, as bench/search.py uses them
from support import launch_chromium, serve  # noqa: E402

# The files that only the search needs: ours under search/; Material's worker and
# lunr, should a page still load them.
SEARCH_FILES = ("search/", "assets/javascripts/workers/", "assets/javascripts/lunr/")
# A word of the seed's in each language, so that the first search has results.
QUERIES = {"zh": "整改", "en": "rectification"}
# Queries of each kind the worker treats apart, of the seed's words: each is
# typed as a first search, and the largest download is judged.
FIRST_SEARCHES = {
    "zh": ["整改", "网约车", "交通运输局", "党风廉政建设", "问", "2024", "wangyueche"],
    "en": ["rectification", "ride-hailing", "transport bureau", "integrity risk", "the", "2024", "inspections"],
}


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def _file(url: str) -> str:
    path = unquote(urlsplit(url).path).lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def _sizes(site: Path, files) -> dict[str, int]:
    return {name: gzip_size(site / name) for name in sorted(set(files))}


def visit(site: Path, pages: list[str], search_timeout: float) -> dict:
    """For each page (a path under the site, "" for the home page), visited and then
    searched: the gzip bytes of the page (all but the search files), of the search
    files, and of both, which is what a first visit costs."""
    results = {}
    with serve(site) as origin, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for path in pages:
                query = QUERIES["en" if path.startswith("en/") else "zh"]
                results[path] = _visit(browser, origin + "/", site, path, query, search_timeout)
        finally:
            browser.close()
    return results


def first_searches(site: Path, search_timeout: float) -> dict[str, dict[str, int]]:
    """Per language, each of FIRST_SEARCHES typed on its home page in a fresh
    browser: the gzip bytes of the search files it fetched."""
    results = {lang: {} for lang in FIRST_SEARCHES}
    with serve(site) as origin, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for lang, queries in FIRST_SEARCHES.items():
                for query in queries:
                    found = _visit(browser, origin + "/", site, "" if lang == "zh" else f"{lang}/", query, search_timeout)
                    if not found["search_answered"]:
                        raise BenchError(f"the first search for {query!r} showed no results in {search_timeout:.0f} s")
                    results[lang][query] = found["search_gzip"]
        finally:
            browser.close()
    return results


def _visit(browser, root: str, site: Path, path: str, query: str, search_timeout: float) -> dict:
    context = browser.new_context()  # a fresh cache: a first visit
    try:
        page = context.new_page()
        fetched = []  # what was served; Material also asks for en/sitemap.xml, which does not exist
        page.on("response", lambda response: response.ok and fetched.append(response.url))
        page.goto(root + path, wait_until="networkidle")
        page.click("input.md-search__input")
        page.fill("input.md-search__input", query)
        page.keyboard.press("End")
        try:
            page.locator("li.md-search-result__item").first.wait_for(timeout=search_timeout * 1000)
            answered = True
        except PlaywrightTimeout:
            answered = False
    finally:
        context.close()
    sizes = _sizes(site, [_file(url) for url in fetched if url.startswith(root)])
    search = {name: size for name, size in sizes.items() if name.startswith(SEARCH_FILES)}
    return {
        "page_gzip": sum(size for name, size in sizes.items() if name not in search),
        "search_gzip": sum(search.values()),
        "visit_gzip": sum(sizes.values()),
        "search_answered": answered,
        "files": sizes,
    }
