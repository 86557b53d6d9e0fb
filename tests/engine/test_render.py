"""render.py: markers filled from the real data, their errors, and escaping."""
from __future__ import annotations

import dataclasses
import datetime
import html
import re

import markdown
import pytest

from gongshi.errors import InputError
from gongshi.labels import LABELS
from gongshi.markup import md
from gongshi.model import LANGUAGES, Contact, Text
from gongshi.render import RENDERERS, Context, area_page, fill_markers, sitemap_html
from gongshi.render import marker_problems as problems_in

CJK = re.compile(r"[\u4e00-\u9fff]")


def render(site, marker: str, lang: str, page: str = "index.md") -> str:
    return fill_markers(f"<!-- data:{marker} -->\n", Context(site, lang, page), f"docs/{page}")


# What each marker must show of the real data, in each language. The area
# marker is filled for industry-oversight, which holds the figure 1532.
EXPECTED = {
    "round": {
        "zh": ["市委第四巡察组对市交通运输局党委进行了巡察", '<time datetime="2023-10-08">2023年10月8日</time>',
               '<time datetime="2024-02-23">2024年2月23日</time>'],
        "en": ["The Fourth Inspection Team of the Municipal Party Committee inspected the Party Committee of the Municipal Transport Bureau",
               '<time datetime="2023-10-08">8 October 2023</time>', "23 February 2024"],
    },
    "figures": {
        "zh": ['<data value="29">29</data>个', "巡察反馈问题", "已完成整改 26 / 29 个问题（89.7%）", "截至2024年9月12日"],
        "en": ['<data value="29">29</data>', "problems found by the inspection", "26 of 29 problems rectified (89.7%)",
               "as of 12 September 2024"],
    },
    "accountability": {
        "zh": ['<td>谈话教育提醒</td><td><data value="51">51</data>人次</td>', "截至2024年9月12日"],
        "en": ['<td>educational reminder talks</td><td><data value="51">51</data></td>', "<th scope=\"col\">Type</th>",
               "as of 12 September 2024"],
    },
    "meetings": {
        "zh": ['<td>局党委专题会议</td><td><data value="3">3</data>次</td>', "截至2024年9月12日"],
        "en": ['<td>special meetings of the bureau&#x27;s Party Committee</td>', "as of 12 September 2024"],
    },
    "area-cards": {
        "zh": ["(areas/industry-oversight.md)", "二、行业监管责任落实不够到位", "4 项整改措施"],
        "en": ["(areas/industry-oversight.md)", "Industry oversight responsibilities have not been fully carried out", "4 measures"],
    },
    "area industry-oversight": {
        "zh": ["# 二、行业监管责任落实不够到位", "## （二）强化提升农村公路管养水平 {#rural-road-maintenance}",
               '<data value="1532">1532</data>名', "第 2 个方面，共 11 个"],
        "en": ["Industry oversight responsibilities have not been fully carried out", "{#rural-road-maintenance}",
               '<data value="1532">1,532</data>', "area 2 of 11"],
    },
    "approach": {
        "zh": ["## 一是提高政治站位，扛牢巡察整改主体责任 {#responsibility}", "第<data value=\"2\">2</data>", "截至2024年9月12日"],
        "en": ["First: Raising political standing", "{#responsibility}", "No. <data value=\"2\">2</data>", "as of 12 September 2024"],
    },
    "next-steps": {
        "zh": ["下一步，市交通运输局党委", "## （一）加大力度抓好整改后续工作 {#follow-up}"],
        "en": ["Next, the Party Committee", "Stepping up follow", "{#follow-up}"],
    },
    "notice": {
        "zh": ['<p class="gs-notice__signature" id="notice-signature">中共丽水市交通运输局委员会<br><time datetime="2024-09-12">2024年9月12日</time></p>',
               "## [一、关于“党委推进交通强市建设还需持久发力”问题的整改情况。](areas/strong-transport-city.md) {#strong-transport-city}",
               "## [十一、关于“上轮整改不到位”问题的整改情况。](areas/previous-round-followup.md) {#previous-round-followup}"],
        "en": ["Committee of the Communist Party of China of the Lishui Municipal Transport Bureau<br>",
               '<time datetime="2024-09-12">12 September 2024</time>', "Public Notice"],
    },
    "contact": {
        "zh": ['<a href="tel:2615196">2615196</a>', '<a href="mailto:44524776@qq.com">44524776@qq.com</a>', "丽水市紫金路701号", "联系电话"],
        "en": ['<a href="tel:2615196">2615196</a>', '<a href="mailto:44524776@qq.com">44524776@qq.com</a>', "No. 701 Zijin Road, Lishui", "Phone"],
    },
    "timeline": {
        "zh": ['<time datetime="2023-10-08">2023年10月8日</time> 至 <time datetime="2023-11-10">2023年11月10日</time>',
               '<time datetime="2024-02-23">2024年2月23日</time></span> **[巡察组反馈巡察意见](#feedback)**',
               "**[公布整改落实情况](#report)**", "来源：公告原文（[开头](notice.md#notice-intro)、[整改总体情况](notice.md#notice-summary)）"],
        "en": ["8 October 2023</time> – <time", "**[The inspection team gives its feedback](#feedback)**",
               "Source: the official notice ([summary of results](notice.md#notice-summary))"],
    },
    "progress-chart": {
        "zh": ['<title id="gs-chart-title">', "2024年2月23日：巡察反馈问题 29 个，已完成整改的数量未说明；2024年9月12日：巡察反馈问题 29 个，已完成整改 26 个。",
               '<a href="#report"><time datetime="2024-09-12">2024年9月12日</time></a></th><td><data value="29">29</data>个</td><td><data value="26">26</data>个</td>',
               '<td><data value="29">29</data>个</td><td>未说明</td>'],
        "en": ["23 February 2024: 29 problems found by the inspection, the number rectified is not stated; "
               "12 September 2024: 29 problems found by the inspection, 26 rectified.", "<td>not stated</td>"],
    },
    "changes": {
        "zh": ["### 2024年2月23日：巡察组反馈巡察意见 {#feedback}", "这是第一期进展，没有可比较的上一期。",
               "与上一期（2024年2月23日）相比：", '-   巡察反馈问题：<data value="29">29</data>个（无变化）',
               '-   已完成整改的问题：<data value="26">26</data>个（上一期未说明）', "这一期没有给出单项措施的整改状态。"],
        "en": ["### 12 September 2024: The rectification report is published {#report}",
               '-   problems fully rectified: <data value="26">26</data> (not stated before)',
               r"This update gives no status for individual measures\."],
    },
    "downloads": {
        "zh": ['<a href="data/gongshi.json"><code>gongshi.json</code></a>', "全部数据（中文与英文），JSON 格式",
               '<a href="data/areas.csv">', "整改方面，CSV 表格，每行一条", '<a href="data/SHA256SUMS">', " 字节"],
        "en": ["All the data, in Chinese and English, as JSON", "Areas of rectification, a CSV table, one per row", " bytes"],
    },
    "sitemap": {  # filled by the build, which knows every page (test_govsite.py)
        "zh": ['<div class="gs-sitemap" data-gs-sitemap></div>'],
        "en": ['<div class="gs-sitemap" data-gs-sitemap></div>'],
    },
    "source": {
        "zh": ["数据来源：中共丽水市交通运输局委员会《公示公告》，2024年9月12日发布。"],
        "en": ["Source: “Public Notice” published by the Committee of the Communist Party of China of the Lishui Municipal Transport Bureau on 12 September 2024"],
    },
}


