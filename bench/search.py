"""Search benchmark: the query set typed into the built site in Chromium.

Prints, per language, hit@1, recall and false hits on tests/search/queries.yaml,
the median time from a query to its results in the list, and the bytes the
browser downloads for the first search. Exits 1 when a target of issue 4 is missed.

    python -m bench.search [SITE_DIR]      (make bench-search builds site/ first)
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402
from searching import ask, load_queries, open_search, score  # noqa: E402
from support import ROOT, launch_chromium, serve  # noqa: E402

from gongshi.search import INDEX_DIR  # noqa: E402

TARGETS = "hit@1 >= 97 %, recall 100 %, <= 1 false hit per 10 queries, median <= 50 ms"


def first_search_bytes(browser, origin: str, lang: str, query) -> tuple[int, int]:
    """Bytes of the files fetched for search (index, worker) by a fresh visitor
    up to the first results: as sent, and gzip-compressed as a server would."""
    context = browser.new_context()
    responses = []
    context.on("response", lambda response: responses.append(response))
    ask(open_search(context, origin, lang), query)
    bodies = [r.body() for r in responses if urlsplit(r.url).path.startswith(f"/{INDEX_DIR}/")]
    context.close()
    return sum(map(len, bodies)), sum(len(gzip.compress(body, compresslevel=6)) for body in bodies)


def main(site: Path) -> int:
    queries = load_queries()
    rows, ok = [], True
    with serve(site) as origin, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for lang, lang_queries in queries.items():
            context = browser.new_context()
            page = open_search(context, origin, lang)
            answers = [ask(page, query) for query in lang_queries]
            context.close()
            figures = score(lang, answers)
            raw, packed = first_search_bytes(browser, origin, lang, lang_queries[0])
            met = (figures.hit_at_1 >= 0.97 and figures.recall == 1
                   and figures.false_hits_per_10 <= 1 and figures.median_ms <= 50)
            ok &= met
            rows.append((lang, figures, raw, packed, met))
            for miss in figures.misses(answers):
                print(f"  {lang}: {miss}")
        browser.close()
    print(f"search, in Chromium, on {site}")
    print(f"{'lang':<5}{'queries':>8}{'hit@1':>9}{'recall':>9}{'false hits':>12}{'per 10 q':>10}"
          f"{'median ms':>11}{'first search bytes':>20}{'gzip':>9}")
    for lang, f, raw, packed, met in rows:
        print(f"{lang:<5}{f.queries:>8}{f.hit_at_1:>9.1%}{f.recall:>9.1%}{f.false_hits:>12}{f.false_hits_per_10:>10.2f}"
              f"{f.median_ms:>11.1f}{raw:>20,}{packed:>9,}{'' if met else '  below target'}")
    print(f"targets: {TARGETS}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
