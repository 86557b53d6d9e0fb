"""opening.py: the opening sentence."""
from __future__ import annotations

import datetime

from gongshi.importer.dates import Calendar
from gongshi.importer.opening import read_opening

D = datetime.date


def test_the_seed_opening(seed_text):
    opening = read_opening(seed_text.splitlines()[1], Calendar())
    assert (opening.directed_by, opening.team, opening.unit, opening.kind) == ("市委", "市委第四巡察组", "市交通运输局党委", "xuncha")
    assert (opening.start, opening.end, opening.feedback, opening.notes) == (D(2023, 10, 8), D(2023, 11, 10), D(2024, 2, 23), [])


def test_a_team_with_its_period_and_a_feedback_in_one_sentence():
    opening = read_opening("按照县委关于巡察工作的统一部署,县委第二巡察组于2023年4月10日至5月31日对县财政局党组开展了常规巡察,"
                           "并于2023年7月5日反馈了巡察意见。", Calendar())
    assert (opening.directed_by, opening.team, opening.unit) == ("县委", "县委第二巡察组", "县财政局党组")
    assert (opening.start, opening.end, opening.feedback) == (D(2023, 4, 10), D(2023, 5, 31), D(2023, 7, 5))


def test_a_xunshi_whose_period_has_no_days():
    opening = read_opening("根据省委巡视工作统一部署,2023年3月至5月,省委第三巡视组对省林业局党组进行了巡视。", Calendar())
    assert (opening.directed_by, opening.team, opening.kind, opening.start) == ("省委", "省委第三巡视组", "xunshi", None)
    assert [en.split(";")[0] for en, _ in opening.notes] == [
        "the period 2023年3月至5月 has no days", "the opening gives no date of the feedback (…反馈了巡察意见)"]


def test_an_opening_that_says_little():
    opening = read_opening("现将整改情况公布如下。", Calendar())
    assert opening.directed_by is None and opening.team is None and len(opening.notes) == 4
