"""validate.py, through load_site on an edited copy of the real data.

Each test makes one small edit and checks the problem reported: the file as
printed, the line computed from the edited text, and the key phrase."""
from __future__ import annotations

import shutil

import pytest

from gongshi.data import load_site
from gongshi.errors import InputError

AREA2 = "areas/02-industry-oversight.yaml"
SHOWN2 = "data/areas/02-industry-oversight.yaml"


def only(found):
    assert len(found) == 1, "expected one problem, got:\n" + "\n".join(map(str, found))
    return found[0]


def test_the_real_data_is_valid(site):
    assert len(site.areas) == 11
    assert [area.number for area in site.areas] == list(range(1, 12))


# --- the shape of each file ------------------------------------------------------------


def test_missing_required_top_level_key(data, edit, line_of, problems):
    edit(data / AREA2, "id: industry-oversight\n", "")
    problem = only(problems(data))
    # Reported where the file's mapping begins, below the schema line.
    assert (problem.path, problem.line) == (SHOWN2, line_of(data / AREA2, "number: 2"))
    assert "is missing the required key `id`" in problem.message


def test_missing_required_key_in_a_list_item(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "  title:\n    zh: 强化提升农村公路管养水平\n    en: Raising the standard of rural road management and maintenance\n", "")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "- id: rural-road-maintenance"))
    assert "`measures item` is missing the required key `title`" in problem.message


def test_number_where_text_is_expected_suggests_quotes(data, edit, line_of, problems):
    path = data / "contact.yaml"
    edit(path, 'phone: "2615196"', "phone: 2615196")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/contact.yaml", line_of(path, "phone: 2615196"))
    assert "`phone` should be text, not the number 2615196; put it in quotes" in problem.message


