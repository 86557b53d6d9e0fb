"""Enter the query set into the real search box of the built site, and score
what the result list shows. Used by tests/test_browser_search.py and bench/search.py."""
from __future__ import annotations

import json
import random
import re
import statistics
import time
from dataclasses import dataclass, replace
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from support import ROOT

from gongshi.load import load_yaml

QUERIES = ROOT / "tests" / "search" / "queries.yaml"
BOX = "input.md-search__input"
LIST_TIMEOUT = 60  # seconds for the whole result list of one query
# Times every query the bundle sends to the search worker, and the moment its
# results are in the list: a listener added after Material's runs once
# Material has rendered them. The worker numbers the queries it answers;
# a query that a newer one made stale is never answered.
_PROBE = """
(() => {
  const Native = window.Worker
  window.__queries = []
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args)
      setTimeout(() => this.addEventListener("message", ({ data }) => {
        if (data.type === 1) window.__ready = true
        if (data.type !== 3) return
        Object.assign(window.__queries[data.data.query - 1], { shown: performance.now(), count: data.data.items.length })
      }))
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) window.__queries.push({ value: message.data, sent: performance.now() })
      super.postMessage(message, ...rest)
    }
  }
})()
"""
_SCROLL_TO_END = """async list => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
  list.scrollTo(0, list.scrollHeight - list.clientHeight - 100)
  await frame()
  list.scrollTo(0, list.scrollHeight)
}"""


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    kind: str
    pages: tuple[str, ...]  # the best first; none for a query that must return nothing
    means: str | None = None  # for a query typed otherwise (traditional, fuzzy, numeral): the plain query


@dataclass(frozen=True)
class Answer:
    query: Query
    pages: tuple[str, ...]  # the pages in the result list, in order
    milliseconds: float  # from the query sent to the worker to its results in the list


def load_queries(path: Path = QUERIES) -> dict[str, list[Query]]:
    data, problems = load_yaml(path, path.name)
    assert not problems, problems
    return {lang: [Query(lang, str(q["query"]), q["kind"], tuple(q["pages"]), q.get("means")) for q in queries]
            for lang, queries in data.items()}


def start_page(lang: str) -> str:
    return "/" if lang == "zh" else f"/{lang}/"


def open_search(context, origin: str, lang: str):
    """A page of the site in `lang` with its search box open and ready."""
    context.add_init_script(_PROBE)
    page = context.new_page()
    page.goto(origin + start_page(lang))
    page.click(BOX)
    page.wait_for_function("window.__ready === true")
    return page


def ask(page, query: Query) -> Answer:
    """Enter one query as a reader does (the field replaced, then a key up) and
    read every page in the result list."""
    page.fill(BOX, query.text)
    page.press(BOX, "End")
    timing = answered(page, query.text)
    # Material lists ten results, then four more each time the list is
    # scrolled to its end (from above it, as a reader's scrolling does).
    # A scroll that comes before the list has grown is not seen: scroll again.
    items = page.locator("li.md-search-result__item")
    deadline = time.monotonic() + LIST_TIMEOUT
    while items.count() < timing["count"]:
        assert time.monotonic() < deadline, f"{query.text}: {items.count()} of {timing['count']} results listed"
        shown = items.count()
        page.locator(".md-search__scrollwrap").evaluate(_SCROLL_TO_END)
        try:
            page.wait_for_function(
                "n => document.querySelectorAll('li.md-search-result__item').length > n", arg=shown, timeout=2000)
        except PlaywrightTimeout:
            continue
    links = page.eval_on_selector_all(
        "li.md-search-result__item > a:first-child", "links => links.map(a => new URL(a.href).pathname)")
    return Answer(query, tuple(links), timing["shown"] - timing["sent"])


def answered(page, text: str) -> dict:
    """Wait until the last query sent, `text`, is answered: then no answer to
    an earlier one can come (they are stale). The bundle may send one text
    twice (the field changed, then a key up): from the first of those sent to
    the first answer shown."""
    return page.wait_for_function("""value => {
      const sent = window.__queries, last = sent[sent.length - 1]
      if (!last || last.value !== value || last.shown === undefined)
        return null
      let first = sent.length - 1
      while (first > 0 && sent[first - 1].value === value)
        first--
      const shown = sent.slice(first).filter(q => q.shown !== undefined).map(q => q.shown)
      return { sent: sent[first].sent, shown: Math.min(...shown), count: last.count }
    }""", arg=text).json_value()


def against_plain_queries(page, queries: list[Query]) -> list[Answer]:
    """Each query typed otherwise, judged by what its plain query (`means`)
    lists on this site: the same pages, the same one first. For a site whose
    pages were not reviewed by hand (bench/synth.py's)."""
    answers = []
    for query in queries:
        plain = ask(page, Query(query.lang, query.means, "plain", ())).pages
        answers.append(ask(page, replace(query, pages=plain)))
    return answers


