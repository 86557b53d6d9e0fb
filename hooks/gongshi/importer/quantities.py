"""Numbers written in a unit of data/units.yaml (29个, 126.89亿元, 82.1%, 第1,
and where asked 二十九个), and the words around each, which say what it counts.
Texts are read folded (numerals.fold): positions are those of the notice's text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Unit
from ..numerals import CHINESE_DIGITS, chinese_value

_CJK = re.compile(r"[\u3400-\u9fff]")
_OPENING, _CLOSING = "“《‘", "”》’"
# Words before a number that make it a threshold in a rule, not a count of
# what was done: 超过180天未经营, 连续180天.
_THRESHOLD = re.compile(r"(超过|超出|连续|不超过|不少于|不低于|不足|满|以内|达到或超过)$")
# Words that lead a clause without saying what is counted: 共发现36项问题 counts 发现问题.
_LEADING = re.compile(r"^([①-⑳]|（\d+）|共计|共|累计|合计|总计|先后|其中|目前|给予|均|分别)+")
_STOPS = "，；：。！？,;:!?\n"


@dataclass(frozen=True)
class Quantity:
    value: int | float
    unit: Unit
    start: int  # where the number and its unit words are in the text
    end: int
    number: str  # the number as written


def written(unit: Unit) -> str:
    """How a notice writes a number in `unit`: its Chinese pattern, e.g. "{n}个"."""
    return unit.writes["zh"]


def _pattern(unit: Unit, chinese: bool) -> re.Pattern:
    before, _, after = written(unit).partition("{n}")
    number = r"(?<![\d.])\d+(?:\.\d+)?(?!\.?\d)"
    if chinese:
        number += rf"|(?<![{CHINESE_DIGITS}])[{CHINESE_DIGITS}]+"
    return re.compile(rf"{re.escape(before)}(?P<n>{number}){re.escape(after)}")


def _reading(quantity: Quantity) -> tuple[int, bool]:
    """How good a reading is: the longer the better (413人次, not 413人), and
    between two as long, an ordinal (第1名 is a rank, not 1名)."""
    return quantity.end - quantity.start, not written(quantity.unit).startswith("{n}")


def find(text: str, units, chinese: bool = False) -> list[Quantity]:
    """Each number of `text` (folded) written in one of `units`, in order, in
    Chinese numerals too where `chinese`; where units overlap, the better
    reading wins (see _reading)."""
    best: dict[int, Quantity] = {}
    for unit in units:
        ordinal = written(unit).endswith("{n}")  # 第{n}, 前{n}: 第3季度 is no rank
        for match in _pattern(unit, chinese).finditer(text):
            following = text[match.end(): match.end() + 1]
            if ordinal and _CJK.match(following) and following not in "名位":
                continue
            if not ordinal and text[match.start() - 1: match.start()] == "第":
                continue  # 第57次会议 is the 57th meeting, not 57 of them
            number = match["n"]
            value = chinese_value(number) if number[0] in CHINESE_DIGITS else float(number) if "." in number else int(number)
            if value is None:
                continue
            found = Quantity(value, unit, match.start(), match.end(), number)
            held = best.get(match.start("n"))
            if held is None or _reading(found) > _reading(held):
                best[match.start("n")] = found
    return [best[k] for k in sorted(best)]


def quoted(text: str, position: int) -> bool:
    """Whether `position` is inside “…”, 《…》 or ‘…’: a name, such as “3大工程7项行动”."""
    depth = 0
    for char in text[:position]:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(0, depth - 1)
    return depth > 0


def threshold(text: str, quantity: Quantity) -> bool:
    return _THRESHOLD.search(text[: quantity.start]) is not None


def clause(text: str, quantity: Quantity) -> tuple[int, int]:
    """Where the clause of `quantity` begins and ends. A clause ends at
    punctuation, or at a 、 outside brackets and quotes that separates counts
    (19个项目、21个合同段), not words (用地、资金等问题27个)."""
    opening, closing = "（(“《‘", "）)”》’"

    def counts_beyond(index: int, step: int) -> bool:
        while 0 <= index < len(text) and text[index] not in _STOPS:
            if text[index].isdigit():
                return True
            index += step
        return False

    def stop(index: int, step: int) -> int:
        inward, outward = (opening, closing) if step > 0 else (closing, opening)
        depth = 0
        while 0 <= index < len(text):
            char = text[index]
            if char in inward:
                depth += 1
            elif char in outward:
                if depth == 0:
                    return index
                depth -= 1
            elif depth == 0 and (char in _STOPS or char == "、" and counts_beyond(index + step, step)):
                return index
            index += step
        return index

    return stop(quantity.start - 1, -1) + 1, stop(quantity.end, 1)


_JOINING = "与和及、并"


def label(text: str, quantity: Quantity, others: list[Quantity]) -> str:
    """What `quantity` counts, in the notice's own words: its clause without the
    number, without leading words like 共 or 给予 and from 并 on (共发现36项问题并全部
    完成整改 → 发现问题). Where the clause counts several things (179名总路长与1532名
    路段路长), each takes the words up to the next number."""
    begin, end = clause(text, quantity)
    before = [q for q in others if begin <= q.start and q.end <= quantity.start]
    after = [q for q in others if quantity.end <= q.start and q.end <= end]
    head = text[max([begin] + [q.end for q in before]): quantity.start]
    tail = text[quantity.end: min([end] + [q.start for q in after])].split("并", 1)[0].strip().rstrip(_JOINING)
    words = tail if before and tail else _LEADING.sub("", head.strip()).strip() + tail
    return words.removesuffix("的")
