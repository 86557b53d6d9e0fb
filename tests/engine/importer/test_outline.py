"""outline.py: the marks of each line, 一是 points, titles."""
from __future__ import annotations

import pytest

from gongshi.importer.outline import chinese_number, first_clause, mark, split_points, title_and_text


@pytest.mark.parametrize("text, level, number, rest", [
    ("一、关于“X”问题的整改情况", 1, 1, "关于“X”问题的整改情况"),
    ("十一、关于“X”问题", 1, 11, "关于“X”问题"),
    ("(三)强化监管。开展检查", 2, 3, "强化监管。开展检查"),
    ("12.健全制度", 3, 12, "健全制度"),
    ("1、健全制度", 3, 1, "健全制度"),
    ("(4)开展培训", 4, 4, "开展培训"),
    ("③建设基地", 5, 3, "建设基地"),
])
def test_heading_levels(text, level, number, rest):
    marked = mark(text)
    assert (marked.kind, marked.level, marked.number, marked.rest) == ("heading", level, number, rest)


@pytest.mark.parametrize("text", ["1.5亿元用于建设", "2024年上半年完成投资", "一、", "十二月完成", "3大工程7项行动"])
def test_numbers_that_are_no_heading(text):
    assert mark(text).kind != "heading"


def test_problem_and_labels():
    assert (mark("问题12:落实不到位。").kind, mark("问题12:落实不到位。").number) == ("problem", 12)
    assert mark("问题三:落实不到位。").number == 3
    measures, status, longer = mark("整改情况:一是A。"), mark("完成情况:已完成。"), mark("整改完成情况:基本完成")
    assert measures.introduces_measures and not measures.is_status and measures.rest == "一是A。"
    assert status.is_status and status.rest == "已完成。"
    assert longer.is_status and longer.label == "整改完成情况"
    other = mark("整改时限:长期坚持")
    assert other.kind == "label" and not other.is_status and not other.introduces_measures


def test_points():
    assert (mark("二是全面对标。深入剖析").kind, mark("二是全面对标。深入剖析").number) == ("point", 2)
    assert split_points("局党组:一是A。B;二是C。三是D") == ("局党组:", ["A。B;", "C。", "D"])
    assert split_points("三是C;四是D", first=3) == ("", ["C;", "D"])


@pytest.mark.parametrize("text", ["唯一是好的", "做到一是一、二是二", "一是A;三是C"])
def test_what_is_not_a_sequence_of_points(text):
    lead, points = split_points(text)
    assert len(points) <= 1 and (not points or "三是" in points[0] or lead)


def test_point_sequence_stops_at_a_gap():
    assert split_points("一是A;三是C") == ("", ["A;三是C"])


def test_titles():
    assert title_and_text("强化监管。开展检查,发现问题。") == ("强化监管", "开展检查,发现问题。")
    assert title_and_text("学习“三个务必。”精神。开展") == ("学习“三个务必。”精神", "开展")
    assert title_and_text("只有一句。") == ("只有一句", "")
    assert first_clause("召开会议,研究部署;落实。") == ("召开会议", "研究部署;落实。")
    assert first_clause("学习《条例,规定》等") == ("", "学习《条例,规定》等")


@pytest.mark.parametrize("text, value", [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("九十九", 99),
                                         ("零", None), ("二二", None), ("一十", None), ("", None)])
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value
