"""The search index per language, and how pages are pointed at our worker."""
from __future__ import annotations

import json

import pytest

from gongshi import search
from gongshi.errors import SearchError
from gongshi.search import MATERIAL_BUNDLE, MATERIAL_WORKER, WORKER, build_index, chinese_words, use_our_worker, write_indexes
from gongshi.sections import Section
from gongshi.segment import Segmenter

ZH = [Section("areas/clean/", "清廉交通", "签订57份党风廉政责任书，加强12328平台和APP管理。"),
      Section("areas/clean/#car", "网约车", "开展网约车非法营运专项整治行动。")]
EN = [Section("en/areas/clean/", "Clean transport", "Integrity risk checks for 413 people.")]


def test_chinese_words_hold_the_words_inside_longer_words():
    words = chinese_words(ZH, Segmenter())
    assert {"党风廉政", "廉政", "网约车", "非法"} <= set(words)
    assert words == sorted(words)
    # Single characters, numbers and Latin letters are matched as written, not as words.
    assert [w for w in words if len(w) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in w)] == []


def test_the_index_of_a_language_keeps_its_sections_and_reads_its_words():
    index = build_index("zh", ZH, Segmenter())
    assert index["lang"] == "zh"
    assert index["docs"][1] == {"location": "areas/clean/#car", "title": "网约车", "text": "开展网约车非法营运专项整治行动。"}
    assert len(index["words"]) == len(index["pinyin"])
    assert index["pinyin"][index["words"].index("网约车")] == "wang yue che"


def test_english_text_has_no_chinese_words():
    index = build_index("en", EN, Segmenter())
    assert index["words"] == index["pinyin"] == []


def test_indexes_are_written_per_language(tmp_path):
    (tmp_path / WORKER).parent.mkdir()
    (tmp_path / WORKER).write_text("// worker", encoding="utf-8")
    write_indexes(tmp_path, {"zh": ZH, "en": EN}, cache=tmp_path / "cache" / "words.json")
    zh = json.loads((tmp_path / "search" / "zh.json").read_text(encoding="utf-8"))
    en = json.loads((tmp_path / "search" / "en.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in zh["docs"]] == ["areas/clean/", "areas/clean/#car"]
    assert [d["location"] for d in en["docs"]] == ["en/areas/clean/"]
    # Material's bundle still fetches search_index.json: it holds no documents now.
    stub = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["separator"] == search.HIGHLIGHT_SEPARATOR
    # What was cut and read is kept for the next build, and gives the same index.
    write_indexes(tmp_path, {"zh": ZH, "en": EN}, cache=tmp_path / "cache" / "words.json")
    assert json.loads((tmp_path / "search" / "zh.json").read_text(encoding="utf-8")) == zh
    assert "网约车" in json.loads((tmp_path / "cache" / "words.json").read_text(encoding="utf-8"))["readings"]


def test_indexes_need_the_worker_in_the_site(tmp_path):
    with pytest.raises(SearchError, match="worker.js is missing"):
        write_indexes(tmp_path, {"zh": ZH})


def _page(worker_url: str, bundle: str = MATERIAL_BUNDLE) -> str:
    config = f'{{"base": "../..", "search": "{worker_url}", "tags": null}}'
    return f'<script id="__config" type="application/json">{config}</script><script src="../../{bundle}"></script>'


def test_pages_are_pointed_at_our_worker_for_their_language():
    html = use_our_worker(_page(f"../../{MATERIAL_WORKER}"), "en")
    assert f'"search": "../../{WORKER}?lang=en"' in html
    assert MATERIAL_WORKER not in html
    assert f'"search": "{WORKER}?lang=zh"' in use_our_worker(_page(MATERIAL_WORKER), "zh")


@pytest.mark.parametrize("html", [
    _page("../../assets/javascripts/workers/search.0123abcd.min.js"),  # another Material
    _page(f"../../{MATERIAL_WORKER}", bundle="assets/javascripts/bundle.0123abcd.min.js"),
    _page(f"../../{MATERIAL_WORKER}") + _page(f"../../{MATERIAL_WORKER}"),
])
def test_a_page_that_is_not_what_the_worker_was_checked_against_stops_the_build(html):
    with pytest.raises(SearchError) as error:
        use_our_worker(html, "zh")
    assert "Material has changed" in error.value.format("en")
    assert "Material 已经变了" in error.value.format("zh")
