"""validate.py: the notice as blocks, and everything that points into it.

Every block prints something, a heading has a level, the date block says the
notice's date; every reference names a block that exists, every quote and
figure is found in its block, every status the notice gives is said in its
block; and where the notice both declares a total and lists what it counts,
the two agree. On edited copies of the real data, and of the made-up
Chinese-only site whose notice lists its problems (tests/fixtures/problems-site).
"""
from __future__ import annotations

import pytest
from support import only

from gongshi.data import load_site
from gongshi.validate import listed_counts, quotes

AREA2 = "areas/02-industry-oversight.yaml"
SHOWN2 = f"data/{AREA2}"


# --- the blocks ----------------------------------------------------------------------


def test_a_block_that_prints_nothing(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "- id: closing\n", "- id: empty\n- id: closing\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/notice.yaml", line_of(path, "- id: empty"))
    assert "block `empty` prints nothing; give it a `text`" in problem.message


def test_a_heading_without_its_level(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "- id: industry-oversight\n  kind: heading\n  level: 1\n", "- id: industry-oversight\n  kind: heading\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/notice.yaml", line_of(path, "- id: industry-oversight") + 1)  # its `kind`
    assert "block `industry-oversight`: a heading has a `level` (1 for the top), and only a heading has one" in problem.message


def test_a_level_on_a_paragraph(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "- id: intro\n", "- id: intro\n  level: 2\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/notice.yaml", line_of(path, "level: 2"))
    assert "block `intro`: a heading has a `level`" in problem.message


def test_an_unknown_kind_of_block(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "  kind: signature\n", "  kind: signatory\n")
    problem = only(problems(data))
    assert problem.line == line_of(path, "kind: signatory")
    assert "expected one of title, heading, paragraph, signature, date" in problem.message


@pytest.mark.parametrize("printed", ["2024年09月12日", "二〇二四年九月十二日", "2024-09-12", "２０２４年９月１２日"])
def test_the_ways_a_date_block_says_the_notices_date(data, edit, printed):
    edit(data / "notice.yaml", "    zh: 2024年9月12日\n", f"    zh: {printed}\n")
    assert load_site(data).notice.blocks[-1].text["zh"] == printed


def test_a_date_in_chinese_numerals(problems_site):
    date = problems_site.notice.blocks[-1]
    assert (date.kind, date.text["zh"], problems_site.notice.date.isoformat()) == ("date", "二〇二四年十月十五日", "2024-10-15")


@pytest.mark.parametrize("printed", ["2024年9月13日", "二〇二四年九月十三日"])
def test_a_date_block_that_is_not_the_notices_date(data, edit, line_of, problems, printed):
    path = data / "notice.yaml"
    edit(path, "    zh: 2024年9月12日\n", f"    zh: {printed}\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/notice.yaml", line_of(path, printed) - 1)  # its `text`
    assert "block `date` prints a date that is not the notice's `date` (2024-09-12)" in problem.message


def test_duplicate_block_id(data, edit, line_of, problems):
    path = data / "notice.yaml"
    first = line_of(path, "- id: closing")
    edit(path, "- id: signature\n", "- id: closing\n")
    found = problems(data)
    problem = only([p for p in found if "used twice" in p.message])
    assert f"block id `closing` is used twice (first in data/notice.yaml:{first})" in problem.message


# --- references into the notice ----------------------------------------------------------


@pytest.mark.parametrize("file, old, new, meant", [
    (AREA2, "block: industry-oversight\n", "block: industry-oversite\n", "industry-oversight"),  # an area's heading
    (AREA2, "- block: rural-road-maintenance\n", "- block: rural-road-maintenence\n", "rural-road-maintenance"),  # a measure
    ("round.yaml", "    block: coordination\n", "    block: coordinaton\n", "coordination"),  # a total
    ("updates.yaml", "notice: [summary]", "notice: [sumary]", "summary"),  # an update's source
])
def test_a_reference_to_a_block_that_does_not_exist(data, edit, line_of, problems, file, old, new, meant):
    path = data / file
    edit(path, old, new)
    problem = only(problems(data))
    bad = new.split("[")[-1].split()[-1].rstrip("]")
    assert (problem.path, problem.line) == (f"data/{file}", line_of(path, new.strip()))
    assert f"data/notice.yaml has no block `{bad}`; did you mean `{meant}`?" in problem.message
    assert f"data/notice.yaml 中没有段落 `{bad}`" in problem.zh


def test_an_aspect_that_does_not_exist(problems_project, edit, line_of, problems):
    data = problems_project / "data"
    path = data / "areas/02-party.yaml"
    edit(path, "aspect: progress\n", "aspect: progres\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/areas/02-party.yaml", line_of(path, "aspect: progres"))
    assert "data/notice.yaml has no block `progres`; did you mean `progress`?" in problem.message


