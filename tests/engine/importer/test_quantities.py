"""quantities.py: numbers in the site's units, and what they count."""
from __future__ import annotations

import pytest

from gongshi.importer.quantities import find, label, quoted, threshold


def written(text, units):
    return [(text[q.start:q.end], q.value, q.unit.id) for q in find(text, units)]


def test_the_longer_unit_wins(site):
    assert written("实施413人次廉政谈话,413人参加,4大方面", site.units) == [
        ("413人次", 413, "renci"), ("413人", 413, "ren"), ("4大方面", 4, "fangmian")]


def test_decimals_and_whole_numbers_only(site):
    assert written("投资126.89亿元,占66.78%,1.5万元,136项", site.units) == [
        ("126.89亿元", 126.89, "yi-yuan"), ("66.78%", 66.78, "percent"), ("136项", 136, "xiang")]


@pytest.mark.parametrize("text, found", [
    ("排名全省第2;", [("第2", 2, "rank")]),
    ("获评全省第1名", [("第1", 1, "rank")]),
    ("第3季度完成", []),
    ("均排名前3。", [("前3", 3, "top")]),
    ("前10位", [("前10", 10, "top")]),
])
def test_ranks_are_not_ordinals_of_something_else(site, text, found):
    assert written(text, site.units) == found


def test_names_and_thresholds(site):
    text = "通过“3大工程7项行动”,没有超过180天未经营的企业,学习《2项规定》"
    quantities = find(text, site.units)
    assert [(text[q.start:q.end], quoted(text, q.start), threshold(text, q)) for q in quantities] == [
        ("7项", True, False), ("180天", False, True), ("2项", True, False)]


@pytest.mark.parametrize("text, labels", [
    ("强化监管,共发现36项问题并全部完成整改。", ["发现问题"]),
    ("共检查19个项目、21个合同段,确保质量", ["检查项目", "合同段"]),
    ("实现179名总路长与1532名路段路长的全面覆盖", ["实现总路长", "路段路长的全面覆盖"]),
    ("协调解决用地、资金等问题27个。", ["协调解决用地、资金等问题"]),
    ("给予党内警告2人次,政务警告1人次", ["党内警告", "政务警告"]),
    ("占年度计划投资的66.78%", ["占年度计划投资"]),
    ("组织开展研学。\n②建设德育实践基地4处。", ["建设德育实践基地"]),
])
def test_labels_are_the_words_around_the_number(site, text, labels):
    quantities = find(text, site.units)
    assert [label(text, q, quantities) for q in quantities] == labels
