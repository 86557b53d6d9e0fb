"""`python -m bench.profile --size N`: where a build's time goes, ours and plain Material.

Builds the synthetic project at N× the seed and its baseline under cProfile
(the standard library's profiler), then prints the time spent in each package's
own code and the costliest calls. Run it when a target in `make bench` is missed.
"""
from __future__ import annotations

import argparse
import pstats
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from . import measure
from .baseline import make_projects

_SITE_PACKAGE = re.compile(r"site-packages/([A-Za-z0-9_]+)")


def package(filename: str) -> str:
    """Whose code a profiled function is: a package, ours, the standard library."""
    if filename.startswith(("~", "<")):
        return "builtins (C: str, re, marshal, ...)"
    if match := _SITE_PACKAGE.search(filename):
        return match.group(1)
    if "/gongshi/" in filename or filename.endswith("gongshi_mkdocs.py"):
        return "gongshi (ours)"
    if filename.endswith(".html"):
        return "templates in overrides/"
    return "python standard library" if "/lib/python3" in filename else filename


def by_package(stats: pstats.Stats) -> Counter:
    own = Counter()
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        own[package(filename)] += tottime
    return own


def summary(profile: Path, top: int):
    stats = pstats.Stats(str(profile))
    own = by_package(stats)
    total = sum(own.values())
    lines = [f"{'package':40} {'own time (s)':>12} {'share':>7}"]
    for name, seconds in own.most_common(12):
        lines.append(f"{name[:40]:40} {seconds:12.1f} {seconds / total:7.1%}")
    lines.append(f"{'total':40} {total:12.1f}")
    print("\n".join(lines))
    print(f"\ncostliest calls, by cumulative time (top {top}):")
    stats.sort_stats("cumulative").print_stats(top)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10, help="multiple of the seed")
    parser.add_argument("--top", type=int, default=25, help="how many calls to list")
    parser.add_argument("--keep", type=Path, help="keep the .prof files in this folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="gongshi-profile-"))
    try:
        ours, baseline, _ = make_projects(work, args.size)
        for name, project in (("ours", ours), ("plain Material", baseline)):
            profile = work / f"{name.split()[-1].lower()}.prof"
            command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mkdocs", "build", "--strict",
                       "--site-dir", str(work / "site")]
            shutil.rmtree(work / "site", ignore_errors=True)
            took = measure.run(command, project, timeout=7200)
            print(f"\n=== {name}, {args.size}× the seed: {took.seconds:.1f} s under the profiler ===")
            summary(profile, args.top)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy2(profile, args.keep / profile.name)
    except measure.BenchError as error:
        print(f"profile failed: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
