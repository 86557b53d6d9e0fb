"""`python -m bench`: what the generator costs, beside plain Material, from 1× to 100× the seed.

For each size: a synthetic project (synth.py) and its plain-Material twin
(baseline.py), built in turn, ours and baseline alternating, then a rebuild
under `mkdocs serve`, `gongshi check`, and a visit in Chromium. Before them,
once, `gongshi update` on a ledger of 3,000 rows (ledger.py). Prints a table
(report.py) and writes the figures to bench/results.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import yaml

from gongshi.data import AREAS, load_site
from gongshi.segment import CACHE
from gongshi.model import LANGUAGES
from gongshi.search import INDEX_DIR

from . import ledger, measure, report
from .baseline import make_projects
from .synth import ROOT
from .transfer import first_searches, gzip_size, visit

RESULTS = ROOT / "bench" / "results.json"
# Rounds of builds per size ("pairs": ours and the baseline, and ours again
# without the cache it keeps between builds): more where builds are short and
# noise weighs most. Multiples of three, so that each goes first, second and
# third equally often. Rebuilds under serve: as many as pairs, at most three.
BUILDS = ["ours", "ours_first", "baseline"]
PAIRS = {1: 9, 10: 6}
DEFAULT_PAIRS = 3


def say(text: str):
    print(text, file=sys.stderr, flush=True)


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _edit_an_area(project: Path):
    """An editor's change: one area's summary in the site's own words, a little different each time."""
    path = sorted((project / "data" / AREAS).glob("*.yaml"))[0]

    def edit(n: int):
        schema, text = path.read_text(encoding="utf-8").split("\n", 1)  # keep the schema line first
        data = yaml.safe_load(text)
        data["summary"] = {"zh": f"第 {n + 1} 次修改的说明。", "en": f"A summary, edit {n + 1}."}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
        path.write_text(f"{schema}\n{text}", encoding="utf-8")

    return edit


def measure_size(scale: int, pairs: int, work: Path) -> dict:
    root = work / f"{scale}x"
    say(f"{scale}×: the synthetic project, and one build of it that writes the baseline")
    ours, baseline, first = make_projects(root, scale)
    timeout = 120 + 5 * first.seconds  # bounded waits, whatever the size

    sites = {"ours": root / "site-ours", "ours_first": root / "site-ours", "baseline": root / "site-baseline"}
    projects = {"ours": ours, "ours_first": ours, "baseline": baseline}
    runs = []
    for n in range(pairs):
        # Each goes first, second and third equally often, over every three pairs.
        order = BUILDS[n % 3:] + BUILDS[:n % 3]
        pair = {}
        for name in order:
            if name == "ours_first":
                (ours / CACHE).unlink(missing_ok=True)  # a fresh clone's build, as in CI
            pair[name] = measure.build(projects[name], sites[name], timeout)
            took = pair[name]
            say(f"{scale}×: pair {n + 1}/{pairs}, {name}: {took.seconds:.1f} s ({took.cpu_seconds:.1f} s CPU), "
                f"{took.peak_mb:.0f} MB")
        runs.append(pair)
    pages = _pages(sites["ours"])
    if pages != _pages(sites["baseline"]):
        raise measure.BenchError(f"{scale}×: the baseline built other pages than ours: "
                                 f"{sorted(pages ^ _pages(sites['baseline']))[:10]}")

    say(f"{scale}×: rebuilds under mkdocs serve")
    rebuilds = measure.rebuild_times(ours, _edit_an_area(ours), min(pairs, 3), timeout, root / "serve")
    say(f"{scale}×: gongshi check")
    checks = [measure.check(ours, timeout).seconds for _ in range(max(pairs, 3))]

    say(f"{scale}×: a first visit in Chromium")
    site = load_site(ours / "data")
    area_page = f"{AREAS}/{site.areas[0].id}/"
    visits = visit(sites["ours"], ["", area_page, "en/"], search_timeout=timeout)
    say(f"{scale}×: first searches in Chromium")
    searches = first_searches(sites["ours"], search_timeout=timeout)
    # A language's index: its manifest, and its chunks of text and shards of counts.
    indexes = {lang: [sites["ours"] / INDEX_DIR / f"{lang}.json", *(sites["ours"] / INDEX_DIR / lang).glob("*.json")]
               for lang in LANGUAGES}
    figures = {
        "scale": scale,
        "areas": len(site.areas),
        "measures": sum(len(area.measures) for area in site.areas),
        "figures": sum(len(m.figures) for area in site.areas for m in area.measures),
        "pages": sum(1 for page in pages if page.endswith("index.html")),
        "build": _compare(runs, "seconds", "_s"),
        "build_cpu": _compare(runs, "cpu_seconds", "_s"),
        "memory": _compare(runs, "peak_mb", "_mb"),
        "first_build": _compare(runs, "seconds", "_s", "ours_first"),
        "first_build_cpu": _compare(runs, "cpu_seconds", "_s", "ours_first"),
        "first_memory": _compare(runs, "peak_mb", "_mb", "ours_first"),
        "rebuild_s": statistics.median(rebuilds),
        "rebuilds_s": rebuilds,
        "check_s": statistics.median(checks),
        "checks_s": checks,
        "check_command": measure.CHECK_COMMAND,
        "search_index": {lang: {"files": len(paths), "bytes": sum(p.stat().st_size for p in paths),
                                "gzip": sum(map(gzip_size, paths)), "manifest_gzip": gzip_size(paths[0])}
                         for lang, paths in indexes.items()},
        "home": {"path": "", **visits[""]},
        "area": {"path": area_page, **visits[area_page]},
        "home_en": {"path": "en/", **visits["en/"]},
        "first_searches": searches,
    }
    return figures