def test_text_where_a_number_is_expected(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "  - value: 36\n", "  - value: thirty-six\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "value: thirty-six"))
    assert "`value` should be a number, not the text “thirty-six”" in problem.message


def test_text_where_a_whole_number_is_expected(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "number: 2\n", "number: two\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "number: two"))
    assert "`number` should be a whole number" in problem.message


def test_list_where_a_mapping_belongs(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "  problems:\n    value: 29\n", "  problems:\n  - value: 29\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "  problems:"))
    assert "`problems` should be a mapping with `value`, `unit`, `label`, `id`, not a list" in problem.message


def test_text_where_a_translated_mapping_belongs(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "title:\n  zh: 公示公告\n  en: Public Notice\n", "title: 公示公告\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/notice.yaml", line_of(path, "title: 公示公告"))
    assert "`title` should be a mapping with `zh`, `en`, not the text “公示公告”" in problem.message


def test_unknown_key_suggests_the_nearest(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "measures:\n", "measure:\n")
    found = problems(data)
    line = line_of(path, "measure:\n")
    unknown = [p for p in found if "unknown key" in p.message]
    problem = only(unknown)
    assert (problem.path, problem.line) == (SHOWN2, line)
    assert "unknown key `measure`" in problem.message
    assert "did you mean `measures`?" in problem.message
    # ... and `measures` itself is then missing.
    assert any("missing the required key `measures`" in p.message for p in found)


def test_unknown_key_far_from_any_lists_the_known_keys(data, edit, line_of, problems):
    path = data / "contact.yaml"
    edit(path, 'postcode: "323000"\n', 'postcode: "323000"\nfax: "2615197"\n')
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/contact.yaml", line_of(path, "fax:"))
    assert "unknown key `fax`" in problem.message
    assert "known keys: `organisation`, `phone`, `address`, `postcode`, `email`" in problem.message


def test_id_that_is_not_an_id(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "id: industry-oversight\n", "id: Industry_Oversight\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "id: Industry_Oversight"))
    assert "an id (lowercase letters, digits and hyphens)" in problem.message


def test_pattern_of_a_postcode(data, edit, line_of, problems):
    path = data / "contact.yaml"
    edit(path, 'postcode: "323000"', 'postcode: "32300"')
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/contact.yaml", line_of(path, "postcode:"))
    assert "`postcode` is “32300”, which does not look right" in problem.message


# --- translations ----------------------------------------------------------------------------


def test_missing_english_translation_names_the_field(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "      en: problems found in inspections of asphalt pavement construction (all rectified)\n", "")
    problem = only(problems(data))
    # Reported on the line of the key whose translation is missing.
    label = line_of(path, "      zh: 发现问题") - 1
    assert (problem.path, problem.line) == (SHOWN2, label)
    assert path.read_text(encoding="utf-8").splitlines()[label - 1].strip() == "label:"
    assert "`label` has no English text; add `en: …`" in problem.message


def test_empty_english_translation_names_the_field(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "  en: Public Notice\n", "  en:\n")
    problem = only(problems(data))
    line = line_of(path, "  en:\n")
    assert (problem.path, problem.line) == ("data/notice.yaml", line)
    assert "`title` has no English text" in problem.message


def test_empty_quoted_chinese_text(data, edit, line_of, problems):
    path = data / "contact.yaml"
    edit(path, "  zh: 丽水市紫金路701号\n", '  zh: ""\n')
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/contact.yaml", line_of(path, 'zh: ""'))
    assert "`address` has no Chinese text; add `zh: …`" in problem.message


# --- ids -------------------------------------------------------------------------------------


def test_duplicate_area_id(data, edit, line_of, problems):
    area3 = data / "areas/03-enforcement-and-approvals.yaml"
    edit(area3, "id: enforcement-and-approvals\n", "id: industry-oversight\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/areas/03-enforcement-and-approvals.yaml", line_of(area3, "id: industry-oversight"))
    assert "area id `industry-oversight` is used twice" in problem.message
    assert f"first in {SHOWN2}:{line_of(data / AREA2, 'id: industry-oversight')}" in problem.message


def test_duplicate_measure_id_within_an_area(data, edit, line_of, problems):
    path = data / AREA2
    first = line_of(path, "- id: construction-quality-oversight")
    second = line_of(path, "- id: rural-road-maintenance")
    edit(path, "- id: rural-road-maintenance\n", "- id: construction-quality-oversight\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, second)
    assert "measure id `construction-quality-oversight` is used twice" in problem.message
    assert f"first in {SHOWN2}:{first}" in problem.message


def test_same_measure_id_in_two_areas_is_allowed(data, edit):
    edit(data / AREA2, "- id: rural-road-maintenance\n", "- id: trunk-line-projects\n")
    site = load_site(data)
    assert site.areas[1].measures[1].id == "trunk-line-projects"


# --- dates -------------------------------------------------------------------------------------


def test_impossible_date(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "feedback: 2024-02-23", "feedback: 2024-02-30")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "feedback: 2024-02-30"))
    assert "`feedback` is not a real date: 2024-02-30" in problem.message


def test_feedback_before_the_end_of_the_inspection(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "feedback: 2024-02-23", "feedback: 2023-11-01")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "feedback: 2023-11-01"))
    assert "`feedback` (2023-11-01) is before `end` (2023-11-10)" in problem.message


def test_end_before_start(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "start: 2023-10-08", "start: 2023-12-01")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "end: 2023-11-10"))
    assert "`end` (2023-11-10) is before `start` (2023-12-01)" in problem.message


def test_notice_published_before_the_feedback(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "date: 2024-09-12", "date: 2024-01-01")
    found = problems(data)
    problem = only([p for p in found if p.path == "data/notice.yaml"])
    assert problem.line == line_of(path, "date: 2024-01-01")
    assert "is before the feedback (2024-02-23)" in problem.message
    # ... and the update that holds the notice's figures is now dated after it.
    assert "update `report` holds the notice's figures, so it cannot be dated after the notice" in only(
        [p for p in found if p.path == "data/updates.yaml"]).message


# --- figures ------------------------------------------------------------------------------------


