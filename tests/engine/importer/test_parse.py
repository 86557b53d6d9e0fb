"""parse.py: every line a block, and the structure found on top of them."""
from __future__ import annotations

SEED_LIKE = """
    某局关于巡察整改情况的公告
    根据市委统一部署，2024年3月5日至4月18日，市委第二巡察组对某局党组进行了巡察。5月16日，市委第二巡察组反馈了巡察意见。现将整改情况予以公布。
    一是加强领导。召开党组会议3次。
    巡察反馈的2个方面3个问题，已完成整改2个。
    一、关于“学习不深入”问题的整改情况
    （一）加强学习。开展学习8次。
    （二）完善制度。修订制度2项。
    二、关于“管理不规范”问题的整改情况
    （一）规范管理。完成清理。
    下一步，将持续巩固整改成果。
    欢迎监督。联系电话：0571-1234567。
    中共某局党组
    2024年9月12日
"""


def kinds(result):
    return [(b.id, b.kind, b.level) for b in result.site.notice.blocks]


def test_every_line_is_a_block_in_its_order(imported):
    result = imported(SEED_LIKE)
    blocks = result.site.notice.blocks
    assert len(blocks) == 13
    assert [b.kind for b in blocks][:2] == ["title", "paragraph"] and [b.kind for b in blocks][-2:] == ["signature", "date"]
    assert (blocks[4].kind, blocks[4].level, blocks[4].number["zh"], blocks[4].text["zh"]) == (
        "heading", 1, "一、", "关于“学习不深入”问题的整改情况")
    assert (blocks[5].number["zh"], blocks[5].lead["zh"], blocks[5].text["zh"]) == ("（一）", "加强学习。", "开展学习8次。")
    assert [b.id for b in blocks][:2] == ["title", "intro"] and blocks[-3].id == "closing"


def test_the_areas_measures_and_parts_around_them(imported):
    result = imported(SEED_LIKE)
    site = result.site
    assert [(a.block, a.quote["zh"], [m.block for m in a.measures]) for a in site.areas] == [
        ("p5", "学习不深入", ["p6", "p7"]), ("p8", "管理不规范", ["p9"])]
    assert result.excerpts == {"approach": ("p3", "p4"), "next-steps": ("p10", "p10")}
    assert (site.round.inspection.team["zh"], str(site.round.inspection.feedback)) == ("市委第二巡察组", "2024-05-16")
    assert {name: f.value for name, f in site.round.totals.named().items()} == {"aspects": 2, "problems": 3, "completed": 2}
    assert [(f.value, f.block) for f in site.round.meetings] == [(3, "p3")]


TEMPLATE = """
    某局关于巡察集中整改进展情况的通报
    根据县委统一部署，2024年3月5日至4月18日，县委第三巡察组对某局党组开展了巡察。2024年5月16日反馈了巡察意见。
    一、组织整改落实情况
    对照反馈的1个方面二个问题，已完成整改一个，阶段性完成一个。
    二、集中整改期内整改进展情况
    （一）反馈问题：关于党的建设方面
    1.组织生活不规范。
    整改情况：修订制度。
    完成情况：已完成
    2.档案管理不到位。
    整改情况：清理档案。
    整改时限：长期坚持
    完成情况：阶段性完成，持续推进
    三、下一步工作打算
    欢迎监督。
    某局党组
    2024年8月30日
"""


def test_problems_with_the_status_the_notice_gives_each(imported, report):
    result = imported(TEMPLATE)
    [area] = result.site.areas
    assert area.block == "p6" and area.measures == ()
    assert [(p.block, p.status, p.status_block, [m.block for m in p.measures]) for p in area.problems] == [
        ("p7", "done", "p9", ["p8"]), ("p10", "partly-done", "p13", ["p11"])]
    # Totals in Chinese numerals, and they agree with the problems listed.
    assert {name: f.value for name, f in result.site.round.totals.named().items()} == {
        "aspects": 1, "problems": 2, "completed": 1, "in_progress": 1}


def test_a_total_that_disagrees_with_the_problems_listed_stays_a_figure(imported, report):
    result = imported(TEMPLATE.replace("二个问题", "五个问题"))
    assert "problems" not in result.site.round.totals.named()
    assert (5, "ge") in [(f.value, f.unit) for f in result.site.round.figures]
    assert any(line == 4 and "`problems` (5) is not the 2 such problems" in message for line, message in report(result))


def test_what_is_placed_nowhere_is_reported_and_kept(imported, report):
    result = imported(SEED_LIKE.replace("    中共某局党组\n    2024年9月12日\n", "    中共某局党组\n    2024年9月12日\n    附件：整改清单\n"))
    assert result.site.notice.blocks[-1].text["zh"] == "附件：整改清单"
    assert (14, "after the date; kept on the notice page, not placed") in report(result)


def test_a_second_language_is_left_to_translate(imported):
    result = imported(SEED_LIKE, languages=("zh", "en"))
    block = result.site.notice.blocks[5]
    assert dict(block.lead) == {"zh": "加强学习。", "en": ""}
    assert result.site.round.totals.problems.label["en"] == "problems found by the inspection"