def test_every_marker_has_an_expectation():
    assert {marker.split()[0] for marker in EXPECTED} == set(RENDERERS)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("marker", list(EXPECTED))
def test_marker_renders_the_data(site, marker, lang):
    out = render(site, marker, lang)
    assert "<!--" not in out
    for expected in EXPECTED[marker][lang]:
        assert expected in out, f"{expected!r} missing from data:{marker} in {lang}"


@pytest.mark.parametrize("marker", [m for m in EXPECTED if m not in ("notice", "area strong-transport-city", "sitemap")])
def test_english_output_is_english_and_chinese_output_is_chinese(site, marker):
    # (The notice is left out: an English measure text quotes the character 鼋.)
    assert not CJK.search(render(site, marker, "en")), f"Chinese text in the English data:{marker}"
    assert CJK.search(render(site, marker, "zh"))


def test_notice_has_every_area_heading_linked_to_its_page(site):
    for lang in LANGUAGES:
        out = render(site, "notice", lang, "notice.md")
        for area in site.areas:
            assert f"](areas/{area.id}.md) {{#{area.id}}}" in out
        assert out.count("\n## [") == len(site.areas)


def test_notice_in_english_has_the_english_area_titles(site):
    out = render(site, "notice", "en", "notice.md")
    assert "Rectification of the problem" in out
    assert "关于" not in out