def test_percent_above_100(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "整改率100%", "整改率101%")  # keep the text quoting the figure
    edit(path, "  - value: 100\n    unit: percent\n", "  - value: 101\n    unit: percent\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "value: 101"))
    assert "value 101 is more than 100, the most a figure in `percent` can be" in problem.message


def test_negative_count(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "  - value: 36\n", "  - value: -36\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "value: -36"))
    assert "`value` is -36; it cannot be less than 0" in problem.message


def test_unknown_unit_suggests_the_nearest(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "    unit: jia\n", "    unit: jai\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "unit: jai"))
    assert "unknown unit `jai`; did you mean `jia`?" in problem.message


def test_unknown_unit_far_from_any_lists_them(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "    value: 117\n    unit: tiao\n", "    value: 117\n    unit: zzzz\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "unit: zzzz"))
    assert "unknown unit `zzzz`; known units: `ge`, `fangmian`" in problem.message


def test_figure_not_in_the_chinese_text(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "  - value: 36\n", "  - value: 37\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "value: 37"))
    assert "the figure “37项” does not occur in the Chinese text of `construction-quality-oversight`" in problem.message


def test_figure_matching_only_the_tail_of_a_bigger_number_is_reported(data, edit, line_of, problems):
    # A deleted digit: the text says 36项, the figure says 6. "6项" is a
    # substring of "共发现36项问题", but the notice states no figure 6.
    path = data / AREA2
    edit(path, "  - value: 36\n", "  - value: 6\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "- value: 6\n"))
    assert "the figure “6项” does not occur" in problem.message


def test_decimal_figure_must_match_the_text(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "  - value: 4.7\n", "  - value: 4.8\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "value: 4.8"))
    assert "the figure “4.8公里” does not occur" in problem.message


# --- the site as a whole ---------------------------------------------------------------------------


def test_areas_not_numbered_one_to_n(data, edit, line_of, problems):
    path = data / "areas/11-previous-round-followup.yaml"
    edit(path, "number: 11\n", "number: 12\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/areas/11-previous-round-followup.yaml", line_of(path, "number: 12"))
    assert "areas are numbered [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]; number them 1 to 11 without gaps" in problem.message


def test_duplicate_area_number(data, edit, line_of, problems):
    path = data / "areas/11-previous-round-followup.yaml"
    edit(path, "number: 11\n", "number: 10\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/areas/11-previous-round-followup.yaml", line_of(path, "number: 10"))
    assert "area number `10` is used twice" in problem.message


def test_area_number_zero(data, edit, line_of, problems):
    path = data / "areas/01-strong-transport-city.yaml"
    edit(path, "number: 1\n", "number: 0\n")
    problem = only(problems(data))
    assert problem.line == line_of(path, "number: 0")
    assert "`number` is 0; it cannot be less than 1" in problem.message


def test_completed_more_than_problems(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "    value: 26\n", "    value: 30\n")
    found = problems(data)
    problem = only([p for p in found if p.path == "data/round.yaml"])
    assert problem.line == line_of(path, "  completed:")
    assert "`completed` (30) is more than `problems` (29)" in problem.message
    # ... and the update that holds the notice's figures no longer agrees.
    assert "`completed` is 26 here but 30 in data/round.yaml" in only([p for p in found if p.path == "data/updates.yaml"]).message


def test_immediate_completed_more_than_immediate(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "  immediate_completed:\n    value: 16\n", "  immediate_completed:\n    value: 17\n")
    problem = only([p for p in problems(data) if p.path == "data/round.yaml"])
    assert problem.line == line_of(path, "  immediate_completed:")
    assert "`immediate_completed` (17) is more than `immediate` (16)" in problem.message


def test_a_total_the_notice_does_not_state_is_left_out(data, edit):
    edit(data / "round.yaml", "  rules_revised:\n    value: 68\n    unit: xiang\n    label:\n      zh: 新修订完善制度\n"
         "      en: rules newly revised or improved\n", "")
    assert load_site(data).round.totals.rules_revised is None


def test_statuses_adding_up_to_more_than_the_problems(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "  immediate:\n", "  in_progress:\n    value: 4\n    unit: ge\n    label: {zh: 阶段性完成, en: in part}\n  immediate:\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "  in_progress:"))
    assert "`completed` + `in_progress` make 30, more than the 29 `problems`" in problem.message


def test_a_completion_rate_that_does_not_follow_from_the_counts(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "  immediate:\n", "  completion_rate:\n    value: 80\n    unit: percent\n    label: {zh: 完成率, en: rate}\n  immediate:\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "  completion_rate:"))
    assert "`completion_rate` is 80%, but `completed`/`problems` makes 89.7%" in problem.message


def test_a_completion_rate_rounded_by_the_notice_is_accepted(data, edit):
    edit(data / "round.yaml", "  immediate:\n", "  completion_rate:\n    value: 89.7\n    unit: percent\n"
         "    label: {zh: 完成率, en: rate}\n  immediate:\n")
    assert load_site(data).round.totals.completion_rate.value == 89.7


def test_as_of_before_the_feedback(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "  rules_revised:\n", "  as_of: 2024-01-31\n  rules_revised:\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "as_of:"))
    assert "`as_of` (2024-01-31) should fall between the feedback (2024-02-23) and the notice (2024-09-12)" in problem.message


def test_the_kind_of_inspection(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "  feedback: 2024-02-23\n", "  feedback: 2024-02-23\n  kind: xunca\n")
    problem = only(problems(data))
    assert problem.line == line_of(path, "kind: xunca")
    assert "expected xuncha (巡察) or xunshi (巡视)" in problem.message


def test_no_area_files(data, problems):
    shutil.rmtree(data / "areas")
    (data / "areas").mkdir()
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/areas/", 1)
    assert "no area files" in problem.message


def test_missing_file(data, problems):
    (data / "units.yaml").unlink()
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/units.yaml", 1)
    assert "cannot read the file" in problem.message


# --- all at once ---------------------------------------------------------------------------------------


def test_several_problems_in_different_files_are_all_reported_sorted(data, edit, line_of, problems):
    contact, round_, area = data / "contact.yaml", data / "round.yaml", data / AREA2
    edit(contact, 'phone: "2615196"', "phone: 2615196")
    edit(round_, "feedback: 2024-02-23", "feedback: 2024-02-30")
    edit(area, "  - value: 36\n", "  - value: -36\n")
    edit(area, "number: 2\n", "number: two\n")
    found = problems(data)
    assert [(p.path, p.line) for p in found] == [
        (SHOWN2, line_of(area, "number: two")),
        (SHOWN2, line_of(area, "value: -36")),
        ("data/contact.yaml", line_of(contact, "phone: 2615196")),
        ("data/round.yaml", line_of(round_, "feedback: 2024-02-30")),
    ]
    assert "whole number" in found[0].message
    assert "cannot be less than 0" in found[1].message
    assert "put it in quotes" in found[2].message
    assert "not a real date" in found[3].message


def test_several_site_wide_problems_are_all_reported_sorted(data, edit, line_of, problems):
    round_, area, area11 = data / "round.yaml", data / AREA2, data / "areas/11-previous-round-followup.yaml"
    edit(round_, "    value: 26\n", "    value: 30\n")
    edit(area, "    unit: jia\n", "    unit: jai\n")
    duplicate = line_of(area11, "- id: illegal-operation-oversight")
    edit(area11, "- id: illegal-operation-oversight\n", "- id: three-importants-system\n")
    found = problems(data)
    assert [(p.path, p.line) for p in found] == [
        (SHOWN2, line_of(area, "unit: jai")),
        ("data/areas/11-previous-round-followup.yaml", duplicate),
        ("data/round.yaml", line_of(round_, "  completed:")),
        ("data/updates.yaml", line_of(data / "updates.yaml", "      completed: 26")),
    ]
    assert "unknown unit `jai`" in found[0].message
    assert "measure id `three-importants-system` is used twice" in found[1].message
    assert "`completed` (30) is more than `problems` (29)" in found[2].message
    assert "`completed` is 26 here but 30 in data/round.yaml" in found[3].message


def test_the_error_message_lists_every_problem(data, edit, line_of):
    contact, round_ = data / "contact.yaml", data / "round.yaml"
    edit(contact, 'phone: "2615196"', "phone: 2615196")
    edit(round_, "feedback: 2024-02-23", "feedback: 2024-02-30")
    with pytest.raises(InputError) as info:
        load_site(data)
    lines = str(info.value).splitlines()
    assert len(lines) == 2
    # FILE:LINE:COL, as editors' problem matchers read it.
    assert lines[0].startswith(f"data/contact.yaml:{line_of(contact, 'phone: 2615196')}:1: `phone` should be text")
    assert lines[1].startswith(f"data/round.yaml:{line_of(round_, 'feedback: 2024-02-30')}:3: `feedback` is not a real date")


# --- statuses and updates -------------------------------------------------------------------------

UPDATES = "data/updates.yaml"
# Statuses for two measures, given in the first update of a copy of the real data.
ITEM_STATUSES = """    source:
      notice: [intro, summary]
    statuses:
      - area: industry-oversight
        measure: rural-road-maintenance
        status: in-progress
      - area: work-safety
        measure: hazard-inspection-campaign
        status: done
"""


def with_item_statuses(data, edit):
    edit(data / "updates.yaml", "    source:\n      notice: [intro, summary]\n", ITEM_STATUSES)


def test_item_statuses_are_read(data, edit):
    with_item_statuses(data, edit)
    first = load_site(data).updates[0]
    assert [(s.area, s.measure, s.status) for s in first.statuses] == [
        ("industry-oversight", "rural-road-maintenance", "in-progress"), ("work-safety", "hazard-inspection-campaign", "done")]


def test_update_before_the_feedback(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "date: 2024-02-23", "date: 2024-02-22")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "date: 2024-02-22"))
    assert "update `feedback` is dated 2024-02-22, before the feedback (2024-02-23)" in problem.message
    assert "早于 data/round.yaml 中的反馈日期" in problem.zh


def test_updates_out_of_order(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "date: 2024-02-23", "date: 2024-09-13")
    found = problems(data)
    problem = only([p for p in found if "oldest first" in p.message])
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "date: 2024-09-12"))
    assert "update `report` (2024-09-12) is not after `feedback` (2024-09-13)" in problem.message


def test_two_updates_on_one_date(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "date: 2024-02-23", "date: 2024-09-12")
    problem = only(problems(data))
    assert problem.line == line_of(path, "  - id: report") + 1
    assert "one per date" in problem.message


def test_duplicate_update_id(data, edit, line_of, problems):
    path = data / "updates.yaml"
    first = line_of(path, "  - id: feedback")
    edit(path, "  - id: feedback\n", "  - id: report\n")
    found = problems(data)
    problem = only([p for p in found if "used twice" in p.message])
    assert "update id `report` is used twice" in problem.message
    assert f"first in {UPDATES}:{first}" in problem.message


def test_figures_as_of_an_unknown_update(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "figures_as_of: report\n", "figures_as_of: reprot\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "figures_as_of: reprot"))
    assert "`figures_as_of` names no update `reprot`; did you mean `report`?" in problem.message


def test_figures_as_of_an_update_that_does_not_cite_the_notice(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "    source:\n      notice: [summary]\n",
         "    source:\n      title:\n        zh: 某份文件\n        en: A document\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "figures_as_of: report"))
    assert "does not cite data/notice.yaml" in problem.message


def test_figures_update_must_state_what_round_states(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "      immediate_completed: 16\n", "")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "      completed: 26") - 1)  # where the totals begin
    assert "`immediate_completed` is nothing here but 16 in data/round.yaml" in problem.message
    assert "`immediate_completed` 在这里是 未填写" in problem.zh


IMMEDIATE_COMPLETED = ("  immediate_completed:\n    value: 16\n    unit: ge\n    label:\n      zh: 立行立改、即知即改问题中已整改到位\n"
                       "      en: immediate problems rectified\n")


def test_figures_update_must_not_state_what_round_leaves_out(data, edit, line_of, problems):
    edit(data / "round.yaml", IMMEDIATE_COMPLETED, "")
    path = data / "updates.yaml"
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "      immediate_completed: 16"))
    assert "`immediate_completed` is 16 here but nothing in data/round.yaml" in problem.message
    assert "在 data/round.yaml 中是 未填写" in problem.zh


def test_a_count_neither_states_is_not_compared(data, edit):
    edit(data / "round.yaml", IMMEDIATE_COMPLETED, "")
    edit(data / "updates.yaml", "      immediate_completed: 16\n", "")
    site = load_site(data)
    assert site.round.totals.immediate_completed is None and site.figures_update.totals.immediate_completed is None


def test_figures_update_dated_other_than_the_day_round_counts_to(data, edit, line_of, problems):
    edit(data / "round.yaml", "  rules_revised:\n", "  as_of: 2024-08-31\n  rules_revised:\n")
    path = data / "updates.yaml"
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "date: 2024-09-12"))
    assert "which data/round.yaml counts to `as_of` (2024-08-31); date the update 2024-08-31" in problem.message
    assert "请将进展日期写为 2024-08-31" in problem.zh


def test_figures_update_dated_the_day_round_counts_to(data, edit):
    edit(data / "round.yaml", "  rules_revised:\n", "  as_of: 2024-08-31\n  rules_revised:\n")
    edit(data / "updates.yaml", "date: 2024-09-12", "date: 2024-08-31")
    assert load_site(data).figures_update.date.isoformat() == "2024-08-31"


def test_an_update_citing_a_paragraph_the_notice_leaves_out(data, edit, line_of, problems):
    notice = (data / "notice.yaml").read_text(encoding="utf-8")
    commitment = notice[notice.index("commitment:\n"): notice.index("approach:\n")]
    edit(data / "notice.yaml", commitment, "")
    path = data / "updates.yaml"
    edit(path, "notice: [intro, summary]", "notice: [intro, commitment, summary]")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "notice: [intro, commitment, summary]"))
    assert "update `feedback` cites `commitment`, which data/notice.yaml leaves out" in problem.message
    assert "data/notice.yaml 中没有这一段" in problem.zh