def _compare(runs: list[dict], field: str, suffix: str, name: str = "ours") -> dict:
    """Medians of ours (`name`: "ours" or "ours_first") and the baseline, and
    the median of the per-pair overheads."""
    ours = [getattr(pair[name], field) for pair in runs]
    baseline = [getattr(pair["baseline"], field) for pair in runs]
    return {
        f"ours{suffix}": statistics.median(ours),
        f"baseline{suffix}": statistics.median(baseline),
        "overhead": statistics.median(o / b - 1 for o, b in zip(ours, baseline)),
        f"pairs{suffix}": [[o, b] for o, b in zip(ours, baseline)],
    }


def _machine() -> dict:
    versions = {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "jieba")}
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "load_average": os.getloadavg(), "versions": versions}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100], help="multiples of the seed")
    parser.add_argument("--pairs", type=int, help=f"alternating builds of ours and the baseline at every size "
                                                  f"(default: {PAIRS}, else {DEFAULT_PAIRS})")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the figures (JSON)")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new temporary one, removed after)")
    parser.add_argument("--ledger-rows", type=int, default=report.LEDGER_ROWS,
                        help=f"rows of the ledger `gongshi update` reads (default: {report.LEDGER_ROWS}, the size its target is set for)")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="gongshi-bench-"))
    start, machine = time.perf_counter(), _machine()
    try:
        # First, and said at once: it takes seconds, the sizes a quarter of an hour.
        say(f"gongshi update on a ledger of {args.ledger_rows} rows")
        updates = ledger.measure_update(work, args.ledger_rows)
        say(report.ledger_line(updates).strip())
        sizes = {scale: measure_size(scale, args.pairs or PAIRS.get(scale, DEFAULT_PAIRS), work)
                 for scale in args.sizes}
    except measure.BenchError as error:
        say(f"benchmark failed: {error}")
        return 1
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    scaling = report.scaling_exponent(sizes)
    results = {
        "machine": {**machine, "load_average_after": os.getloadavg()},
        "seconds": time.perf_counter() - start,
        "sizes": {str(scale): figures for scale, figures in sizes.items()},
        "scaling": scaling,
        "ledger": updates,
        "targets": report.targets(sizes, scaling) + [report.ledger_target(updates)],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(report.table(sizes, scaling))
    print(report.ledger_line(updates))
    pairs = ", ".join(f"{len(f['build']['pairs_s'])} at {s}×" for s, f in sizes.items())
    print(f"\npairs of builds: {pairs}; {results['seconds'] / 60:.1f} min; figures in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
