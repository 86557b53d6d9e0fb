"""The figures as a table, each beside its target (issue 8), and whether it is met."""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Callable

KB = 1000  # transfer sizes in kB, as browsers' network panels show them


@dataclass(frozen=True)
class Row:
    label: str
    value: Callable[[dict], float | None]  # from one size's figures
    unit: str
    digits: int = 1
    limit: float | None = None  # the target: value <= limit
    only_at: int | None = None  # the scale the target is set for; None: every scale

    @property
    def target(self) -> str:
        if self.limit is None:
            return ""
        at = f" at {self.only_at}×" if self.only_at else ""
        return f"≤ {self.limit:g} {self.unit}{at}"


ROWS = [
    Row("build, ours, wall time", lambda f: f["build"]["ours_s"], "s"),
    Row("build, plain Material, wall time", lambda f: f["build"]["baseline_s"], "s"),
    Row("build overhead, wall time", lambda f: f["build"]["overhead"] * 100, "%", limit=5),
    Row("build, ours, first build (no cache), wall time", lambda f: f["first_build"]["ours_s"], "s"),
    Row("build overhead, first build (no cache), wall time", lambda f: f["first_build"]["overhead"] * 100, "%", limit=5),
    Row("build, ours, CPU time", lambda f: f["build_cpu"]["ours_s"], "s"),
    Row("build, plain Material, CPU time", lambda f: f["build_cpu"]["baseline_s"], "s"),
    Row("build overhead, CPU time", lambda f: f["build_cpu"]["overhead"] * 100, "%", limit=5),
    Row("build, ours, first build (no cache), CPU time", lambda f: f["first_build_cpu"]["ours_s"], "s"),
    Row("build overhead, first build (no cache), CPU time", lambda f: f["first_build_cpu"]["overhead"] * 100, "%", limit=5),
    Row("peak memory, ours", lambda f: f["memory"]["ours_mb"], "MB", 0),
    Row("peak memory, plain Material", lambda f: f["memory"]["baseline_mb"], "MB", 0),
    Row("memory overhead", lambda f: f["memory"]["overhead"] * 100, "%", limit=5),
    Row("peak memory, ours, first build (no cache)", lambda f: f["first_memory"]["ours_mb"], "MB", 0),
    Row("memory overhead, first build (no cache)", lambda f: f["first_memory"]["overhead"] * 100, "%", limit=5),
    Row("rebuild after a data edit (serve)", lambda f: f["rebuild_s"], "s"),
    Row("gongshi check", lambda f: f["check_s"], "s", 2, limit=1, only_at=1),
    Row("search index (zh), all parts", lambda f: f["search_index"]["zh"]["bytes"] / KB, "kB", 0),
    Row("search index (zh), all parts, gzip", lambda f: f["search_index"]["zh"]["gzip"] / KB, "kB", 0),
    Row("  of which search/zh.json, gzip", lambda f: f["search_index"]["zh"]["manifest_gzip"] / KB, "kB", 0),
    Row("search index (en), all parts", lambda f: f["search_index"]["en"]["bytes"] / KB, "kB", 0),
    Row("search index (en), all parts, gzip", lambda f: f["search_index"]["en"]["gzip"] / KB, "kB", 0),
    Row("  of which search/en.json, gzip", lambda f: f["search_index"]["en"]["manifest_gzip"] / KB, "kB", 0),
    Row("first search download (zh), gzip, largest", lambda f: max(f["first_searches"]["zh"].values()) / KB, "kB", 0,
        limit=150, only_at=100),
    Row("  first search (zh), median of the queries", lambda f: statistics.median(f["first_searches"]["zh"].values()) / KB,
        "kB", 0),
    Row("first search download (en), gzip, largest", lambda f: max(f["first_searches"]["en"].values()) / KB, "kB", 0,
        limit=150, only_at=100),
    Row("  first search (en), median of the queries", lambda f: statistics.median(f["first_searches"]["en"].values()) / KB,
        "kB", 0),
    Row("home page before search, gzip", lambda f: f["home"]["page_gzip"] / KB, "kB", 0, limit=150),
    Row("  home page, first visit with search", lambda f: f["home"]["visit_gzip"] / KB, "kB", 0),
    Row("area page before search, gzip", lambda f: f["area"]["page_gzip"] / KB, "kB", 0),
    Row("  area page, first visit with search", lambda f: f["area"]["visit_gzip"] / KB, "kB", 0),
]
EXPONENT_LIMIT = 1.1
LEDGER_LIMIT_S, LEDGER_ROWS = 2.0, 3000  # issue 16: `gongshi update` on a ledger of 3,000 rows


