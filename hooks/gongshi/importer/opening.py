"""The opening sentence: 根据/按照 X 统一部署，{period}，{team} 对 {unit} 进行了巡察/巡视。
{date}，… 反馈了…意见。 It says who directed the round, who inspected whom and
when, when the feedback was given, and whether it was a 巡察 or a 巡视."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .dates import DATES, MONTHS, Calendar

_DIRECTED = re.compile(r"^(?:根据|按照|依据)(?P<by>.+?)(?:关于)?(?:巡[察视]工作)?(?:的)?(?:统一)?(?:部署|安排)")
_INSPECTED = re.compile(r"(?P<team>[^,;。]+?)对(?P<unit>[^,;。]+?)(?:党组织)?(?:进行|开展|实施)了?[^,;。]*?(?P<kind>巡察|巡视)")
OPENING = re.compile(r"^(?:根据|按照|依据).*(?:巡察|巡视)")


@dataclass
class Opening:
    directed_by: str | None = None
    team: str | None = None
    unit: str | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    feedback: datetime.date | None = None
    kind: str = "xuncha"
    notes: list = field(default_factory=list)  # (en, zh): what is missing or was guessed


def read_opening(text: str, calendar: Calendar) -> Opening:
    opening = Opening()
    notes = opening.notes
    directed = _DIRECTED.match(text)
    if directed:
        opening.directed_by = directed["by"]
    else:
        notes.append(("the opening does not say whose arrangements the round followed (根据…统一部署)",
                      "开头没有写明依据谁的部署（根据…统一部署）"))
    inspected = _INSPECTED.search(text)
    if inspected:
        # The team's clause may also hold the period: 县委第二巡察组于2023年4月10日至5月31日
        team = MONTHS.sub("", DATES.sub("", inspected["team"])).strip()
        opening.team = re.sub(r"于$", "", team).strip() or None
        opening.unit = inspected["unit"].strip()
        opening.kind = "xunshi" if inspected["kind"] == "巡视" else "xuncha"
    if opening.team is None or opening.unit is None:
        notes.append(("the opening does not say who inspected whom (…组对…进行了巡察)",
                      "开头没有写明谁对谁进行了巡察（…组对…进行了巡察）"))
    for sentence in re.findall(r"[^。]+。?", text):
        for found in calendar.read(sentence):
            notes.extend(found.notes)
            if found.last is not None and opening.start is None:
                opening.start, opening.end = found.first, found.last
            elif found.last is None and "反馈" in sentence and opening.feedback is None:
                opening.feedback = found.first
    if opening.start is None:
        months = MONTHS.search(text)
        if months:
            notes.append((f"the period {months.group(0)} has no days; start and end need a day",
                          f"巡察时间 {months.group(0)} 没有写到日；开始和结束日期需要具体到日"))
        else:
            notes.append(("the opening gives no period (2023年10月8日至11月10日)", "开头没有写明巡察时间（如 2023年10月8日至11月10日）"))
    if opening.feedback is None:
        notes.append(("the opening gives no date of the feedback (…反馈了巡察意见)", "开头没有写明反馈意见的日期（…反馈了巡察意见）"))
    return opening
