"""outline.py: what a line prints before its text, as positions in the line."""
from __future__ import annotations

import pytest

from gongshi.importer.lines import Line
from gongshi.importer.outline import mark


def parts(text: str) -> tuple:
    line = Line(1, text)
    m = mark(line.folded)
    return m.style, m.ordinal, text[:m.number_end], text[m.number_end:m.label_end], text[m.label_end:m.lead_end]


@pytest.mark.parametrize("text, expected", [
    ("一、关于“甲”问题的整改情况。", ("chinese", 1, "一、", "", "")),
    ("（十二）强化监管。开展检查。", ("paren-chinese", 12, "（十二）", "", "强化监管。")),
    ("１．加快建设。完成投资。", ("digit", 1, "１．", "", "加快建设。")),
    ("（3）细化方案", ("paren-digit", 3, "（3）", "", "")),
    ("②建设基地4处。", ("circled", 2, "②", "", "")),
    ("问题12：执法不规范。部分案卷不全。", ("problem", 12, "问题12：", "", "执法不规范。")),
    ("二是全面对标对表，增强合力。深入剖析问题。", ("point", 2, "二是", "", "全面对标对表，增强合力。")),
    ("（一）反馈问题：关于党的建设方面", ("paren-chinese", 1, "（一）", "反馈问题：", "")),
    ("整改情况：开展检查2次。", (None, None, "", "整改情况：", "")),
    ("一是的确如此", (None, None, "", "", "")),
    ("2023年3月5日，巡察组进驻。", (None, None, "", "", "")),
])
def test_number_label_and_lead_are_the_lines_own_characters(text, expected):
    assert parts(text) == expected


def test_a_long_first_sentence_is_no_lead():
    assert parts("（一）" + "很长的一句话" * 12 + "。然后更多。")[4] == ""
