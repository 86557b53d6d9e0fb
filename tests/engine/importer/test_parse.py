"""parse.py: where each line of a notice goes, and what is reported."""
from __future__ import annotations

OPENING = "根据市委统一部署,2024年3月1日至4月1日,市委第一巡察组对市某局党组进行了巡察。2024年5月6日,市委第一巡察组反馈了巡察意见。"
ENDING = "欢迎监督。联系电话:0571-1234567。\n中共某局党组\n2024年9月1日"


def test_the_problem_form_grouped_under_aspects(imported, report):
    result = imported(f"""
        某局公告
        {OPENING}
        (一)党的建设方面
        问题1:理论学习不够深入。
        整改情况:
        1.制定学习计划。每月集中学习1次。
        2.开展专题研讨。举办研讨会3次。
        整改时限:长期坚持。
        完成情况:已完成。
        (二)作风建设方面
        问题2:调查研究不够。
        整改情况:一是开展蹲点调研。形成报告5份。二是建立联系点。确定联系点8个。
        完成情况:基本完成。
        {ENDING}
        """)
    areas = result.site.areas
    assert [(a.aspect.zh, a.title.zh, a.status.zh) for a in areas] == [
        ("党的建设方面", "理论学习不够深入", "已完成"), ("作风建设方面", "调查研究不够", "基本完成")]
    assert [m.title.zh for m in areas[0].measures] == ["制定学习计划", "开展专题研讨", "整改时限"]
    assert [m.title.zh for m in areas[1].measures] == ["开展蹲点调研", "建立联系点"]
    assert report(result) == []


def test_what_is_placed_by_a_guess_is_reported(imported, report):
    result = imported(f"""
        某局公告
        {OPENING}
        一、巡察反馈问题整改情况
        二、关于“制度执行不严”问题的整改情况。另有说明。
        无序号的一段。第二句。
        对此采取了措施:一是建立台账。逐项销号。二是定期督查。每月一次。
        (一)强化监督。加大检查力度。
        {ENDING}
        """)
    area = result.site.areas[0]
    assert result.site.notice.areas_heading.zh == "巡察反馈问题整改情况"
    assert (area.title.zh, area.problem.zh) == ("关于“制度执行不严”问题的整改情况", "制度执行不严")
    assert [m.title.zh for m in area.measures] == ["另有说明", "无序号的一段", "对此采取了措施：", "建立台账", "定期督查", "强化监督"]
    assert report(result) == [
        (4, "an item with no text after its title"),  # 另有说明。
        (4, "text after the area heading: made a measure, its first sentence the title"),
        (5, "a paragraph without a number under an area: made a measure, its first sentence the title"),
        (6, "an item with no text after its title"),  # 对此采取了措施：
        (6, "text before 一是 made a measure of its own"),
    ]


def test_a_notice_whose_structure_cannot_be_read(imported, report):
    result = imported("""
        某局关于整改情况的说明
        我局高度重视整改工作。
        完成了各项任务。
        """)
    assert [(line, message.split(":")[0].split(" (")[0]) for line, message in report(result)] == [
        (1, "no opening sentence"),
        (2, "the opening does not say who inspected whom"),
        (2, "the opening does not say whose arrangements the round followed"),
        (2, "the opening gives no date of the feedback"),
        (2, "the opening gives no period"),
        (3, "no areas found"),
        (3, "no closing paragraph"),
        (3, "no date"),
        (3, "no signature"),
    ]


def test_lines_after_the_date_are_reported_and_a_second_part_heading_kept(imported, report):
    result = imported(f"""
        某局公告
        {OPENING}
        一、整改工作开展情况
        局党组高度重视。
        一、整改工作组织情况
        二、关于“问题”的整改情况
        (一)措施。内容。
        三、下一步工作打算
        一是巩固成果。持续推进。二是建立机制。形成长效。
        {ENDING}
        附件:整改台账
        """)
    notice = result.site.notice
    assert (notice.approach_heading.zh, notice.commitment.zh, notice.summary.zh) == ("整改工作开展情况", "局党组高度重视。", "一、整改工作组织情况")
    assert (notice.next_steps_heading.zh, [s.title.zh for s in notice.next_steps]) == ("下一步工作打算", ["巩固成果", "建立机制"])
    assert report(result) == [(5, "a second heading for the same part; kept in the summary"),
                              (13, "after the date, not placed: “附件:整改台账”")]


def test_the_problem_in_other_quotation_marks(imported):
    result = imported(f"""
        某局公告
        {OPENING}
        一、关于"制度执行不严"问题的整改情况
        (一)措施。内容。
        二、关于「台账管理不规范」问题的整改情况
        (一)措施。内容。
        {ENDING}
        """)
    assert [a.problem.zh for a in result.site.areas] == ["制度执行不严", "台账管理不规范"]


def test_a_closing_formula_is_no_signature(imported):
    result = imported(f"""
        某局公告
        {OPENING}
        一、关于“问题”的整改情况
        (一)措施。内容。
        特此公告
        中共某局党组
        办公室
        2024年9月1日
        """)
    notice = result.site.notice
    assert (notice.closing.zh, notice.signature.zh, notice.date.isoformat()) == ("特此公告", "中共某局党组 办公室", "2024-09-01")