@pytest.mark.parametrize("old, new, language", [
    ("  zh: 行业监管责任落实不够到位\n", "  zh: 行业监管责任落实不到位\n", "Chinese"),
    ("  en: Industry oversight responsibilities have not been fully carried out\n",
     "  en: Industry oversight has not been fully carried out\n", "English"),
])
def test_a_quote_that_is_not_in_its_block(data, edit, line_of, problems, old, new, language):
    path = data / AREA2
    edit(path, old, new)
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "quote:"))
    assert (f"the {language} `quote` of area `industry-oversight` is not in block `industry-oversight`; "
            "a quote must be the block's own words") in problem.message


@pytest.mark.parametrize("block", ["intro", "closing"])  # before its heading; after the next area's
def test_an_item_outside_its_areas_part_of_the_notice(data, edit, line_of, problems, block):
    path = data / AREA2
    edit(path, "- block: construction-mineral-resources\n", f"- block: {block}\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, f"- block: {block}"))
    assert (f"block `{block}` is not in the part of the notice that area `industry-oversight` heads "
            "(from block `industry-oversight`)") in problem.message


# --- figures quote their blocks ----------------------------------------------------------------


def test_a_figure_the_notice_writes_in_chinese_numerals(data, edit):
    edit(data / "notice.yaml", "共发现36项问题", "共发现三十六项问题")
    block = load_site(data).block("construction-quality-oversight")
    assert "三十六项" in block.text["zh"]  # the notice's own words are kept; the figure is found in them


def test_a_figure_outside_a_measure_names_its_block(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "    block: coordination\n", "")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "value: 117"))
    assert "this figure names no `block`; say which block of data/notice.yaml states it" in problem.message


