"""The round's figures in the paragraphs outside the areas: the totals the
notice declares (N个方面N个问题, 完成整改N个, 完成率N% …), accountability
(党内警告2人次) and meetings (召开3次专题会议)."""
from __future__ import annotations

import re

from .quantities import Quantity, clause

_IMMEDIATE = "(?:立行立改|即知即改|立知立改|立即整改)"
_DONE = "(?:完成整改|整改完成|整改到位|完成|已整改)"
_MAKE = "(?:(?:制定|修订|新修订|建立|出台|完善|健全|修改|新建)[和及、]?)+"  # 制定及修改完善, 完善和新建
# What the words around a number say it is; the first that fits wins. Each
# rule reads (before, written, after): the clause's words before the number,
# the number with its unit words (29个), and the words after.
_RULES = [
    ("completion_rate", lambda b, w, a: w.endswith("%") and re.search(r"完成率(?:为|达到|达)?$", b)),
    ("aspects", lambda b, w, a: re.match(r"(?:个|大|项)?方面", a) or w.endswith("方面")),
    ("immediate_completed", lambda b, w, a: re.search(rf"含{_IMMEDIATE}", b)),
    ("immediate", lambda b, w, a: re.search(_IMMEDIATE, b) or re.match(rf"(?:个|项)?{_IMMEDIATE}", a)),
    ("measures", lambda b, w, a: re.match(r"整改(?:举措|措施)", a) or re.search(r"整改(?:举措|措施)(?:共|共计)?$", b)),
    ("tasks", lambda b, w, a: re.match(r"整改任务", a) or re.search(r"整改任务(?:共|共计)?$", b)),
    ("rules_revised", lambda b, w, a: re.search(rf"{_MAKE}(?:各项|相关)?(?:规章)?制度(?:机制)?(?:共)?$", b)
     or (re.match(r"(?:规章)?制度", a) and re.search(rf"{_MAKE}$", b))),
    ("basically_completed", lambda b, w, a: re.search(rf"基本{_DONE}$", b) or re.match(rf"(?:个)?(?:问题)?(?:已)?基本{_DONE}", a)),
    ("in_progress", lambda b, w, a: re.search(rf"阶段性(?:{_DONE}|成效)$", b)
     or re.match(rf"(?:个)?(?:问题)?(?:已)?(?:取得)?阶段性(?:{_DONE}|成效|进展)", a)),
    ("not_completed", lambda b, w, a: re.search(r"(?:尚)?未(?:完成|整改到位)(?:整改)?$", b)
     or re.match(r"(?:个)?(?:问题)?(?:尚)?未(?:完成|整改到位)", a)),
    ("completed", lambda b, w, a: re.search(rf"(?<!基本)(?<!阶段性)(?<!未){_DONE}(?:的)?(?:问题)?(?:有|共)?$", b)),
    ("problems", lambda b, w, a: re.match(r"(?:具体|突出)?问题", a)
     or re.search(r"(?:反馈|发现|指出|交办|存在|反映|查出)(?:的)?(?:各类|具体|突出)?问题(?:共|共计)?$", b)),
]
# The counts of how far something has got, and what each is called where it counts measures.
_OF_MEASURES = {"completed": "measures_completed"}
_MEASURES = re.compile(r"措施|举措")
_COUNTED = re.compile(r"问题|措施|举措|任务")
# A total whose rule matched also names a second total when these words follow.
_ALL_DONE = re.compile(r"(?:问题)?(?:已)?全部(?:整改到位|完成整改|整改完成|完成|销号)")
_SANCTION = re.compile(r"通报|批评|警告|诫勉|问责|处分")
_DISCIPLINE = re.compile(r"警告|记过|降级|撤职|开除|留党察看|诫勉|谈话|提醒|批评|问责|处分|处理|函询|检查|通报")
COUNTS = {"ge", "xiang", "tiao", "fangmian", "jian", "percent"}  # units a total can be in
TOTALS = [name for name, _ in _RULES] + ["measures_completed"]  # the names of totals (fields of model.Totals) kinds() gives


_STAGES = ("completed", "basically_completed", "in_progress", "not_completed")


def _stage(name: str, text: str, quantity: Quantity, found) -> list[str]:
    """How far the problems have got, or the measures where the sentence counts
    those (整改措施58条，已完成52条: measures completed); a stage of anything else
    (整改任务) is no total. What is counted is what the last count before it
    in the same unit counts (9个问题 … 32条措施 … 完成8个: problems), else the
    last thing the sentence names."""
    sentence_start = text.rfind("。", 0, quantity.start) + 1
    same = [q for q in found if sentence_start <= q.start and q.end <= quantity.start and q.unit.id == quantity.unit.id]
    around = text[clause(text, same[-1])[0]: same[-1].end + 6] if same else text[sentence_start: quantity.end + 4]
    counted = _COUNTED.findall(around)
    thing = counted[-1] if counted else "问题"
    if thing == "问题":
        return [name]
    return [_OF_MEASURES[name]] if _MEASURES.match(thing) and name in _OF_MEASURES else []


def kinds(text: str, quantity: Quantity, label: str, found=()) -> list[str]:
    """What the notice declares with `quantity` (one of `found`, the quantities
    of `text`): names of totals (fields of model.Totals), "accountability",
    "meetings", or nothing."""
    begin, end = clause(text, quantity)
    before, written, after = text[begin: quantity.start], text[quantity.start: quantity.end], text[quantity.end: end]
    # Ranges of a clause before the number can hold another figure: read only the words after it.
    before = re.split(r"\d", before)[-1]
    if quantity.unit.id in COUNTS:
        for name, rule in _RULES:
            if rule(before, written, after):
                if name == "immediate" and _ALL_DONE.match(re.sub(r"^(?:个|项)?问题", "", after)):
                    return ["immediate", "immediate_completed"]
                if name in _STAGES:
                    return _stage(name, text, quantity, found)
                return [name]
    if quantity.unit.id in ("renci", "ren", "ming") and _DISCIPLINE.search(label):
        return ["accountability"]
    if quantity.unit.id == "ci":  # 通报批评1次 is a sanction; 召开3次专题会议 a meeting
        return ["accountability" if _SANCTION.search(label) else "meetings"]
    return []