def test_source_with_both_the_notice_and_a_document(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "      notice: [intro, summary]\n", "      notice: [intro, summary]\n      title:\n        zh: 文件\n        en: File\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "notice: [intro, summary]"))
    assert "must name either paragraphs of the notice" in problem.message


def test_source_with_neither(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "    source:\n      notice: [summary]\n", "    source:\n      url: https://example.org/report\n")
    found = problems(data)
    problem = only([p for p in found if "must name either" in p.message])
    assert problem.line == line_of(path, "url: https://example.org/report")


def test_unknown_notice_paragraph(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "notice: [summary]", "notice: [sumary]")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "notice: [sumary]"))
    assert "data/notice.yaml has no paragraph `sumary`; did you mean `summary`?" in problem.message


def test_a_count_the_cited_paragraphs_do_not_state(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "notice: [intro, summary]", "notice: [intro]")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "      problems: 29\n    source:\n      notice: [intro]"))
    assert "`problems` (29) is not stated in the paragraphs of data/notice.yaml that update `feedback` cites (intro)" in problem.message


def test_an_update_count_above_its_whole(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "      problems: 29\n    source:\n      notice: [intro, summary]\n",
         "      problems: 29\n      completed: 30\n    source:\n      title:\n        zh: 文件\n        en: File\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "completed: 30"))
    assert "`completed` (30) is more than `problems` (29)" in problem.message


def test_item_status_references_are_checked(data, edit, line_of, problems):
    with_item_statuses(data, edit)
    path = data / "updates.yaml"
    edit(path, "      - area: industry-oversight\n", "      - area: industry-oversite\n")
    edit(path, "measure: hazard-inspection-campaign", "measure: hazard-inspection-campain")
    edit(path, "status: done\n", "status: finished\n")
    found = problems(data)
    assert [(p.path, p.line) for p in found] == [
        (UPDATES, line_of(path, "area: industry-oversite")),
        (UPDATES, line_of(path, "measure: hazard-inspection-campain")),
        (UPDATES, line_of(path, "status: finished")),
    ]
    assert "unknown area `industry-oversite`; did you mean `industry-oversight`?" in found[0].message
    assert "area `work-safety` has no measure `hazard-inspection-campain`; did you mean `hazard-inspection-campaign`?" in found[1].message
    assert "unknown status `finished`; known statuses: `not-started`" in found[2].message
    assert "未知的状态 `finished`" in found[2].zh


def test_the_same_measure_twice_in_one_update(data, edit, line_of, problems):
    with_item_statuses(data, edit)
    path = data / "updates.yaml"
    edit(path, "      - area: work-safety\n        measure: hazard-inspection-campaign\n",
         "      - area: industry-oversight\n        measure: rural-road-maintenance\n")
    problem = only(problems(data))
    first = line_of(path, "        status: in-progress") - 2
    assert (problem.path, problem.line) == (UPDATES, first + 3)
    assert f"gives the status of `industry-oversight` / `rural-road-maintenance` twice (first at {UPDATES}:{first})" in problem.message


def test_status_colour_and_done_are_checked(data, edit, line_of, problems):
    path = data / "statuses.yaml"
    edit(path, 'colour: "#757575"', "colour: grey")
    edit(path, "    done: true\n", "    done: maybe\n")
    found = problems(data)
    assert [(p.path, p.line) for p in found] == [
        ("data/statuses.yaml", line_of(path, "colour: grey")), ("data/statuses.yaml", line_of(path, "done: maybe"))]
    assert "`colour` is “grey”, which does not look right; expected a colour written #RRGGBB" in found[0].message
    assert "`done` should be true or false, not the text “maybe”" in found[1].message


def test_duplicate_status_id(data, edit, line_of, problems):
    path = data / "statuses.yaml"
    edit(path, "  - id: partly-done\n", "  - id: in-progress\n")
    problem = only(problems(data))
    assert "status id `in-progress` is used twice" in problem.message


def test_staleness_threshold_is_at_least_a_day(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "stale_after_days: 183", "stale_after_days: 0")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "stale_after_days: 0"))
    assert "`stale_after_days` is 0; it cannot be less than 1" in problem.message