@dataclass(frozen=True)
class Figures:
    lang: str
    queries: int
    hit_at_1: float  # of the queries that have pages: the best page came first
    recall: float  # of all expected pages, the share listed
    false_hits: int  # pages listed that were not expected
    median_ms: float

    @property
    def false_hits_per_10(self) -> float:
        return 10 * self.false_hits / self.queries

    def misses(self, answers: list[Answer]) -> list[str]:
        """What went wrong, query by query, for a failure message."""
        return [f"{a.query.text!r}: expected {list(a.query.pages)}, got {list(a.pages)}"
                for a in answers if a.pages[:1] != a.query.pages[:1] or set(a.pages) != set(a.query.pages)]


def score(lang: str, answers: list[Answer]) -> Figures:
    with_pages = [a for a in answers if a.query.pages]
    expected = sum(len(a.query.pages) for a in with_pages)
    return Figures(
        lang=lang,
        queries=len(answers),
        hit_at_1=sum(a.pages[:1] == a.query.pages[:1] for a in with_pages) / len(with_pages),
        recall=sum(len(set(a.pages) & set(a.query.pages)) for a in with_pages) / expected,
        false_hits=sum(len(set(a.pages) - set(a.query.pages)) for a in answers),
        median_ms=statistics.median(a.milliseconds for a in answers),
    )


def index_sections(site: Path, lang: str) -> list[dict]:
    """Every section of a language's search index as {location, title, text},
    read back from its chunks (gongshi.search), a long one's parts joined."""
    folder = site / "search"
    manifest = json.loads((folder / f"{lang}.json").read_text(encoding="utf-8"))
    sections = []
    for n in range(len(manifest["chunks"])):
        for location, title, text, *continued in json.loads((folder / lang / f"c{n}.json").read_text(encoding="utf-8")):
            if continued:
                sections[-1]["text"] += text
            else:
                sections.append({"location": location, "title": title, "text": text})
    return sections


def page_texts(site: Path, lang: str) -> dict[str, list[str]]:
    """Each page's path ("/areas/x/") → the title and text of each of its sections."""
    pages: dict[str, list[str]] = {}
    for section in index_sections(site, lang):
        pages.setdefault("/" + section["location"].split("#")[0], []).append(f"{section['title']}\n{section['text']}")
    return pages


def pages_holding(pages: dict[str, list[str]], piece: str) -> set[str]:
    return {path for path, texts in pages.items() if any(piece in text for text in texts)}


def random_pieces(pages: dict[str, list[str]], count: int, seed: int) -> list[str]:
    """Pieces of the pages' own Chinese text, 2 to 6 characters cut anywhere
    (so mostly not whole words), drawn with a fixed seed."""
    runs = [run for texts in pages.values() for text in texts for run in re.findall(r"[\u4e00-\u9fff]{6,}", text)]
    chance = random.Random(seed)
    pieces = set()
    while len(pieces) < count:
        run, length = chance.choice(runs), chance.randint(2, 6)
        start = chance.randint(0, len(run) - length)
        pieces.add(run[start:start + length])
    return sorted(pieces)


LONG_QUERY = 10_000  # characters: a page of text pasted into the box (issue 14)


def long_queries(site: Path, lang: str = "zh") -> dict[str, str]:
    """Queries of LONG_QUERY characters, one of each kind the worker treats
    apart, from the site's own text, drawn with a fixed seed: its longest page
    pasted (twice, as far as it goes: that page holds it), its words run
    together (cut into words), their pinyin run together (cut into
    syllables), characters it does not use, and its words and numbers apart."""
    manifest = json.loads((site / "search" / f"{lang}.json").read_text(encoding="utf-8"))
    longest = max(page_texts(site, lang).values(), key=lambda texts: sum(map(len, texts)))
    page = " ".join(longest).replace("\n", " ")  # the box holds one line
    chance = random.Random(14)
    words, readings = manifest["words"], [reading.replace(" ", "") for reading in manifest["pinyin"]]
    used = set("".join(words))
    unused = [chr(c) for c in range(0x4E00, 0x9FA6) if chr(c) not in used]

    def run_of(pieces, between=""):
        text = ""
        while len(text.strip()) < LONG_QUERY:  # the space before the first piece does not count
            text += between + chance.choice(pieces)
        return text.strip()[:LONG_QUERY]

    return {
        "a page pasted": (page + " " + page)[:LONG_QUERY],
        "words run together": run_of(words),
        "pinyin run together": run_of(readings),
        "characters not used": run_of(unused),
        "words and numbers apart": run_of(words + [str(n) for n in range(100)], between=" "),
    }


def ask_pasted(page, pasted: Query, then: Query) -> tuple[Answer, Answer, Answer]:
    """A long query, the query `then` after it (which must not wait behind
    it), and the long one again, once the parts of the index it needs are
    fetched (the box sends a text anew only after another)."""
    return ask(page, pasted), ask(page, then), ask(page, pasted)
