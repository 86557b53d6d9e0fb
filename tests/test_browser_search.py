"""Search as a reader uses it: the query set typed into the real search box of
the built site in Chromium, held to the targets of issue 4."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import expect
from searching import (BOX, Query, ask, index_sections, load_queries, open_search, page_texts, pages_holding,
                       random_pieces, score, start_page)
from support import foreign_requests

from gongshi import terms
from gongshi.search import MATERIAL_WORKER, WORKER
from gongshi.terms import counts, fold, shard, stem

QUERIES = load_queries()
KINDS = {"word", "phrase", "sub-word", "multi-word", "cut", "number", "pinyin", "latin", "stem", "none"}


def test_the_query_set_covers_what_readers_type(built_site):
    assert set(QUERIES) == {"zh", "en"}
    assert sum(map(len, QUERIES.values())) >= 60
    for lang, queries in QUERIES.items():
        # One query is sent per change of the box, so each may appear once.
        assert [q for q, n in Counter(q.text for q in queries).items() if n > 1] == [], lang
        assert {q.kind for q in queries} <= KINDS
        assert {"word", "multi-word", "number", "none"} <= {q.kind for q in queries}, lang
        for query in queries:
            for path in query.pages:
                assert (built_site / path.strip("/") / "index.html").is_file(), f"{query.text}: no page {path}"
                assert path.startswith(start_page(lang)) and (lang != "zh" or not path.startswith("/en/")), path
    zh_kinds = {q.kind for q in QUERIES["zh"]}
    assert {"phrase", "sub-word", "cut", "pinyin"} <= zh_kinds
    assert "stem" in {q.kind for q in QUERIES["en"]}


@pytest.fixture(scope="module", params=sorted(QUERIES))
def answers(request, browser, served_site):
    lang = request.param
    context = browser.new_context()
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = open_search(context, served_site, lang)
    found = [ask(page, query) for query in QUERIES[lang]]
    context.close()
    return lang, found, requests


def test_search_meets_its_targets(answers):
    lang, found, _ = answers
    figures = score(lang, found)
    misses = "\n".join(figures.misses(found))
    assert figures.hit_at_1 >= 0.97, misses
    assert figures.recall == 1, misses
    assert figures.false_hits_per_10 <= 1, misses


def test_each_site_returns_only_its_own_pages(answers):
    lang, found, _ = answers
    listed = [path for answer in found for path in answer.pages]
    assert listed, "no query returned anything"
    if lang == "zh":
        assert [p for p in listed if p.startswith("/en/")] == []
    else:
        assert [p for p in listed if not p.startswith(f"/{lang}/")] == []


def test_search_runs_on_our_worker_and_loads_nothing_from_elsewhere(answers, served_site):
    lang, _, requests = answers
    assert f"{served_site}/{WORKER}?lang={lang}" in requests
    assert f"{served_site}/search/{lang}.json" in requests
    assert [url for url in requests if MATERIAL_WORKER in url] == []
    assert foreign_requests(requests, served_site) == []


def test_materials_search_ui_still_works(page, served_site):
    page.goto(served_site + "/areas/")
    page.keyboard.press("/")  # Material's shortcut
    expect(page.locator(BOX)).to_be_focused()
    page.locator(BOX).fill("廉政")
    page.locator(BOX).press("End")
    first = page.locator("li.md-search-result__item").first
    expect(first.locator("mark").first).to_have_text("廉政")  # highlighted in the list
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"3"))
    first.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"/areas/clean-transport/\?h="))
    # Material highlights the words on the page it opens.
    expect(page.locator("article mark[data-md-highlight]").first).to_have_text("廉政")


def test_any_chinese_text_finds_exactly_the_pages_that_hold_it(browser, served_site, built_site):
    """Beyond the reviewed set: pieces of the pages' own text, 2 to 6
    characters cut anywhere (so mostly not whole words), drawn at random
    with a fixed seed."""
    pages = page_texts(built_site, "zh")
    context = browser.new_context()
    page = open_search(context, served_site, "zh")
    wrong = []
    for piece in random_pieces(pages, 100, seed=4):
        holding = pages_holding(pages, piece)
        listed = ask(page, Query("zh", piece, "random", ())).pages
        if set(listed) != holding:
            wrong.append(f"{piece}: expected {sorted(holding)}, got {list(listed)}")
    context.close()
    assert wrong == []


# Text the site's own pages do not hold, for the corners of each rule.
TRICKY = ["ＡＰＰ１２３２８", "İstanbul ÉCOLE Ǆemal Ⅻ", "“quoted” – agreed, organised, hopping, ponies, caresses, yields",
          "1,720 1.720 56.4 2024.09.12 1,2,3 ４５６", "𠀀𠀁汉字 ㈠ 々〇", "naïve café façade"]


def test_the_worker_reads_text_as_the_build_counts_it(page, served_site, built_site):
    """The build counts terms (gongshi.terms) that the worker looks up: both
    must fold, cut and stem every text alike, and send a key to one shard."""
    texts = [f"{s['title']} {s['text']}" for lang in ("zh", "en") for s in index_sections(built_site, lang)] + TRICKY
    page.goto(served_site + "/")
    page.add_script_tag(content=(built_site / WORKER).read_text(encoding="utf-8"))
    worker = page.evaluate("""texts => texts.map(text => {
      const folded = fold(text)
      return {
        folded,
        latin: Array.from(folded.matchAll(/\\p{sc=Latin}+/gu), m => stem(m[0])),
        han: Array.from(folded.matchAll(/\\p{sc=Han}+/gu), m => m[0]),
        numbers: Array.from(folded.matchAll(/\\d+(?:[.,]\\d+)*/g), m => m[0].replace(/,/g, ""))
      }
    })""", texts)
    for text, js in zip(texts, worker):
        folded = fold(text)
        assert js["folded"] == folded, text
        assert js["latin"] == [stem(word) for word in terms.LATIN_WORD.findall(folded)], text
        assert js["han"] == terms.HAN_RUN.findall(folded), text
        assert js["numbers"] == [number.replace(",", "") for number in terms.NUMBER.findall(folded)], text
    keys = sorted({key for text in texts for key in counts(text)})
    shards = page.evaluate("keys => { index = { shardCount: 97 }; return keys.map(shardOf) }", keys)
    assert shards == [shard(key, 97) for key in keys]