def test_staleness_threshold_defaults_to_six_months(data, edit):
    edit(data / "updates.yaml", "stale_after_days: 183\n", "")
    assert load_site(data).progress.stale_after_days == 183


# --- data/site.yaml ---------------------------------------------------------------------


def test_site_settings_may_all_be_left_empty(site):
    assert site.info.icp is None and site.info.police_record is None
    assert site.updated == site.published == site.notice.date


def test_an_update_date_before_the_notice_is_refused(data, edit, line_of, problems):
    edit(data / "site.yaml", "updated:\n", "updated: 2024-09-01\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/site.yaml", line_of(data / "site.yaml", "updated: 2024-09-01"))
    assert "`updated` (2024-09-01) is before the notice `date` (2024-09-12)" in problem.message


def test_a_later_update_date_is_the_site_update_date(data, edit):
    edit(data / "site.yaml", "updated:\n", "updated: 2024-10-01\n")
    site = load_site(data)
    assert (site.published.isoformat(), site.updated.isoformat()) == ("2024-09-12", "2024-10-01")


def test_a_malformed_icp_number_is_refused(data, edit, line_of, problems):
    edit(data / "site.yaml", "icp:\n", "icp: 12345678\n")
    problem = only(problems(data))
    assert problem.line == line_of(data / "site.yaml", "icp: 12345678")
    assert "`icp` should be text, not the number 12345678; put it in quotes" in problem.message


