"""totals.py: the phrasings in which notices declare their totals."""
from __future__ import annotations

import pytest

from gongshi.importer.quantities import find, label
from gongshi.importer.totals import kinds


def kinds_of(text, units):
    quantities = find(text, units)
    return [(text[q.start:q.end], kinds(text, q, label(text, q, quantities))) for q in quantities]


@pytest.mark.parametrize("text, expected", [
    ("针对巡察反馈的4大方面29个问题,目前完成整改26个",
     [("4大方面", ["aspects"]), ("29个", ["problems"]), ("26个", ["completed"])]),
    ("反馈的3个方面12个问题已整改完成10个(含立行立改问题4个),阶段性完成2个,整改完成率83.3%",
     [("3个", ["aspects"]), ("12个", ["problems"]), ("10个", ["completed"]), ("4个", ["immediate_completed"]),
      ("2个", ["in_progress"]), ("83.3%", ["completion_rate"])]),
    ("立行立改和即知即改的16个问题全部整改到位", [("16个", ["immediate", "immediate_completed"])]),
    ("立行立改问题5个全部整改到位", [("5个", ["immediate", "immediate_completed"])]),
    ("15个问题已完成整改13个,其余2个问题取得阶段性成效",
     [("15个", ["problems"]), ("13个", ["completed"]), ("2个", ["in_progress"])]),
    ("已完成整改5个,基本完成1个,未完成0个", [("5个", ["completed"]), ("1个", ["basically_completed"]),
                                    ("0个", ["not_completed"])]),
    ("反馈问题共15个", [("15个", ["problems"])]),
    ("提出117条整改举措,制定整改措施45条", [("117条", ["measures"]), ("45条", ["measures"])]),
    ("明确整改任务30项,形成24项整改任务", [("30项", ["tasks"]), ("24项", ["tasks"])]),
    ("新修订完善制度68项,建立健全制度机制21项,制定5项制度", [("68项", ["rules_revised"]), ("21项", ["rules_revised"]),
                                            ("5项", ["rules_revised"])]),
])
def test_totals(site, text, expected):
    assert kinds_of(text, site.units) == expected


def test_accountability_and_meetings(site):
    text = "给予党内警告2人次,诫勉谈话1人次,党纪处分2人,通报批评1次;先后召开3次专题会议,开展督查2次"
    assert [k for _, k in kinds_of(text, site.units)] == [["accountability"]] * 4 + [["meetings"]] * 2


def test_what_is_no_total(site):
    assert kinds_of("排名全省第2,检查项目19个,覆盖3.2公里", site.units) == [("第2", []), ("19个", []), ("3.2公里", [])]
