"""What the build counts for search: the worker's folding, keys and stems.
(tests/test_browser_search.py holds the two to the same answers in Chromium.)"""
from __future__ import annotations

import pytest

from gongshi.terms import counts, fold, numeral_value, numerals, shard, stem


@pytest.mark.parametrize("text, folded", [
    ("ＡＰＰ和１２３２８平台", "app和12328平台"),  # full width as ASCII
    ("Inspections ÉCOLE", "inspections école"),
    ("İstanbul", "İstanbul"),  # a capital whose lower case is two characters stays
    ("“Quoted” – text", "“quoted” – text"),
])
def test_fold_is_one_character_for_one(text, folded):
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_chinese_is_counted_in_pairs_and_at_the_end_of_each_run():
    found = counts("网约车，网约")
    assert found == {"网约": 2, "约车": 1, "车": 1, "约": 1}
    # A character's count is that of the keys that begin with it.
    assert sum(n for key, n in found.items() if key.startswith("约")) == "网约车，网约".count("约")


def test_numbers_are_counted_whole_without_thousands_separators():
    found = counts("1,720 and 1720, 56.4 and 2024.09.12")
    assert found["#1720"] == 2 and found["#56.4"] == 1 and found["#2024.09.12"] == 1
    assert "#56" not in found and "#2024" not in found


def test_latin_words_are_counted_by_their_stem():
    found = counts("Inspections, inspection; overloading overloaded")
    assert found == {"inspection": 2, "overload": 2}


@pytest.mark.parametrize("word, root", [
    ("inspections", "inspection"), ("overloaded", "overload"), ("hopping", "hop"), ("agreed", "agre"),
    ("ponies", "poni"), ("caresses", "caress"), ("organised", "organiz"), ("happy", "happi"),
    ("yield", "yield"), ("rolled", "roll"), ("integrity", "integriti"), ("rate", "rate"), ("controll", "control"),
])
def test_stems_are_porters_inflectional_steps(word, root):
    assert stem(word) == root


def test_keys_go_to_shards_by_their_first_chinese_character():
    assert shard("网约", 97) == shard("网", 97) == shard("网络", 97)
    assert 0 <= shard("inspect", 97) < 97 and shard("#1720", 1) == 0


@pytest.mark.parametrize("text, numbers", [
    ("共二十九个问题，提出一百一十七条举措", {"#29": 1, "#117": 1}),
    ("两千元、一万二、十一个方面", {"#2000": 1, "#12000": 1, "#11": 1}),
    ("治本攻坚三年行动，中央八项规定，两个单位", {"#3": 1, "#8": 1, "#2": 1}),  # a digit before a measure word
    ("一岗双责、三重一大、统一部署、一一对应、十四五规划、万一", {}),  # words, not numbers
    ("29个问题和二十九个问题", {"#29": 2}),
    ("二〇二四年和2024年", {"#2024": 2}),  # digits without a unit: a year
])
def test_chinese_numerals_are_counted_as_the_numbers_they_write(text, numbers):
    assert {key: n for key, n in counts(text).items() if key.startswith("#")} == numbers


def test_chinese_numerals_are_read_by_cn2an():
    assert numeral_value("一百一十七") == 117 and numeral_value("两千") == 2000 and numeral_value("一万二") == 12000
    assert numeral_value("十四五") is None  # not a number
    assert numeral_value("一亿二") is None  # a spoken form cn2an cannot complete
    assert numerals("共二十九个问题") == [(1, 4, 29)]