def test_the_site_mark_image_must_be_in_docs(data, edit, line_of, problems):
    edit(data / "site.yaml", "gov_site_mark:\n", "gov_site_mark:\n  image: assets/images/mark.png\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/site.yaml", line_of(data / "site.yaml", "image: assets/images/mark.png"))
    assert "the image `assets/images/mark.png` is not in docs/" in problem.message
    assert "党政机关网站标识" in problem.zh
    image = data.parent / "docs" / "assets" / "images" / "mark.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"\x89PNG")
    assert load_site(data).info.gov_site_mark.image == "assets/images/mark.png"


@pytest.mark.parametrize("image", ["//evil.example/mark.png", "/etc/mark.png", "../../mark.png", "assets/../../mark.png"])
def test_the_site_mark_image_is_a_path_inside_docs(data, edit, line_of, problems, image):
    edit(data / "site.yaml", "gov_site_mark:\n", f"gov_site_mark:\n  image: {image}\n")
    problem = only(problems(data))
    assert problem.line == line_of(data / "site.yaml", f"image: {image}")
    assert f"`{image}` is not a path inside docs/" in problem.message and "docs/ 中的路径" in problem.zh


def test_the_site_mark_image_behind_a_link_out_of_the_project_is_not_in_docs(data, edit, problems, tmp_path):
    edit(data / "site.yaml", "gov_site_mark:\n", "gov_site_mark:\n  image: mark.png\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "mark.png").symlink_to("/etc/os-release")
    assert "the image `mark.png` is not in docs/" in only(problems(data)).message


# --- values no page can show: the check refuses what the build could not show ---------------------


@pytest.mark.parametrize("written, says", [
    (".nan", "`value` is not a number (.nan)"),
    (".inf", "`value` is infinite (.inf)"),
    ("-.inf", "`value` is infinite (.inf)"),
    ("1.0e+300", "`value` is 1e+300"),
    ("1" * 400, "`value` is a whole number of 400 digits"),
    ("1000000000000001", "`value` is a whole number of 16 digits"),
])
def test_numbers_no_page_can_show(data, edit, line_of, problems, written, says):
    edit(data / AREA2, "  - value: 36\n", f"  - value: {written}\n")
    problem = only(problems(data))
    assert problem.line == line_of(data / AREA2, f"value: {written}")
    assert says in problem.message and "at most 1,000,000,000,000,000" in problem.message and "最大" in problem.zh


def test_the_largest_count_builds(data, edit, tmp_path):
    """10**15 problems pass the check, and the progress chart draws them (it once stopped at 5 × 10**12)."""
    from gongshi.markup import Context
    from gongshi.progress import render_progress_chart
    huge = 10**15
    for name in ("round.yaml", "updates.yaml", "notice.yaml"):
        path = data / name
        path.write_text(path.read_text(encoding="utf-8").replace("29", str(huge)), encoding="utf-8")
    site = load_site(data)
    assert site.round.totals.problems.value == huge
    assert f'data-total="{huge}"' in render_progress_chart(Context(site, "en", "progress.md"))


@pytest.mark.parametrize("written, code", [(r"\x01", "U+0001"), (r"\x1b[31m", "U+001B"), (r"\x7f", "U+007F"),
                                           (r"\x85", "U+0085"), (r"\ud800", "U+D800"), (r"\uffff", "U+FFFF")])
def test_characters_that_pages_and_feeds_cannot_carry(data, edit, line_of, problems, written, code):
    edit(data / AREA2, "  zh: 行业监管责任落实不够到位\n", f'  zh: "行业监管{written}责任落实不够到位"\n')
    problem = only(problems(data))
    assert problem.line == line_of(data / AREA2, f"行业监管{written}")
    assert f"`zh` contains the invisible character {code}" in problem.message and code in problem.zh


def test_tabs_and_line_breaks_are_text(data, edit):
    edit(data / AREA2, "  zh: 行业监管责任落实不够到位\n", '  zh: "行业监管\\t责任\\r\\n落实不够到位"\n')
    assert "行业监管\t责任\r\n落实" in load_site(data).area("industry-oversight").problem.zh
