"""The map from traditional characters to the site's simplified ones, built
from OpenCC's tables for the text a site holds. (tests/test_browser_search.py
holds the worker's conversion with it to OpenCC's own test cases.)"""
from __future__ import annotations

from gongshi import traditional
from gongshi.terms import HAN_RUN
from gongshi.traditional import simplified

from support import SEED


def test_characters_are_kept_where_the_text_uses_their_simplified_form():
    found = simplified("交通运输局")
    assert {found[c] for c in "運輸"} == {"运", "输"}
    assert "龍" not in found  # 龙 is not in the text
    assert set(found.values()) <= set("交通运输局")


def test_the_characters_of_taiwan_and_hong_kong_are_converted_too():
    found = simplified("随着，线路")
    assert found["著"] == "着"  # Taiwan's 著 for 着 (TWVariantsRev)
    assert found["綫"] == "线"  # Hong Kong's 綫 (HKVariantsRev)


def test_a_phrase_is_kept_where_the_text_has_it_as_opencc_converts_it():
    found = simplified("成效显著，紧盯着")
    assert found["顯著"] == "显著"  # though 著 alone is 着
    assert "著名" not in found  # the text does not have 著名
    # The text's own pairs around 著, which the map would convert, stay as they are.
    assert found["显著"] == "显著" and found["著"] == "着"


def test_every_pair_of_the_text_around_such_a_character_is_kept():
    found = simplified("显著著名，紧盯着")
    assert {key for key, value in found.items() if key == value} == {"显著", "著著", "著名"}


def test_a_phrase_the_text_has_as_written_is_not_converted():
    # 批覆 is 批复 in OpenCC's phrase table; a text that writes 批覆 keeps it.
    assert simplified("批复")["批覆"] == "批复"
    assert "批覆" not in simplified("批复，批覆")


def test_a_text_without_chinese_has_no_map():
    assert simplified("Rectification of the transport bureau") == {}


def test_only_the_chinese_characters_of_a_text_count():
    # The index builds the map from the runs of Chinese characters alone (gongshi.search).
    text = SEED.read_text(encoding="utf-8") + "显著著名，紧盯着 批覆。“顯著”批复"
    assert simplified("\n".join(sorted(set(HAN_RUN.findall(text))))) == simplified(text)


def test_the_tables_can_be_read_ahead_of_the_text():
    # The build's second process reads them while pages render (gongshi.second_process).
    for read in (traditional._tables, traditional._characters, traditional._phrases):
        read.cache_clear()
    traditional.read_tables()
    assert traditional._characters.cache_info().currsize == traditional._phrases.cache_info().currsize == 1
    assert traditional.simplified("交通运输") == {"輸": "输", "運": "运"}
