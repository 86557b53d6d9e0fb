"""What a line of a notice prints before its text: its number (一、 （一） 1.
（1） ① 问题1： 一是), its label (整改情况：), and a heading run into its
paragraph (its lead). Marks are read on the folded line (numerals.fold), where
（一） reads (一) and ： reads :, at the same positions as in the line itself."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import CIRCLED, chinese_value

_NUMERAL = "[一二三四五六七八九十]{1,3}"

# The numberings of headings and numbered paragraphs, outermost first: 一、 →
# （一） → 1. or 1、 → （1） → ①; then 问题1： and 一是, which number items but no level.
STYLES = [
    ("chinese", re.compile(rf"({_NUMERAL})(?:、|\.(?!\d))\s*")),
    ("paren-chinese", re.compile(rf"\(({_NUMERAL})\)\s*")),
    ("digit", re.compile(r"(\d{1,2})(?:\.|、)(?!\d)\s*")),
    ("paren-digit", re.compile(r"\((\d{1,2})\)\s*")),
    ("circled", re.compile(f"([{CIRCLED}])\\s*")),
    ("problem", re.compile(rf"问题\s*(\d{{1,3}}|{_NUMERAL})\s*:\s*")),
    ("point", re.compile(rf"({_NUMERAL})是(?![的否])")),
]
RANKED = [name for name, _ in STYLES][:5]  # the styles that make levels of headings

# Labels of the problem-and-measure forms: those that introduce what was done,
# those that say how far it got, and others that say when and who.
MEASURE_LABELS = ("整改落实情况", "整改情况", "整改措施", "整改举措", "整改进展")
STATUS_LABELS = ("整改完成情况", "完成情况", "整改进度", "完成进度")
OTHER_LABELS = ("整改时限", "完成时限", "责任单位", "责任领导", "责任人", "整改目标", "反馈问题", "存在问题", "问题表现")
_LABEL = re.compile("(" + "|".join(sorted(MEASURE_LABELS + STATUS_LABELS + OTHER_LABELS, key=len, reverse=True))
                    + r")\s*:\s*")
STATUS_IN_TEXT = re.compile("(?:" + "|".join(STATUS_LABELS) + r")\s*:\s*")

_LEAD_MOST = 50  # a first sentence longer than this is not a heading run in
_SENTENCE_END = "。！？"


@dataclass(frozen=True)
class Marked:
    """What a line prints before its text, as positions in the line."""

    style: str | None  # a name of STYLES, or None for no number
    ordinal: int | None  # the number's value: 3 for 三、 or （3）
    number_end: int  # where the number ends (0: none)
    label: str  # the label's words, e.g. 整改情况 ("": none)
    label_end: int  # where the label ends (number_end: none)
    lead_end: int  # where the lead ends (label_end: none)

    @property
    def is_status(self) -> bool:
        return self.label in STATUS_LABELS

    @property
    def introduces_measures(self) -> bool:
        return self.label in MEASURE_LABELS

    @property
    def other_label(self) -> bool:
        return self.label in OTHER_LABELS


def _ordinal(text: str) -> int | None:
    if text in CIRCLED:
        return CIRCLED.index(text) + 1
    if text.isascii() and text.isdigit():
        return int(text)
    return chinese_value(text)


def mark(folded: str) -> Marked:
    """The marks of a folded line."""
    style, ordinal, number_end = None, None, 0
    for name, pattern in STYLES:
        match = pattern.match(folded)
        if match and match.end() < len(folded):
            style, ordinal, number_end = name, _ordinal(match.group(1)), match.end()
            break
    label, label_end = "", number_end
    match = _LABEL.match(folded, number_end)
    if match and style != "problem":
        label, label_end = match.group(1), match.end()
    lead_end = _lead_end(folded, label_end) if style is not None else label_end
    return Marked(style, ordinal, number_end, label, label_end, lead_end)


def first_stop(text: str, stops: str, start: int = 0) -> int:
    """Where the first of `stops` is from `start`, outside quotation marks and
    titles (“…” 《…》 (…)); -1 if none."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char in "“《‘(":
            depth += 1
        elif char in "”》’)":
            depth = max(0, depth - 1)
        elif depth == 0 and char in stops:
            return index
    return -1


def _lead_end(folded: str, start: int) -> int:
    """A numbered paragraph's run-in heading is its first sentence, where more
    follows and it is short: (一)强化监管。开展… → 强化监管。"""
    stop = first_stop(folded, _SENTENCE_END, start)
    if start < stop < len(folded) - 1 and stop - start <= _LEAD_MOST:
        return stop + 1
    return start