# --- numbers -----------------------------------------------------------------------------


def test_english_numbers_have_thousands_separators_chinese_do_not(site):
    en = render(site, "area industry-oversight", "en", "areas/industry-oversight.md")
    zh = render(site, "area industry-oversight", "zh", "areas/industry-oversight.md")
    assert '<data value="1532">1,532</data>' in en
    assert '<data value="6384.6">6,384.6</data>' in en
    assert '<data value="1532">1532</data>名' in zh
    assert '<data value="6384.6">6384.6</data>公里' in zh
    assert "1,532" not in zh


def test_decimal_values_are_written_as_given(site):
    zh = render(site, "area strong-transport-city", "zh", "areas/strong-transport-city.md")
    assert '<data value="126.89">126.89</data>亿元' in zh
    assert '<data value="450">450</data>亿元' in zh  # no 450.0


# --- links ---------------------------------------------------------------------------------


def test_area_cards_link_relative_to_the_page(site):
    home = render(site, "area-cards", "zh", "index.md")
    areas = render(site, "area-cards", "zh", "areas/index.md")
    for area in site.areas:
        assert f"](areas/{area.id}.md)" in home
        assert f"]({area.id}.md)" in areas
    assert "](areas/" not in areas
    assert home.count("](") == len(site.areas)


def test_area_page_links_back_to_the_notice(site):
    out = render(site, "area industry-oversight", "en", "areas/industry-oversight.md")
    assert "](../notice.md#industry-oversight)" in out


def test_notice_links_to_the_pages_it_summarises(site):
    out = render(site, "notice", "zh", "notice.md")
    assert "](approach.md#responsibility)" in out
    assert "](next-steps.md#follow-up)" in out
    assert "](areas/industry-oversight.md#rural-road-maintenance)" in out


def test_generated_area_page_fills(site):
    page = area_page("work-safety")
    out = fill_markers(page, Context(site, "zh", "areas/work-safety.md"), "docs/areas/work-safety.md")
    assert out.startswith("# 四、安全生产领域监管存在漏洞")


def test_text_without_markers_is_unchanged(site):
    text = "# Title\n\n<!-- a plain comment -->\n\nSome *text*.\n"
    assert fill_markers(text, Context(site, "en", "index.md"), "docs/index.md") == text


def test_marker_is_replaced_in_place(site):
    out = fill_markers("before\n<!-- data:source -->\nafter\n", Context(site, "zh", "about.md"), "docs/about.md")
    assert out.startswith("before\n数据来源：")
    assert out.endswith("发布。\nafter\n")


def test_labels_exist_in_every_language():
    assert set(LABELS) == set(LANGUAGES)
    assert set(LABELS["zh"]) == set(LABELS["en"])


# --- parts a notice may lack, and what other notices have -------------------------------


def test_a_xunshi_is_called_so(site):
    r = dataclasses.replace
    xunshi = r(site, round=r(site.round, inspection=r(site.round.inspection, kind="xunshi")))
    assert "进行了巡视" in render(xunshi, "round", "zh") and "<dt>巡视时间</dt>" in render(xunshi, "round", "zh")
    assert "巡视反馈问题 · 第 1 个方面" in render(xunshi, "area strong-transport-city", "zh")
    assert "进行了巡察" not in render(xunshi, "round", "zh")
    assert "<title id=\"gs-chart-title\">巡视反馈问题与已完成整改的问题" in render(xunshi, "progress-chart", "zh")
    assert "**巡视时间**" in render(xunshi, "timeline", "zh")


def test_only_the_declared_totals_are_shown(site):
    r, totals = dataclasses.replace, site.round.totals
    few = r(site, round=r(site.round, totals=r(totals, aspects=None, measures=None, immediate=None, rules_revised=None,
                                               as_of=datetime.date(2024, 8, 31))))
    out = render(few, "figures", "zh")
    assert re.findall(r'gs-figure__value"><data value="(\d+)"', out) == ["29", "26", "16"]  # problems, completed, immediate_completed
    assert out.count("<progress") == 1 and "截至2024年8月31日" in out


