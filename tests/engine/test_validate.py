"""validate.py, through load_site on an edited copy of the real data (or of the
made-up Chinese-only site, where the real data cannot show a case).

Each test makes one small edit and checks the problem reported: the file as
printed, the line computed from the edited text, and the key phrase. The checks
of references into the notice are in test_validate_notice.py."""
from __future__ import annotations

import shutil

import pytest
from support import only

from gongshi.data import load_site
from gongshi.errors import InputError

AREA2 = "areas/02-industry-oversight.yaml"
SHOWN2 = "data/areas/02-industry-oversight.yaml"
UPDATES = "data/updates.yaml"


def test_the_real_data_is_valid(site):
    assert len(site.areas) == 11
    assert site.languages == ("zh", "en")
    # In the notice's order: each area heads its part of the notice.
    order = [site.block_order[area.block] for area in site.areas]
    assert order == sorted(order)
    assert (site.areas[0].id, site.areas[-1].id) == ("strong-transport-city", "previous-round-followup")


def test_areas_are_in_the_notices_order_whatever_their_file_names(data):
    (data / "areas/01-strong-transport-city.yaml").rename(data / "areas/99-strong-transport-city.yaml")
    site = load_site(data)
    assert site.areas[0].id == "strong-transport-city"
    assert site.area_files["strong-transport-city"] == "data/areas/99-strong-transport-city.yaml"


def test_the_made_up_chinese_only_site_is_valid(problems_site):
    assert problems_site.languages == ("zh",)
    assert [area.id for area in problems_site.areas] == ["policy", "party", "followup"]
    assert len(problems_site.problems) == 5


# --- the shape of each file ------------------------------------------------------------


def test_missing_required_top_level_key(data, edit, line_of, problems):
    edit(data / AREA2, "id: industry-oversight\n", "")
    problem = only(problems(data))
    # Reported where the file's mapping begins, below the schema line.
    assert (problem.path, problem.line) == (SHOWN2, line_of(data / AREA2, "block: industry-oversight"))
    assert "is missing the required key `id`" in problem.message


