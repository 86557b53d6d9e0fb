"""build.py: figures, totals, the contact, and where each thing came from."""
from __future__ import annotations

HEAD = """
    某局公告
    根据市委统一部署,2024年3月1日至4月1日,市委第一巡察组对市某局党组进行了巡察。2024年5月6日,市委第一巡察组反馈了巡察意见。
"""
AREA = """
    一、关于“问题”的整改情况
    (一)强化监管。检查企业12家,排名全省第2。
    (二)只有标题
"""
END = """
    欢迎监督。联系电话:0571-1234567、0571-7654321;邮编:3100。
    中共某局党组
    2024年9月1日
"""


def test_totals_claimed_in_an_approach_item_are_no_figures_of_it(imported, report):
    result = imported(HEAD + """
    一是明确任务。梳理12个问题,制定整改措施40条,召开会议2次,排名全省第3。
    截至2024年8月31日,12个问题已完成整改11个,另有13个问题在推进;修订制度5项,其他事项6项。
    """ + AREA + END)
    site = result.site
    assert [(f.value, f.unit) for f in site.notice.approach[0].figures] == [(3, "rank")]
    totals = site.round.totals
    assert [(name, getattr(totals, name).value) for name in ("problems", "measures", "completed", "rules_revised")] == [
        ("problems", 12), ("measures", 40), ("completed", 11), ("rules_revised", 5)]
    assert totals.as_of.isoformat() == "2024-08-31"
    assert [(f.value, f.label.zh) for f in site.round.meetings] == [(2, "召开会议")]
    assert report(result) == [  # the pieces of the notice are joined with blank lines between them
        (5, "`problems` is 13 here but 12 on line 4; kept 12"),
        (5, "“6项” (其他事项) is not one of the totals the importer knows; it stays in the text"),
        (9, "an item with no text after its title"),
        (11, "more than one phone number; kept 0571-1234567, not 0571-7654321"),
        (11, "the postcode “3100” is not six digits"),
    ]


def test_figures_and_where_things_came_from(imported, report):
    result = imported(HEAD + AREA + END)
    area = result.site.areas[0]
    assert [(f.value, f.unit, f.label.zh) for f in area.measures[0].figures] == [(12, "jia", "检查企业"), (2, "rank", "排名全省")]
    assert result.origins[id(area)] == 4 and result.origins[id(area.measures[1])] == 6
    assert result.site.contact.phone == "0571-1234567" and result.site.contact.postcode is None
    assert result.site.contact.organisation.zh == "中共某局党组"


def test_a_line_a_spreadsheet_would_run_is_reported(imported, report):
    result = imported("""
        某局公告
        根据市委统一部署,2024年3月1日至4月1日,市委第一巡察组对市某局党组进行了巡察。2024年5月6日,市委第一巡察组反馈了巡察意见。
        一、关于“问题”的整改情况
        (一)强化监管。检查企业12家。
        =HYPERLINK("http://evil.example","x")
        欢迎监督。
        中共某局党组
        2024年9月1日
    """)
    assert (5, 'the line starts with “=”, which a spreadsheet runs as a formula: the open data writes it as text '
               "('…), but check that the notice says it so") in report(result)