def test_optional_parts_of_the_notice(site):
    r, t = dataclasses.replace, Text("整改工作开展情况", "How it was run")
    notice = r(site.notice, commitment=None, summary=None, next_steps_intro=None, approach_heading=t,
               areas_heading=Text("巡察反馈问题整改落实情况", "Findings"), next_steps_heading=Text("下一步工作打算", "Next"))
    out = render(r(site, notice=notice), "notice", "zh", "notice.md")
    assert out.index("## 整改工作开展情况") < out.index("一是") < out.index("## 巡察反馈问题整改落实情况") < out.index("## [一、")
    assert "## 下一步工作打算" in out and "None" not in out
    assert render(r(site, notice=notice), "next-steps", "zh").startswith("## （一）")


def test_aspects_and_statuses_of_areas(site):
    r = dataclasses.replace
    aspect = Text("（一）党的建设方面", "Party building")
    areas = tuple(r(a, aspect=aspect, status=Text("已完成", "Completed")) if a.number <= 2 else a for a in site.areas)
    grouped = r(site, areas=areas)
    page = render(grouped, "area industry-oversight", "en", "areas/industry-oversight.md")
    assert "area 2 of 11 · Party building" in page and '<p class="gs-area-status">Status: Completed</p>' in page
    notice = render(grouped, "notice", "zh", "notice.md")
    assert notice.count('<p class="gs-notice__aspect">（一）党的建设方面</p>') == 1
    assert notice.count('<p class="gs-area-status">完成情况：已完成</p>') == 2


def test_a_contact_with_some_details_and_a_postal_box(site):
    contact = Contact(Text("某局", "A bureau"), phone="0571-1", mailbox=Text("某市1001信箱", "PO Box 1001"))
    out = render(dataclasses.replace(site, contact=contact), "contact", "zh")
    assert "<dt>邮政信箱</dt><dd>某市1001信箱</dd>" in out and "tel:0571-1" in out
    assert "mailto" not in out and "邮编" not in out


# --- marker errors -------------------------------------------------------------------------


def marker_problems(site, text, first_line=1):
    with pytest.raises(InputError) as info:
        fill_markers(text, Context(site, "zh", "index.md"), "docs/index.md", first_line)
    return info.value.problems


def test_unknown_marker_names_file_and_line(site):
    [problem] = marker_problems(site, "# Title\n\n<!-- data:figure -->\n")
    assert (problem.path, problem.line) == ("docs/index.md", 3)
    assert "unknown marker `data:figure`" in problem.message
    assert "did you mean `figures`?" in problem.message


def test_unknown_marker_line_counts_from_first_line(site):
    [problem] = marker_problems(site, "# Title\n\n<!-- data:figure -->\n", first_line=5)
    assert problem.line == 7


def test_empty_marker_is_unknown(site):
    [problem] = marker_problems(site, "<!-- data: -->")
    assert problem.line == 1
    assert "unknown marker `data:`" in problem.message


def test_marker_with_a_stray_argument(site):
    [problem] = marker_problems(site, "text\n<!-- data:figures extra -->\n")
    assert problem.line == 2
    assert "marker `data:figures` takes no argument, but has `extra`" in problem.message


def test_area_marker_without_an_id(site):
    [problem] = marker_problems(site, "<!-- data:area -->")
    assert "marker `data:area` needs one area id, not nothing" in problem.message
    assert "known ids: `strong-transport-city`, `industry-oversight`" in problem.message


def test_area_marker_with_an_unknown_id(site):
    [problem] = marker_problems(site, "\n\n\n<!-- data:area no-such-area -->")
    assert problem.line == 4
    assert "needs one area id, not no-such-area" in problem.message


def test_area_marker_with_two_ids(site):
    [problem] = marker_problems(site, "<!-- data:area work-safety industry-oversight -->")
    assert "needs one area id, not work-safety industry-oversight" in problem.message


def test_marker_over_several_lines_is_reported_at_its_first_line(site):
    [problem] = marker_problems(site, "a\nb\n<!-- data:area\n     nope -->\n")
    assert problem.line == 3


