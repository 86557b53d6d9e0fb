"""The numbering of a notice: what marks each line (一、 （一） 1. （1） ①, 问题N：,
整改情况：, 一是), and how an item splits into its title and its text.

Lines are normalised (NFKC), so full-width （ ） ： ； arrive as ( ) : ;."""
from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = "一二三四五六七八九"
_NUMERAL = "[一二三四五六七八九十]{1,3}"


def chinese_number(text: str) -> int | None:
    """一 → 1, 十一 → 11, 二十 → 20, 九十九 → 99; anything else None."""
    if "十" not in text:
        return _DIGITS.index(text) + 1 if len(text) == 1 and text in _DIGITS else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in _DIGITS[1:]) or (ones and ones not in _DIGITS):
        return None
    return (_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_DIGITS.index(ones) + 1 if ones else 0)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _number(text: str) -> int | None:
    if text.isascii() and text.isdigit():
        return int(text)
    if len(text) == 1 and text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    return chinese_number(text)


# Heading levels, outermost first: 一、 → （一） → 1. or 1、 → （1） → ①
HEADINGS = [
    (1, re.compile(rf"({_NUMERAL})、\s*")),
    (2, re.compile(rf"\(({_NUMERAL})\)\s*")),
    (3, re.compile(r"(\d{1,2})(?:\.|、)(?!\d)\s*")),
    (4, re.compile(r"\((\d{1,2})\)\s*")),
    (5, re.compile(f"([{_CIRCLED}])\\s*")),
]
_PROBLEM = re.compile(rf"问题\s*(\d{{1,3}}|{_NUMERAL})\s*:\s*")
# Labels of the 问题N： form: those that introduce what was done, the one that
# says how far it got, and others that are kept with the text.
MEASURE_LABELS = ("整改落实情况", "整改情况", "整改措施", "整改举措", "整改进展")
STATUS_LABELS = ("整改完成情况", "完成情况")
_OTHER_LABELS = ("整改时限", "完成时限", "责任单位", "责任领导", "责任人", "整改目标")
_LABEL = re.compile("(" + "|".join(sorted(MEASURE_LABELS + STATUS_LABELS + _OTHER_LABELS, key=len, reverse=True))
                    + r")\s*:\s*")
_POINT = re.compile(rf"({_NUMERAL})是")


@dataclass(frozen=True)
class Marked:
    """A line and what marks it."""

    kind: str  # "heading", "problem" (问题N：), "label" (整改情况： …), "point" (一是) or "plain"
    rest: str  # the line without its mark
    level: int = 0  # of a heading: 1 for 一、 … 5 for ①
    number: int | None = None
    label: str = ""  # of a label line: the label's words

    @property
    def is_status(self) -> bool:
        return self.kind == "label" and self.label in STATUS_LABELS

    @property
    def introduces_measures(self) -> bool:
        return self.kind == "label" and self.label in MEASURE_LABELS


def mark(text: str) -> Marked:
    """What marks `text`, a normalised line."""
    for level, pattern in HEADINGS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return Marked("heading", text[match.end():], level, _number(match.group(1)))
    match = _PROBLEM.match(text)
    if match:
        return Marked("problem", text[match.end():], number=_number(match.group(1)))
    match = _LABEL.match(text)
    if match:
        return Marked("label", text[match.end():], label=match.group(1))
    match = _POINT.match(text)
    if match and match.end() < len(text):
        return Marked("point", text, number=_number(match.group(1)))
    return Marked("plain", text)


def split_points(text: str, first: int = 1) -> tuple[str, list[str]]:
    """一是…二是…三是… inside a paragraph: (what comes before the first, [each point
    without its 一是]). A 是 counts only in sequence from `first` and at the start or
    after a full stop, a semicolon or a colon, so 唯一是 or a stray 二是 is not a point."""
    starts, expected = [], first
    for match in _POINT.finditer(text):
        before = text[: match.start()].rstrip()
        if _number(match.group(1)) == expected and (not before or before[-1] in "。;:"):
            starts.append(match)
            expected += 1
    if not starts:
        return text, []
    lead = text[: starts[0].start()].strip()
    ends = [m.start() for m in starts[1:]] + [len(text)]
    return lead, [text[m.end(): end].strip() for m, end in zip(starts, ends)]


def _first_stop(text: str, stops: str) -> int:
    """Where the first of `stops` is, outside quotation marks and titles (“…” 《…》); -1 if none."""
    depth = 0
    for index, char in enumerate(text):
        if char in "“《‘":
            depth += 1
        elif char in "”》’":
            depth = max(0, depth - 1)
        elif depth == 0 and char in stops:
            return index
    return -1


def title_and_text(text: str) -> tuple[str, str]:
    """An item's title is its first sentence when more follows: "强化监管。开展…"
    → ("强化监管", "开展…"). A single sentence is all title: (sentence, "")."""
    stop = _first_stop(text, "。")
    if 0 < stop < len(text) - 1:
        return text[:stop], text[stop + 1:].strip()
    return text.rstrip("。"), ""


def first_clause(text: str) -> tuple[str, str]:
    """For an item of one sentence: its first clause and the rest, or ("", text)
    when it has a single clause."""
    stop = _first_stop(text, ",;:")
    if 0 < stop < len(text) - 1:
        return text[:stop], text[stop + 1:].strip()
    return "", text