def test_missing_required_key_in_a_list_item(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "- block: construction-mineral-resources\n", "- id: construction-mineral-resources\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "- id: construction-mineral-resources"))
    assert "`measures item` is missing the required key `block`" in problem.message


def test_number_where_text_is_expected_suggests_quotes(data, edit, line_of, problems):
    path = data / "contact.yaml"
    edit(path, 'phone: "2615196"', "phone: 2615196")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/contact.yaml", line_of(path, "phone: 2615196"))
    assert "`phone` should be text, not the number 2615196; put it in quotes" in problem.message


def test_a_number_where_a_text_belongs_suggests_quotes(problems_project, edit, line_of, problems):
    # The numbering of a problem, `1.`, is a number to YAML.
    data = problems_project / "data"
    path = data / "notice.yaml"
    edit(path, "- id: party-2\n  number: \"2.\"\n", "- id: party-2\n  number: 2.\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/notice.yaml", line_of(path, "number: 2.\n"))
    assert "`number` should be text, or a mapping with `zh`, not the number 2.0; put it in quotes" in problem.message


def test_text_where_a_number_is_expected(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "  - value: 36\n", "  - value: thirty-six\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "value: thirty-six"))
    assert "`value` should be a number, not the text “thirty-six”" in problem.message


def test_text_where_a_whole_number_is_expected(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "      completed: 26\n", "      completed: twenty-six\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "completed: twenty-six"))
    assert "`completed` should be a whole number, not the text “twenty-six”" in problem.message


def test_list_where_a_mapping_belongs(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "  problems:\n    value: 29\n", "  problems:\n  - value: 29\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "  problems:"))
    assert "`problems` should be a mapping with `value`, `unit`, `label`, `block`, `id`, not a list" in problem.message


def test_a_list_where_a_text_belongs(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "  text:\n    zh: 公示公告\n    en: Public Notice\n", "  text: [公示, 公告]\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/notice.yaml", line_of(path, "text: [公示, 公告]"))
    assert "`text` should be text, or a mapping with `zh`, `en`, not a list" in problem.message


def test_unknown_key_suggests_the_nearest(data, edit, line_of, problems):
    path = data / AREA2
    edit(path, "measures:\n", "measure:\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "measure:\n"))
    assert "unknown key `measure`" in problem.message
    assert "did you mean `measures`?" in problem.message


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


# --- texts in the languages of the site ------------------------------------------------------------


def test_a_plain_string_is_the_text_in_the_first_language(problems_site):
    # A site in Chinese only: no text of it is asked for, or holds, any other language.
    assert dict(problems_site.info.name) == {"zh": "示例县市场监督管理局巡察整改情况公示"}
    assert dict(problems_site.unit("ge").writes) == {"zh": "{n}个"}


def test_a_plain_string_on_a_site_with_two_languages_lacks_the_second(data, edit, line_of, problems):
    path = data / "notice.yaml"
    edit(path, "  text:\n    zh: 公示公告\n    en: Public Notice\n", "  text: 公示公告\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/notice.yaml", line_of(path, "text: 公示公告"))
    assert "`text` has no English text; add `en: …`" in problem.message


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
    edit(path, "    en: Public Notice\n", "    en:\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/notice.yaml", line_of(path, "    en:\n"))
    assert "`text` has no English text" in problem.message


def test_empty_quoted_chinese_text(data, edit, line_of, problems):
    path = data / "contact.yaml"
    edit(path, "  zh: 丽水市紫金路701号\n", '  zh: ""\n')
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/contact.yaml", line_of(path, 'zh: ""'))
    assert "`address` has no Chinese text; add `zh: …`" in problem.message


def test_a_key_that_is_no_language_suggests_the_sites(data, edit, line_of, problems):
    path = data / "contact.yaml"
    edit(path, "  en: No. 701 Zijin Road, Lishui\n", "  en: No. 701 Zijin Road, Lishui\n  eng: No. 701 Zijin Road\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/contact.yaml", line_of(path, "eng:"))
    assert "`address` has text in `eng`, which is not a language; did you mean `en`?" in problem.message


def test_text_in_a_language_the_site_does_not_list_is_left_out(problems_project, edit):
    data = problems_project / "data"
    edit(data / "site.yaml", "issuer: 中共示例县市场监督管理局党组\n",
         "issuer:\n  zh: 中共示例县市场监督管理局党组\n  en: The Party Group of the Example County Market Regulation Bureau\n")
    assert dict(load_site(data).info.issuer) == {"zh": "中共示例县市场监督管理局党组"}


# --- the languages of data/site.yaml -------------------------------------------------------------------


@pytest.mark.parametrize("languages, message", [
    ("[]", "`languages` lists no language; list the notice's first, e.g. [zh]"),
    ("[zh, en, zh]", "`languages` lists a language twice"),
    ("[zh, fr]", "`languages item` should be a language code (zh, en), not the text “fr”"),
])
def test_the_languages_of_the_site(data, edit, line_of, problems, languages, message):
    path = data / "site.yaml"
    edit(path, "languages: [zh, en]\n", f"languages: {languages}\n")
    found = problems(data)
    assert any(p.path == "data/site.yaml" and p.line == line_of(path, "languages:") and message in p.message for p in found), \
        "\n".join(map(str, found))


def test_the_first_language_is_the_notices(data, edit):
    edit(data / "site.yaml", "languages: [zh, en]\n", "languages: [zh]\n")
    site = load_site(data)
    assert site.languages == ("zh",)
    assert dict(site.notice.blocks[0].text) == {"zh": "公示公告"}  # the English translation is left out


# --- ids -------------------------------------------------------------------------------------


def test_duplicate_area_id(data, edit, line_of, problems):
    area3 = data / "areas/03-enforcement-and-approvals.yaml"
    edit(area3, "id: enforcement-and-approvals\n", "id: industry-oversight\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/areas/03-enforcement-and-approvals.yaml", line_of(area3, "id: industry-oversight"))
    assert "area id `industry-oversight` is used twice" in problem.message
    assert f"first in {SHOWN2}:{line_of(data / AREA2, 'id: industry-oversight')}" in problem.message


def test_a_measures_id_is_its_blocks_unless_it_names_one(site):
    measures = site.area("industry-oversight").measures
    assert [(m.id, m.block) for m in measures[:2]] == [
        ("construction-quality-oversight", "construction-quality-oversight"), ("rural-road-maintenance", "rural-road-maintenance")]


def test_duplicate_measure_id_within_an_area(data, edit, line_of, problems):
    path = data / AREA2
    first = line_of(path, "- block: construction-quality-oversight")
    edit(path, "- block: rural-road-maintenance\n", "- block: rural-road-maintenance\n  id: construction-quality-oversight\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "id: construction-quality-oversight"))
    assert "problem or measure id `construction-quality-oversight` is used twice" in problem.message
    assert f"first in {SHOWN2}:{first}" in problem.message


def test_the_same_measure_id_in_two_areas_is_refused(data, edit, line_of, problems):
    # An update names an item by its id alone, so ids are unique across the site.
    path = data / AREA2
    edit(path, "- block: rural-road-maintenance\n", "- block: rural-road-maintenance\n  id: trunk-line-projects\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (SHOWN2, line_of(path, "id: trunk-line-projects"))
    area1 = data / "areas/01-strong-transport-city.yaml"
    assert f"first in data/areas/01-strong-transport-city.yaml:{line_of(area1, '- block: trunk-line-projects')}" in problem.message


def test_two_areas_headed_by_one_block(data, edit, line_of, problems):
    path = data / "areas/03-enforcement-and-approvals.yaml"
    edit(path, "block: enforcement-and-approvals\n", "block: industry-oversight\n")
    found = problems(data)
    problem = only([p for p in found if "used twice" in p.message])
    assert (problem.path, problem.line) == ("data/areas/03-enforcement-and-approvals.yaml", line_of(path, "block: industry-oversight"))
    assert "area block `industry-oversight` is used twice" in problem.message


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
    edit(path, "    zh: 2024年9月12日\n", "    zh: 2024年1月1日\n")  # the date block prints the notice's date
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
    edit(data / "notice.yaml", "整改率100%", "整改率101%")  # keep the block quoting the figure
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
    assert "the figure “37项” does not occur in block `construction-quality-oversight`; a figure must quote its block" in problem.message


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


def test_completed_more_than_problems(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "    value: 26\n", "    value: 30\n")
    found = problems(data)
    problem = only([p for p in found if "is more than" in p.message])
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "  completed:"))
    assert "`completed` (30) is more than `problems` (29)" in problem.message
    # ... and the update that holds the notice's figures no longer agrees.
    assert "`completed` is 26 here but 30 in data/round.yaml" in only([p for p in found if p.path == "data/updates.yaml"]).message


def test_immediate_completed_more_than_immediate(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "  immediate_completed:\n    value: 16\n", "  immediate_completed:\n    value: 17\n")
    problem = only([p for p in problems(data) if "is more than" in p.message])
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "  immediate_completed:"))
    assert "`immediate_completed` (17) is more than `immediate` (16)" in problem.message


def test_a_total_the_notice_does_not_state_is_left_out(data, edit):
    edit(data / "round.yaml", "  rules_revised:\n    value: 68\n    unit: xiang\n    label:\n      zh: 新修订完善制度\n"
         "      en: rules newly revised or improved\n    block: summary\n", "")
    assert load_site(data).round.totals.rules_revised is None


def test_statuses_adding_up_to_more_than_the_problems(data, edit, line_of, problems):
    path = data / "round.yaml"
    edit(path, "  immediate:\n", "  in_progress:\n    value: 16\n    unit: ge\n    label: {zh: 阶段性完成, en: in part}\n"
         "    block: summary\n  immediate:\n")
    edit(data / "updates.yaml", "      completed: 26\n", "      completed: 26\n      in_progress: 16\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "  in_progress:"))
    assert "`completed` + `in_progress` make 42, more than the 29 `problems`" in problem.message


COMPLETION_RATE = "  completion_rate:\n    value: {}\n    unit: percent\n    label: {{zh: 完成率, en: rate}}\n    block: summary\n"


def with_completion_rate(data, edit, rate: str):
    """A completion rate in round.yaml, and the notice's summary stating it."""
    edit(data / "notice.yaml", "目前完成整改26个；", f"目前完成整改26个，完成率{rate}%；")
    edit(data / "round.yaml", "  immediate:\n", COMPLETION_RATE.format(rate) + "  immediate:\n")


def test_a_completion_rate_that_does_not_follow_from_the_counts(data, edit, line_of, problems):
    path = data / "round.yaml"
    with_completion_rate(data, edit, "80")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/round.yaml", line_of(path, "  completion_rate:"))
    assert "`completion_rate` is 80%, but `completed`/`problems` makes 89.7%" in problem.message


def test_a_completion_rate_rounded_by_the_notice_is_accepted(data, edit):
    with_completion_rate(data, edit, "89.7")
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
    assert "expected xuncha (巡察), xunshi (巡视) or shenji (审计)" in problem.message


def test_a_notice_without_areas_loads(data):
    # A notice in 一是…二是… paragraphs has no areas: its blocks and totals are the site.
    shutil.rmtree(data / "areas")
    (data / "areas").mkdir()
    site = load_site(data)
    assert site.areas == () and site.round.totals.problems.value == 29


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
    edit(area, "block: industry-oversight\n", "block: Industry-Oversight\n")
    found = problems(data)
    assert [(p.path, p.line) for p in found] == [
        (SHOWN2, line_of(area, "block: Industry-Oversight")),
        (SHOWN2, line_of(area, "value: -36")),
        ("data/contact.yaml", line_of(contact, "phone: 2615196")),
        ("data/round.yaml", line_of(round_, "feedback: 2024-02-30")),
    ]
    assert "the id of a block of data/notice.yaml" in found[0].message
    assert "cannot be less than 0" in found[1].message
    assert "put it in quotes" in found[2].message
    assert "not a real date" in found[3].message


def test_several_site_wide_problems_are_all_reported_sorted(data, edit, line_of, problems):
    round_, area, area11 = data / "round.yaml", data / AREA2, data / "areas/11-previous-round-followup.yaml"
    edit(round_, "    value: 26\n", "    value: 30\n")
    edit(area, "    unit: jia\n", "    unit: jai\n")
    edit(area11, "- block: illegal-operation-oversight\n", "- block: illegal-operation-oversight\n  id: three-importants-system\n")
    found = problems(data)
    assert [(p.path, p.line) for p in found] == [
        (SHOWN2, line_of(area, "unit: jai")),
        ("data/areas/11-previous-round-followup.yaml", line_of(area11, "id: three-importants-system")),
        ("data/round.yaml", line_of(round_, "  completed:")),
        ("data/round.yaml", line_of(round_, "value: 30")),
        ("data/updates.yaml", line_of(data / "updates.yaml", "      completed: 26")),
    ]
    assert "unknown unit `jai`" in found[0].message
    assert "problem or measure id `three-importants-system` is used twice" in found[1].message
    assert "`completed` (30) is more than `problems` (29)" in found[2].message
    assert "the figure “30个” does not occur in block `summary`" in found[3].message
    assert "`completed` is 26 here but 30 in data/round.yaml" in found[4].message


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

# Statuses for two measures, by their ids, given in the first update of a copy of the real data.
ITEM_STATUSES = """    source:
      notice: [intro, summary]
    statuses:
      - item: rural-road-maintenance
        status: in-progress
      - item: hazard-inspection-campaign
        status: done
"""


def with_item_statuses(data, edit):
    edit(data / "updates.yaml", "    source:\n      notice: [intro, summary]\n", ITEM_STATUSES)


def test_item_statuses_are_read(data, edit):
    with_item_statuses(data, edit)
    first = load_site(data).updates[0]
    assert [(s.item, s.status) for s in first.statuses] == [("rural-road-maintenance", "in-progress"), ("hazard-inspection-campaign", "done")]


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
                       "      en: immediate problems rectified\n    block: summary\n")


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


def test_source_with_both_the_notice_and_a_document(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "      notice: [intro, summary]\n", "      notice: [intro, summary]\n      title:\n        zh: 文件\n        en: File\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "notice: [intro, summary]"))
    assert "must name either blocks of the notice" in problem.message


def test_source_with_neither(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "    source:\n      notice: [summary]\n", "    source:\n      url: https://example.org/report\n")
    found = problems(data)
    problem = only([p for p in found if "must name either" in p.message])
    assert problem.line == line_of(path, "url: https://example.org/report")


def test_a_count_the_cited_blocks_do_not_state(data, edit, line_of, problems):
    path = data / "updates.yaml"
    edit(path, "notice: [intro, summary]", "notice: [intro]")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "      problems: 29\n    source:\n      notice: [intro]"))
    assert "`problems` (29) is not stated in the blocks of data/notice.yaml that update `feedback` cites (intro)" in problem.message


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
    edit(path, "item: hazard-inspection-campaign", "item: hazard-inspection-campain")
    edit(path, "status: done\n", "status: finished\n")
    found = problems(data)
    assert [(p.path, p.line) for p in found] == [
        (UPDATES, line_of(path, "item: hazard-inspection-campain")),
        (UPDATES, line_of(path, "status: finished")),
    ]
    assert "no problem or measure `hazard-inspection-campain` in data/areas/; did you mean `hazard-inspection-campaign`?" in found[0].message
    assert "unknown status `finished`; known statuses: `not-started`" in found[1].message
    assert "未知的状态 `finished`" in found[1].zh


def test_the_same_item_twice_in_one_update(data, edit, line_of, problems):
    with_item_statuses(data, edit)
    path = data / "updates.yaml"
    edit(path, "      - item: hazard-inspection-campaign\n", "      - item: rural-road-maintenance\n")
    problem = only(problems(data))
    first = line_of(path, "        status: in-progress") - 1
    assert (problem.path, problem.line) == (UPDATES, first + 2)
    assert f"gives the status of `rural-road-maintenance` twice (first at {UPDATES}:{first})" in problem.message


def test_an_update_gives_the_status_of_a_problem_by_its_id(problems_project, edit):
    data = problems_project / "data"
    edit(data / "updates.yaml", "      notice: [intro]\n", "      notice: [intro]\n    statuses:\n      - item: policy-1\n"
                                "        status: not-started\n")
    site = load_site(data)
    assert [(s.item, s.status) for s in site.update("feedback").statuses] == [("policy-1", "not-started")]


def test_the_update_holding_the_notice_does_not_repeat_an_items_status(problems_project, edit, line_of, problems):
    # The notice gives policy-1 its status in data/areas/: the update that holds the notice says it already.
    data = problems_project / "data"
    path = data / "updates.yaml"
    edit(path, "      notice: [summary]\n", "      notice: [summary]\n    statuses:\n      - item: policy-1\n        status: done\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == (UPDATES, line_of(path, "item: policy-1"))
    area = data / "areas/01-policy.yaml"
    assert (f"`policy-1` has the status the notice gives it in data/areas/01-policy.yaml:{line_of(area, 'status: done')}; "
            "update `report` holds the notice's figures and statuses, so it does not give one again") in problem.message


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


def test_a_nav_page_that_does_not_exist(data, edit, line_of, problems):
    path = data / "site.yaml"
    edit(path, "  - about.md\n", "  - abuot.md\n")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/site.yaml", line_of(path, "nav:\n"))
    assert "the nav lists `abuot.md`, but there is no docs/abuot.md" in problem.message


def test_a_page_of_a_nav_section_that_does_not_exist(data, edit, line_of, problems):
    path = data / "site.yaml"
    edit(path, "pages: [areas/index.md]", "pages: [area/index.md]")
    problem = only(problems(data))
    assert (problem.path, problem.line) == ("data/site.yaml", line_of(path, "pages: [area/index.md]"))
    assert "the nav lists `area/index.md`, but there is no docs/area/index.md" in problem.message


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


COMMITMENT = "    zh: 市交通运输局党委把巡察整改作为重大政治任务来抓，"


@pytest.mark.parametrize("written, code", [(r"\x01", "U+0001"), (r"\x1b[31m", "U+001B"), (r"\x7f", "U+007F"),
                                           (r"\x85", "U+0085"), (r"\ud800", "U+D800"), (r"\uffff", "U+FFFF")])
def test_characters_that_pages_and_feeds_cannot_carry(data, edit, line_of, problems, written, code):
    edit(data / "notice.yaml", COMMITMENT, f'    zh: "市交通运输局党委{written}把巡察整改作为重大政治任务来抓，')
    edit(data / "notice.yaml", "切实做好巡察整改工作。\n", '切实做好巡察整改工作。"\n')
    problem = only(problems(data))
    assert problem.line == line_of(data / "notice.yaml", f"市交通运输局党委{written}")
    assert f"`text` contains the invisible character {code}" in problem.message and code in problem.zh


def test_tabs_and_line_breaks_are_text(data, edit):
    edit(data / "notice.yaml", COMMITMENT, '    zh: "市交通运输局党委\\t把巡察整改\\r\\n作为重大政治任务来抓，')
    edit(data / "notice.yaml", "切实做好巡察整改工作。\n", '切实做好巡察整改工作。"\n')
    assert "市交通运输局党委\t把巡察整改\r\n作为" in load_site(data).block("commitment").text["zh"]