def _slopes(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares slope of log(time) over log(scale), and the slope of the last step."""
    xs, ys = [math.log(s) for s, _ in points], [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return slope, (ys[-1] - ys[-2]) / (xs[-1] - xs[-2])


def scaling_exponent(sizes: dict[int, dict]) -> dict:
    """How build time grows with the size: the exponent over every size (judged,
    on wall time), the exponent between the two largest sizes alone (where fixed
    costs weigh least), and both for CPU time."""
    if len(sizes) < 2:
        return {"exponent": None, "largest_step": None, "cpu_exponent": None, "cpu_largest_step": None}
    wall = _slopes(sorted((scale, f["build"]["ours_s"]) for scale, f in sizes.items()))
    cpu = _slopes(sorted((scale, f["build_cpu"]["ours_s"]) for scale, f in sizes.items()))
    return {"exponent": wall[0], "largest_step": wall[1], "cpu_exponent": cpu[0], "cpu_largest_step": cpu[1],
            "from": min(sizes), "to": max(sizes)}


def targets(sizes: dict[int, dict], scaling: dict) -> list[dict]:
    """Every target with the value it is judged on and whether it is met."""
    judged = []
    for row in ROWS:
        if row.limit is None:
            continue
        for scale, figures in sorted(sizes.items()):
            if row.only_at in (None, scale):
                value = row.value(figures)
                judged.append({"figure": row.label, "scale": scale, "target": row.target, "value": value,
                               "met": value <= row.limit})
        if row.only_at is not None and row.only_at not in sizes:
            judged.append({"figure": row.label, "scale": row.only_at, "target": row.target, "value": None,
                           "met": None})
    exponent = scaling["exponent"]
    judged.append({"figure": "scaling exponent of build time", "scale": None, "target": f"≤ {EXPONENT_LIMIT}",
                   "value": exponent, "met": None if exponent is None else exponent <= EXPONENT_LIMIT})
    return judged


def _cell(row: Row, figures: dict, scale: int) -> str:
    value = row.value(figures)
    text = f"{value:,.{row.digits}f}"
    if row.limit is None or row.only_at not in (None, scale):
        return text
    return f"{text} {'ok' if value <= row.limit else 'MISSED'}"


def table(sizes: dict[int, dict], scaling: dict) -> str:
    scales = sorted(sizes)
    head = ["figure", "unit", "target"] + [f"{s}×" for s in scales]
    rows = [head]
    for row in ROWS:
        rows.append([row.label, row.unit, row.target] + [_cell(row, sizes[s], s) for s in scales])
    rows.append(["pages built (both languages)", "", ""] + [str(sizes[s]["pages"]) for s in scales])
    rows.append(["areas / measures / figures", "", ""]
                + [f"{sizes[s]['areas']} / {sizes[s]['measures']} / {sizes[s]['figures']}" for s in scales])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    exponent = scaling["exponent"]
    if exponent is None:
        lines.append("\nscaling exponent: needs two sizes or more")
    else:
        verdict = "ok" if exponent <= EXPONENT_LIMIT else "MISSED"
        lines.append(f"\nscaling exponent of build time, {scaling['from']}× to {scaling['to']}× (log-log slope): "
                     f"{exponent:.2f}, target ≤ {EXPONENT_LIMIT}: {verdict}\n"
                     f"  between the two largest sizes alone: {scaling['largest_step']:.2f}; "
                     f"of CPU time: {scaling['cpu_exponent']:.2f}, and {scaling['cpu_largest_step']:.2f}")
    return "\n".join(lines)


def ledger_target(updates: dict) -> dict:
    """The target of `gongshi update`, judged only on a ledger of the size it is set for."""
    judged = updates["rows"] == LEDGER_ROWS
    return {"figure": "gongshi update", "scale": None, "target": f"≤ {LEDGER_LIMIT_S:g} s at {LEDGER_ROWS:,} rows",
            "value": updates["update_s"], "met": updates["update_s"] <= LEDGER_LIMIT_S if judged else None}


def ledger_line(updates: dict) -> str:
    target = ledger_target(updates)
    verdict = {True: "ok", False: "MISSED", None: "not judged at this size"}[target["met"]]
    return (f"\ngongshi update, a ledger of {updates['rows']:,} rows: {updates['update_s']:.2f} s "
            f"({updates['update_cpu_s']:.2f} s CPU), target {target['target']}: {verdict}")
