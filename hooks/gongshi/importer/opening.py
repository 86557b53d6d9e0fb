"""The opening of a notice: 根据 X 统一部署，{period}，{team} 对 {unit} 进行了巡察。
{date}，… 反馈了…意见。 It says who directed the round, who inspected (or
audited) whom and when, when the feedback was given, and whether it was a
巡察, a 巡视 or an 审计. Every name is the notice's own text."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

_DIRECTED = re.compile(r"^(?:根据|按照|依据|遵照)(?P<by>.+?)(?:关于)?(?:巡[察视]工作)?(?:的)?(?:统一)?(?:部署|安排)")
_INSPECTED = re.compile(r"对(?P<unit>[^,;。对]+?)(?:党组织)?(?:进行|开展|实施)了?[^,;。]*?(?:巡察|巡视|审计)")
_FED_BACK = re.compile(r"向(?P<unit>[^,;。向]+?)(?:党组织)?(?:全面)?反馈")
_TEAM_END = re.compile(r"(?:巡察|巡视)(?:工作)?组|审计(?:局|厅|署|组)")
# Words that end the clause before a team's name: a date, 对, 由 …
_TEAM_STOPS = "年月日至到对向由于在经"
_FEEDBACK = re.compile(r"反馈|出具")  # a 巡察 gives its feedback, an audit its report
_CJK = re.compile(r"[\u3400-\u9fff]")
_ROUND = re.compile(r"巡察|巡视|审计|进驻")


@dataclass
class Opening:
    directed_by: str | None = None
    team: str | None = None
    unit: str | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    feedback: datetime.date | None = None
    kind: str = "xuncha"
    notes: list = field(default_factory=list)  # (en, zh): what is missing


def kind_of(text: str) -> str:
    """巡视 (xunshi) or 审计 (shenji) where the text names it and no 巡察; else 巡察 (xuncha)."""
    if "巡视" in text and "巡察" not in text:
        return "xunshi"
    if "审计" in text and "巡察" not in text and "巡视" not in text:
        return "shenji"
    return "xuncha"


def _team(folded: str, text: str) -> str | None:
    """The inspection group: the words before 巡察组 (巡视组, 审计局) back to a stop: 市委第四巡察组."""
    match = _TEAM_END.search(folded)
    if match is None:
        return None
    start = match.start()
    while start > 0 and (_CJK.match(folded[start - 1]) or folded[start - 1].isdigit()) and folded[start - 1] not in _TEAM_STOPS:
        start -= 1
    return text[start: match.end()] if start < match.start() else None


def read_opening(text: str, folded: str, dates: list, title: str = "") -> Opening:
    """The opening from a paragraph as printed (`text`), folded (`folded`), the
    dates read in it (dates.Found) and the notice's title."""
    opening = Opening(kind=kind_of(title + folded))
    directed = _DIRECTED.match(folded)
    if directed:
        opening.directed_by = text[directed.start("by"): directed.end("by")]
    inspected = _INSPECTED.search(folded) or _FED_BACK.search(folded)
    if inspected:
        opening.unit = text[inspected.start("unit"): inspected.end("unit")].strip()
    opening.team = _team(folded, text)
    if opening.team is None or opening.unit is None:
        opening.notes.append(("the opening does not say who inspected whom (…组对…进行了巡察)",
                              "开头没有写明谁对谁进行了巡察（…组对…进行了巡察）"))
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。]+。?", folded)]
    for found in dates:
        sentence = next((folded[a:b] for a, b in sentences if a <= found.start < b), "")
        if found.last is not None and opening.start is None and _ROUND.search(sentence):
            opening.start, opening.end = found.first, found.last
        elif found.last is None and _FEEDBACK.search(sentence) and opening.feedback is None and found.first:
            opening.feedback = found.first
    if opening.start is None:
        opening.notes.append(("the opening gives no period of days (2023年10月8日至11月10日)",
                              "开头没有写明具体到日的巡察时间（如 2023年10月8日至11月10日）"))
    if opening.feedback is None:
        opening.notes.append(("the opening gives no date of the feedback (…反馈了巡察意见)", "开头没有写明反馈意见的日期（…反馈了巡察意见）"))
    return opening
