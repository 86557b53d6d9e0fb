"""The benchmark runs end to end, so that it cannot rot: `python -m bench` at 1× and
3× the seed, one pair each. Figures are checked for presence, not for speed."""
from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

from bench import report, transfer
from gongshi.render import AREA_PAGES

SIZES = [1, 3]  # 3×: 33 areas, past the hook's NAV_AREAS_MAX
LEDGER_ROWS = 120  # a small ledger: the target, at 3,000 rows, is for `make bench`


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    out = work / "results.json"
    command = [sys.executable, "-m", "bench", "--sizes", *map(str, SIZES), "--pairs", "1", "--ledger-rows", str(LEDGER_ROWS),
               "--out", str(out), "--work", str(work / "scratch")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(out.read_text(encoding="utf-8")), result.stdout, work / "scratch"


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def test_every_figure_is_a_number_at_every_size(bench_run):
    results, _, _ = bench_run
    assert sorted(results["sizes"]) == sorted(map(str, SIZES))
    for scale, figures in results["sizes"].items():
        for row in report.ROWS:
            assert _number(row.value(figures)), (scale, row.label)
        for visit in ("home", "area", "home_en"):
            assert figures[visit]["search_answered"], (scale, visit)
        # The first search fetches our worker and this language's index, not Material's.
        assert {"search/worker.js", "search/zh.json"} <= set(figures["home"]["files"]), scale
        assert {"search/worker.js", "search/en.json"} <= set(figures["home_en"]["files"]), scale
        assert not any(name.startswith("assets/javascripts/workers/") for name in figures["home"]["files"]), scale
        # Every query of each kind was typed as a first search, and fetched a part of the index.
        for lang, queries in transfer.FIRST_SEARCHES.items():
            assert sorted(figures["first_searches"][lang]) == sorted(queries), (scale, lang)
            manifest = figures["search_index"][lang]["manifest_gzip"]
            assert all(size > manifest for size in figures["first_searches"][lang].values()), (scale, lang)
    for key in ("exponent", "largest_step", "cpu_exponent", "cpu_largest_step"):
        assert _number(results["scaling"][key]), key


def test_every_target_is_judged_and_printed(bench_run):
    results, table, _ = bench_run
    judged = [t for t in results["targets"] if t["met"] is not None]
    assert {t["figure"] for t in judged} >= {"build overhead, wall time", "build overhead, CPU time",
                                             "memory overhead", "gongshi check",
                                             "home page before search, gzip", "scaling exponent of build time"}
    # 100× is not run here: its target is listed as not measured, not as met.
    first_searches = [t for t in results["targets"] if t["figure"].startswith("first search download")]
    assert len(first_searches) == 2
    assert all(t["scale"] == 100 and t["met"] is None for t in first_searches)
    for row in report.ROWS:
        assert row.label in table
        assert row.target in table
    # From 1× to 3× fixed costs dominate, so one noisy pair can make the slope negative.
    assert re.search(r"scaling exponent of build time, 1× to 3× \(log-log slope\): -?\d+\.\d\d", table)


def test_gongshi_update_is_timed_on_a_ledger_of_the_rows_asked_for(bench_run):
    results, table, scratch = bench_run
    ledger = results["ledger"]
    assert ledger["rows"] == LEDGER_ROWS
    assert len(ledger["updates_s"]) == 3 and all(_number(s) for s in ledger["updates_s"])
    assert _number(ledger["update_s"]) and _number(ledger["update_cpu_s"])
    # The round was written: the site's updates.yaml holds it after the last run.
    assert "progress-2024-12-31" in (scratch / "ledger-project" / "data" / "updates.yaml").read_text(encoding="utf-8")
    [target] = [t for t in results["targets"] if t["figure"] == "gongshi update"]
    assert target["met"] is None and target["target"] == "≤ 2 s at 3,000 rows"  # judged at 3,000 rows only
    assert f"gongshi update, a ledger of {LEDGER_ROWS} rows: " in table and "not judged at this size" in table


def test_sizes_multiply_the_seed(bench_run, built_site: Path):
    results, _, _ = bench_run
    one, three = results["sizes"]["1"], results["sizes"]["3"]
    assert one["pages"] == len(list(built_site.rglob("index.html")))
    for count in ("areas", "measures", "figures"):
        assert three[count] == 3 * one[count], count


def _article(html: str) -> str:
    """A page's content, without the dates our hook puts at its foot."""
    [article] = re.findall(r"<article\b.*?</article>", html, flags=re.S)
    return re.sub(r'<p class="gs-page-dates">.*?</p>', "", article, flags=re.S)


def test_the_baseline_serves_the_same_pages_as_ours(bench_run):
    # The same content; what our hook puts around it (head meta, footer, dates,
    # our search worker) the baseline goes without (bench/README.md).
    _, _, scratch = bench_run
    for page in ("index.html", "en/areas/index.html", "notice/index.html", "en/progress/index.html"):
        ours = (scratch / "1x" / "site-ours" / page).read_text(encoding="utf-8")
        baseline = (scratch / "1x" / "site-baseline" / page).read_text(encoding="utf-8")
        assert _article(ours) == _article(baseline), page
    assert (scratch / "1x" / "site-baseline" / "en" / "feed.xml").is_file()


def _nav_links_to_areas(html: str) -> int:
    return len(re.findall(rf'<a href="{AREA_PAGES}/[a-z0-9-]+/" class="md-nav__link">', html))


def test_past_the_limit_area_pages_leave_the_nav_but_are_built(bench_run):
    results, _, scratch = bench_run
    small = (scratch / "1x" / "site-ours" / "index.html").read_text(encoding="utf-8")
    assert _nav_links_to_areas(small) == results["sizes"]["1"]["areas"]
    large_site = scratch / "3x" / "site-ours"
    assert _nav_links_to_areas((large_site / "index.html").read_text(encoding="utf-8")) == 0
    cards = (large_site / AREA_PAGES / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'<a href="([a-z0-9-]+)/">', cards))
    built = {p.parent.name for p in (large_site / AREA_PAGES).glob("*/index.html")}
    assert len(built) == results["sizes"]["3"]["areas"]
    assert linked == built