def test_a_figure_of_a_measure_is_in_the_measures_block_unless_it_names_another(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "  - value: 36\n", "  - value: 36\n    block: summary\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "value: 36"))
    assert "the figure “36项” does not occur in block `summary`" in problem.message


@pytest.mark.parametrize("pattern, number, text, quoted", [
    ("{n}项", "36", "共发现36项问题", True),
    ("{n}项", "6", "共发现36项问题", False),  # the tail of a bigger number
    ("第{n}", "3", "全省第36", False),  # the head of a bigger number
    ("第{n}", "2", "获评全省第2；", True),
    ("{n}公里", "4.7", "完成4.7公里路面修复", True),
    ("{n}公里", "4.7", "完成14.7公里", False),
    ("{n}%", "56", "下降56.4%", False),  # a decimal is not its whole part
    ("{n}个", "29", "4大方面29个问题", True),
    ("{n}个", "29", "4大方面２９个问题", True),  # in full-width digits
    ("{n}个", "29", "四大方面二十九个问题", True),  # in Chinese numerals
    ("{n}个", "2", "完成两个支部换届", True),
    ("{n}项", "6", "共发现三十六项问题", False),  # the tail of a bigger numeral
    ("第{n}", "2", "全省第二十", False),
])
def test_a_figure_is_quoted_as_a_whole_number(pattern, number, text, quoted):
    assert quotes(pattern, number, text) is quoted


# --- statuses the notice gives ------------------------------------------------------------------


def test_the_notice_gives_each_problem_its_status(problems_site):
    assert [(p.id, p.status, p.status_block) for p in problems_site.problems] == [
        ("policy-1", "done", "policy-1-status"), ("policy-2", "partly-done", "policy-2-status"),
        ("party-1", "done", "party-1-status"), ("party-2", "done", "party-2-status"),
        ("followup-1", "in-progress", "followup-1-status")]


def test_a_status_its_block_does_not_say(problems_project, edit, line_of, problems):
    data = problems_project / "data"
    path = data / "areas/01-policy.yaml"
    edit(path, "  status_block: policy-2-status\n", "  status_block: policy-2-measures\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/areas/01-policy.yaml", line_of(path, "status: partly-done"))
    assert "block `policy-2-measures` does not say the status `partly-done` (“阶段性完成”)" in problem.message


def test_a_status_is_said_in_the_items_own_block_unless_status_block_names_another(problems_project, edit, problems):
    data = problems_project / "data"
    edit(data / "areas/01-policy.yaml", "  status_block: policy-1-status\n", "")
    problem = only(problems(data))
    assert "block `policy-1` does not say the status `done` (“已完成”、“已完成整改”)" in problem.message


def test_a_status_is_said_by_its_label_or_one_of_its_phrases(problems_project, edit, problems):
    # followup-1-status says 正在推进, a phrase of `in-progress`, not its label 推进中.
    data = problems_project / "data"
    edit(data / "statuses.yaml", "    phrases: [正在推进, 持续推进]\n", "")
    problem = only(problems(data))
    assert problem.path == "data/areas/03-followup.yaml"
    assert "block `followup-1-status` does not say the status `in-progress` (“推进中”)" in problem.message


def test_a_status_block_without_a_status(problems_project, edit, line_of, problems):
    data = problems_project / "data"
    path = data / "areas/03-followup.yaml"
    edit(path, "  status: in-progress\n", "")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/areas/03-followup.yaml", line_of(path, "status_block:"))
    assert "`status_block` says where the notice gives a status, but there is no `status`" in problem.message


def test_an_unknown_status(problems_project, edit, line_of, problems):
    data = problems_project / "data"
    path = data / "areas/03-followup.yaml"
    edit(path, "  status: in-progress\n", "  status: in-progres\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/areas/03-followup.yaml", line_of(path, "status: in-progres"))
    assert "unknown status `in-progres`; did you mean `in-progress`?" in problem.message


# --- the problems listed and the totals declared -------------------------------------------------


def test_the_listed_problems_count_what_the_totals_count(problems_site, site):
    assert listed_counts(problems_site) == {"problems": 5, "completed": 3, "in_progress": 1}
    assert listed_counts(site) == {}  # the real notice lists no single problem: its totals stand as declared


def test_declared_problems_that_are_not_the_listed_ones(problems_project, edit, line_of, problems):
    data = problems_project / "data"
    edit(data / "notice.yaml", "3个方面5个问题", "3个方面6个问题")
    edit(data / "round.yaml", "    value: 5\n", "    value: 6\n")
    edit(data / "updates.yaml", "      problems: 5\n", "      problems: 6\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(data / "round.yaml", "value: 6"))
    assert "`problems` is 6, but data/areas/ lists 5 such problems; the two must agree" in problem.message


def test_a_total_a_status_names_that_is_not_the_listed_ones(problems_project, edit, line_of, problems):
    data = problems_project / "data"
    edit(data / "notice.yaml", "  text: 已完成。\n", "  text: 正在推进。\n")
    edit(data / "areas/02-party.yaml", "  status: done\n  status_block: party-1-status\n",
         "  status: in-progress\n  status_block: party-1-status\n")
    problem = only(problems(data))
    round_ = data / "round.yaml"
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(round_, "  completed:\n    value: 3") + 1)
    assert "`completed` is 3, but data/areas/ lists 2 such problems" in problem.message


def test_status_totals_are_compared_only_when_every_problem_has_a_status(problems_project, edit):
    data = problems_project / "data"
    edit(data / "areas/02-party.yaml", "  status: done\n  status_block: party-1-status\n", "")
    site = load_site(data)
    assert listed_counts(site) == {"problems": 5}
    assert site.round.totals.completed.value == 3  # stated, and never refused for the problem whose status is not given


def test_counts_of_different_things_are_not_compared(problems_site):
    # 12条整改措施已完成10条 counts measures; the notice lists 5 problems.
    totals = problems_site.round.totals
    assert (totals.measures_completed.value, totals.measures.value) == (10, 12)
    assert "measures_completed" not in listed_counts(problems_site)


@pytest.mark.parametrize("total", ["measures_completed", "problems"])  # a count of measures; the count of all problems
def test_a_status_that_names_no_total_of_its_problems(problems_project, edit, line_of, problems, total):
    # One mistake, one message: the total it names is not compared with the problems listed.
    data = problems_project / "data"
    path = data / "statuses.yaml"
    edit(path, "    total: completed\n", f"    total: {total}\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/statuses.yaml", line_of(path, f"total: {total}"))
    assert (f"status `done` names `{total}`, which is not a total of problems; "
            "use one of completed, basically_completed, in_progress, not_completed") in problem.message


# --- counts the areas declare -------------------------------------------------------------------


def test_counts_declared_by_some_areas_only(problems_project, edit, line_of, problems):
    data = problems_project / "data"
    edit(data / "areas/01-policy.yaml", "aspect: progress\n", "aspect: progress\ndeclared:\n  problems: 2\n")
    found = problems(data)
    problem = only(found)
    assert (problem.path, problem.line) == ("data/areas/02-party.yaml", line_of(data / "areas/02-party.yaml", "id: party"))
    assert "1 of 3 areas declare `declared.problems`, but not this one; declare it for every area or for none" in problem.message


def test_counts_declared_by_every_area_add_up_to_the_total(problems_project, edit, line_of, problems):
    data = problems_project / "data"
    for name, count in (("01-policy", 2), ("02-party", 2), ("03-followup", 2)):
        edit(data / f"areas/{name}.yaml", "aspect: progress\n", f"aspect: progress\ndeclared:\n  problems: {count}\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(data / "round.yaml", "value: 5"))
    assert "declared 5 problems, but the areas list 6 (`declared.problems` in data/areas/, e.g. data/areas/01-policy.yaml:" in problem.message