def test_all_bad_markers_are_reported_at_once(site):
    text = (
        "# Title\n"  # 1
        "<!-- data:figures -->\n"  # 2: fine
        "<!-- data:nope -->\n"  # 3
        "\n"  # 4
        "<!-- data:contact x -->\n"  # 5
        "<!-- data:source -->\n"  # 6: fine
        "<!-- data:area missing -->\n"  # 7
    )
    found = marker_problems(site, text, first_line=10)
    assert [(p.path, p.line) for p in found] == [("docs/index.md", 12), ("docs/index.md", 14), ("docs/index.md", 16)]
    assert "unknown marker `data:nope`" in found[0].message
    assert "takes no argument" in found[1].message
    assert "needs one area id" in found[2].message


# --- what looks like a marker but is none ------------------------------------------------------


@pytest.mark.parametrize("written, meant", [
    ("<!-- data：figures -->", "data:figures"),  # the colon a Chinese keyboard types
    ("<!-- Data:figures -->", "data:figures"),
    ("<!-- DATA：AREA-CARDS -->", "data:area-cards"),
    ("<!--data : figures-->", "data:figures"),
    ("<!-- data figures -->", "data:figures"),
    ("<!-- data-contact -->", "data:contact"),
    ("<!-- figures -->", "data:figures"),
    ("<！-- data:figures -->", "data:figures"),
    ("＜!-- data:contact --＞", "data:contact"),
    ("<!- data:figures -->", "data:figures"),
    ("<!-- data:figures ->", "data:figures"),
    ("<!-- data:figures --!>", "data:figures"),
    ("<!-- daat:figure -->", "data:figures"),
    ("<!-- data：area work-safety -->", "data:area work-safety"),
    ("<!-- data:timeline", "data:timeline"),  # never closed: Markdown would hide the rest of the page
])
def test_a_look_alike_marker_is_an_error_with_what_was_meant(site, written, meant):
    [problem] = marker_problems(site, "# Title\n\n" + written + "\n\nText.\n\n<!-- data:source -->\n")
    assert (problem.path, problem.line, problem.column) == ("docs/index.md", 3, 1)
    assert problem.message == (f"`{written}` is not a data marker as written, and would show nothing; "
                               f"did you mean `<!-- {meant} -->`?")
    assert f"是不是想写 `<!-- {meant} -->`" in problem.zh


@pytest.mark.parametrize("comment", ["<!-- a note for editors -->", "<!-- date: 2024-09-12 -->", "<!-- data sources are listed below -->",
                                     "<!-- contact details below -->", "<!--\nTODO\n-->", "<!-- data: figures -->"])
def test_other_comments_and_spaced_markers_are_fine(site, comment):
    assert problems_in("# Title\n\n" + comment + "\n", "docs/index.md", site.areas_by_id) == []


def test_a_look_alike_stops_the_build_as_the_check_does(site):
    with pytest.raises(InputError) as raised:
        fill_markers("<!-- data：figures -->\n", Context(site, "zh", "index.md"), "docs/index.md")
    assert "did you mean `<!-- data:figures -->`?" in raised.value.problems[0].message


# --- escaping -----------------------------------------------------------------------------------

EVIL = "<script>alert(1)</script> **bold** [x](http://evil) `code` _em_"


@pytest.fixture(scope="module")
def evil_site(site):
    """The real site with hostile text in every kind of place text goes."""
    t = Text(zh="中" + EVIL, en="E " + EVIL)
    r = dataclasses.replace
    area = site.areas[0]
    figure = r(area.measures[0].figures[0], label=t)
    measure = r(area.measures[0], title=t, text=t, figures=(figure,))
    area = r(area, title=t, problem=t, aspect=t, status=t, measures=(measure,) + area.measures[1:])
    notice = site.notice
    notice = r(notice, title=t, intro=t, commitment=t, summary=t, next_steps_intro=t, closing=t, signature=t,
               approach_heading=t, areas_heading=t, next_steps_heading=t,
               approach=(r(notice.approach[0], title=t, text=t),) + notice.approach[1:],
               next_steps=(r(notice.next_steps[0], title=t, text=t),) + notice.next_steps[1:])
    rnd = site.round
    rnd = r(rnd, inspection=r(rnd.inspection, team=t, unit=t),
            totals=r(rnd.totals, problems=r(rnd.totals.problems, label=t)),
            accountability=(r(rnd.accountability[0], label=t),) + rnd.accountability[1:],
            meetings=(r(rnd.meetings[0], label=t),) + rnd.meetings[1:])
    contact = r(site.contact, organisation=t, address=t, mailbox=t, email='x"><script>alert(1)</script>@evil.com')
    first, *rest = site.updates
    progress = r(site.progress, updates=(r(first, title=t, text=t),) + tuple(rest))
    return r(site, areas=(area,) + site.areas[1:], notice=notice, round=rnd, contact=contact, progress=progress)


# (downloads and sitemap show no text from data/: file names, labels and page titles)
MARKERS = [m.replace("industry-oversight", "strong-transport-city") for m in EXPECTED if m not in ("downloads", "sitemap")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("marker", MARKERS)
def test_hostile_text_cannot_become_markup(evil_site, marker, lang):
    out = render(evil_site, marker, lang)
    assert "<script" not in out
    assert "&lt;script&gt;" in out
    # Through Python-Markdown with the site's extensions, nothing becomes markup.
    page = markdown.markdown(out, extensions=["attr_list", "md_in_html", "tables", "admonition", "toc"])
    assert "<script" not in page
    assert "<strong>bold" not in page
    assert 'href="http://evil"' not in page
    assert "<code>code" not in page
    assert "<em>em" not in page


@pytest.mark.parametrize("marker", ["area strong-transport-city", "area-cards", "approach", "next-steps", "notice", "source",
                                    "timeline", "changes"])
def test_markdown_specials_are_backslash_escaped_in_markdown_text(evil_site, marker):
    out = render(evil_site, marker, "en")
    assert r"\*\*bold\*\*" in out
    assert r"\[x\]\(http://evil\)" in out
    assert r"\`code\`" in out
    assert r"\_em\_" in out
    if marker not in ("area strong-transport-city", "notice"):  # these also hold text in raw HTML (figure labels, signature)
        assert "**bold**" not in out


@pytest.mark.parametrize("marker", ["round", "figures", "accountability", "meetings", "contact", "progress-chart"])
def test_text_in_html_is_html_escaped(evil_site, marker):
    out = render(evil_site, marker, "en")
    assert "E &lt;script&gt;alert(1)&lt;/script&gt;" in out


@pytest.mark.parametrize("text, shown", [
    ("a\r=====\rb", "a ===== b"),  # a carriage return is a line break to Markdown: a heading underline
    ("a\r\n---\r\nb", "a --- b"),
    ("    four spaces indent code", "four spaces indent code"),
    ("\tso does a tab", "so does a tab"),
    ("1~2 months, ~~~ and ~", "1~2 months, ~~~ and ~"),  # \~ is no escape in Markdown; ~~~ opens code
])
def test_data_text_never_becomes_markdown_blocks(text, shown):
    page = markdown.markdown("Before.\n\n" + md(text) + "\n\nAfter ~~~\n",
                             extensions=["attr_list", "md_in_html", "tables", "admonition", "toc", "fenced_code"])
    assert page.count("<p>") == 3 and "<h" not in page and "<pre" not in page and "<code" not in page
    assert shown in html.unescape(page) and "\\~" not in page


def test_hostile_email_cannot_leave_its_attribute(evil_site):
    out = render(evil_site, "contact", "zh")
    assert 'href="mailto:x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;@evil.com"' in out


def test_the_site_map_escapes_page_titles_and_addresses():
    out = sitemap_html([{"title": EVIL, "url": None, "children": [{"title": "a & b", "url": 'x/"><script>', "children": []}]}])
    assert "<script" not in out
    assert "<strong>&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert '<a href="x/&quot;&gt;&lt;script&gt;">a &amp; b</a>' in out
    assert out.count("<ul") == 2


def test_download_links_start_at_the_top_of_the_site(site):
    out = fill_markers("<!-- data:downloads -->", Context(site, "en", "data.en.md", root="../../"), "docs/data.en.md")
    assert '<a href="../../data/gongshi.json">' in out
    assert '<a href="../../data/figures.csv">' in out
