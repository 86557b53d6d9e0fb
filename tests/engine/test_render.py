"""render.py: markers filled from the real data, their errors, and escaping;
the notice page from its blocks; area pages and the dashboard of a notice that
lists its problems (the made-up Chinese-only site)."""
from __future__ import annotations

import dataclasses
import datetime
import html
import re
from html.parser import HTMLParser

import markdown
import pytest

from gongshi.errors import InputError
from gongshi.labels import LABELS, LANGUAGES
from gongshi.model import Contact, Text
from gongshi.render import MARKERS, Context, fill_markers, generated_pages, marker_problems, shown_on, sitemap_html
from gongshi.validate import printed
from gongshi.markup import md

CJK = re.compile(r"[\u4e00-\u9fff]")
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]
# The pages of the real site whose excerpt markers show blocks of the notice.
EXCERPTS = {"approach.md": "<!-- data:excerpt responsibility system-thinking -->\n",
            "next-steps.md": "<!-- data:excerpt next-steps long-term-mechanisms -->\n"}


def render(site, marker: str, lang: str, page: str = "index.md", shown: dict | None = None, root: str = "") -> str:
    """A marker filled on `page`, whose URL is `root` below the top of the site (raw HTML links start there)."""
    ctx = Context(site, lang, page, root=root, shown_on=shown or {})
    return fill_markers(f"<!-- data:{marker} -->\n", ctx, f"docs/{page}")


def notice_page(site, lang: str, pages: dict = EXCERPTS) -> str:
    """The notice page as the build fills it, each block linked to the page that shows it structured."""
    return render(site, "notice", lang, "notice.md", shown_on(site, pages))


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
        "zh": ['<data value="29">29</data>个', '<a href="notice/#summary">巡察反馈问题</a>', "已完成整改 26 / 29 个问题（89.7%）",
               '<a href="notice/#coordination">整改举措</a>', "截至2024年9月12日"],
        "en": ['<data value="29">29</data>', '<a href="en/notice/#summary">problems found by the inspection</a>',
               "26 of 29 problems rectified (89.7%)", "as of 12 September 2024"],
    },
    "accountability": {
        "zh": ['<td><a href="notice/#summary">谈话教育提醒</a></td><td><data value="51">51</data>人次</td>', "截至2024年9月12日"],
        "en": ['<td><a href="en/notice/#summary">educational reminder talks</a></td><td><data value="51">51</data></td>',
               '<th scope="col">Type</th>', "as of 12 September 2024"],
    },
    "meetings": {
        "zh": ['<td><a href="notice/#coordination">局党委专题会议</a></td><td><data value="3">3</data>次</td>', "截至2024年9月12日"],
        "en": ['<a href="en/notice/#coordination">special meetings of the bureau&#x27;s Party Committee</a>', "as of 12 September 2024"],
    },
    "area-cards": {
        "zh": ["(areas/industry-oversight.md)", "二、行业监管责任落实不够到位", "4 项整改措施"],
        "en": ["(areas/industry-oversight.md)", "Industry oversight responsibilities have not been fully carried out", "4 measures"],
    },
    "area industry-oversight": {
        "zh": ["# 二、行业监管责任落实不够到位",
               "## [（二）强化提升农村公路管养水平。](notice.md#rural-road-maintenance) {#rural-road-maintenance}",
               '<data value="1532">1532</data>名', "第 2 个方面，共 11 个"],
        "en": ["Industry oversight responsibilities have not been fully carried out", "{#rural-road-maintenance}",
               '<data value="1532">1,532</data>', "area 2 of 11"],
    },
    "excerpt responsibility system-thinking": {
        "zh": ["## [一是提高政治站位，扛牢巡察整改主体责任。](notice.md#responsibility) {#responsibility}",
               '第<data value="2">2</data>', "截至2024年9月12日"],
        "en": ["First: Raising political standing", "{#responsibility}", 'No. <data value="2">2</data>', "as of 12 September 2024"],
    },
    "excerpt next-steps long-term-mechanisms": {
        "zh": ["下一步，市交通运输局党委", "## [（一）加大力度抓好整改后续工作。](notice.md#follow-up) {#follow-up}"],
        "en": ["Next, the Party Committee", "Stepping up follow", "{#follow-up}"],
    },
    "notice": {
        "zh": ['<p class="gs-notice__signature"><span id="signature">中共丽水市交通运输局委员会</span><br>'
               '<time id="date" datetime="2024-09-12">2024年9月12日</time></p>',
               "# 公示公告 { #title .gs-notice__title }",
               "## 一、关于“党委推进交通强市建设还需持久发力”问题的整改情况。 { #strong-transport-city }"],
        "en": ['<span id="signature">Committee of the Communist Party of China of the Lishui Municipal Transport Bureau</span><br>',
               '<time id="date" datetime="2024-09-12">12 September 2024</time>', "# Public Notice { #title"],
    },
    "contact": {
        "zh": ['<a href="tel:2615196">2615196</a>', '<a href="mailto:44524776@qq.com">44524776@qq.com</a>', "丽水市紫金路701号", "联系电话"],
        "en": ['<a href="tel:2615196">2615196</a>', '<a href="mailto:44524776@qq.com">44524776@qq.com</a>', "No. 701 Zijin Road, Lishui", "Phone"],
    },
    "timeline": {
        "zh": ['<time datetime="2023-10-08">2023年10月8日</time> 至 <time datetime="2023-11-10">2023年11月10日</time>',
               '<time datetime="2024-02-23">2024年2月23日</time></span> **[巡察组反馈巡察意见](#feedback)**',
               "**[公布整改落实情况](#report)**", "来源：公告原文（[根据市委统一部署，202…](notice.md#intro)、[巡察整改期间，市交通运输…](notice.md#summary)）"],
        "en": ["8 October 2023</time> – <time", "**[The inspection team gives its feedback](#feedback)**",
               "Source: the official notice ([During the inspection rectification peri…](notice.md#summary))"],
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
               '-   已完成整改的问题：<data value="26">26</data>个（上一期未说明）', "这一期没有给出单个问题或措施的整改状态。"],
        "en": ["### 12 September 2024: The rectification report is published {#report}",
               '-   problems fully rectified: <data value="26">26</data> (not stated before)',
               r"This update gives no status for single problems or measures\."],
    },
    "downloads": {
        "zh": ['<a href="data/gongshi.json"><code>gongshi.json</code></a>', "全部数据（中文与英文），JSON 格式",
               '<a href="data/areas.csv">', "整改方面，CSV 表格，每行一条", '<a href="data/blocks.csv">', '<a href="data/SHA256SUMS">', " 字节"],
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
    assert {marker.split()[0] for marker in EXPECTED} == set(MARKERS)


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


def test_labels_exist_in_every_language():
    # `month_names` only where a language writes its months as words (format.format_date).
    assert set(LABELS) == set(LANGUAGES)
    assert set(LABELS["zh"]) == set(LABELS["en"]) - {"month_names"}


# --- the notice page, from its blocks --------------------------------------------------


class _TextById(HTMLParser):
    """The text of every element with an id, in the order the elements open."""

    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self._open = {}, []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        element_id = dict(attrs).get("id")
        self._open.append(element_id)
        if element_id is not None:
            self.texts[element_id] = ""

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            self._open.pop()

    def handle_data(self, data):
        for element_id in self._open:
            if element_id is not None:
                self.texts[element_id] += data


def texts_by_id(markdown_text: str) -> dict[str, str]:
    parser = _TextById()
    parser.feed(markdown.markdown(markdown_text, extensions=EXTENSIONS))
    return parser.texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_notice_page_prints_every_block_verbatim_in_order_under_its_anchor(site, lang):
    shown = texts_by_id(notice_page(site, lang))
    blocks = site.notice.blocks
    assert [element for element in shown if element in site.blocks_by_id] == [block.id for block in blocks]
    for block in blocks:
        assert shown[block.id] == printed(block, lang), block.id


def test_the_notice_page_of_a_notice_in_the_2023_template(problems_site):
    # Numbers, labels (整改情况：) and texts as printed; a heading at level 2 one step below level 1.
    out = render(problems_site, "notice", "zh", "notice.md")
    shown = texts_by_id(out)
    assert [element for element in shown if element in problems_site.blocks_by_id] == [b.id for b in problems_site.notice.blocks]
    assert shown["policy-1"] == "1.服务市场主体不够精准。"
    assert shown["policy-1-measures"] == "整改情况：开展“进企业、解难题”走访活动，走访企业120家，解决问题35个。"
    assert "## 二、集中整改期内整改进展情况 { #progress }" in out
    assert "### （一）关于落实党的路线方针政策方面 { #policy }" in out
    assert '<time id="date" datetime="2024-10-15">二〇二四年十月十五日</time>' in out


def test_the_signature_and_date_close_the_notice_at_the_right(site):
    out = notice_page(site, "zh")
    signature = '<p class="gs-notice__signature"><span id="signature">中共丽水市交通运输局委员会</span><br><time id="date" datetime="2024-09-12">'
    assert out.index("{: #closing }") < out.index(signature)
    assert out.rstrip().endswith("</time></p>\n\n</div>")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_notice_links_every_area_heading_to_its_page(site, lang):
    out = notice_page(site, lang)
    for area in site.areas:
        assert f"](areas/{area.id}.md) {{ #{area.id} }}" in out
    assert out.count("\n## [") == len(site.areas)


def test_the_notice_links_to_the_pages_that_show_its_blocks(site):
    out = notice_page(site, "zh")
    assert "**[一是提高政治站位，扛牢巡察整改主体责任。](approach.md#responsibility)**" in out
    assert "](next-steps.md#follow-up)" in out
    assert "](areas/industry-oversight.md#rural-road-maintenance)" in out
    # A block no page shows is not a link.
    assert "市交通运输局党委把巡察整改作为重大政治任务来抓" in out and "](approach.md#commitment)" not in out


def test_the_english_notice_has_the_english_blocks(site):
    out = notice_page(site, "en")
    assert "Rectification of the problem" in out
    assert "关于" not in out


# --- where each block is shown, and the pages generated from data -------------------------------


def test_each_block_is_shown_on_its_area_page_or_the_page_that_excerpts_it(site):
    shown = shown_on(site, EXCERPTS)
    assert shown["industry-oversight"] == "areas/industry-oversight.md"
    assert shown["rural-road-maintenance"] == "areas/industry-oversight.md#rural-road-maintenance"
    assert shown["responsibility"] == "approach.md#responsibility"
    assert shown["coordination"] == "approach.md#coordination"  # inside the range an excerpt names
    assert shown["long-term-mechanisms"] == "next-steps.md#long-term-mechanisms"
    assert "commitment" not in shown and "title" not in shown


def test_a_bad_excerpt_marker_shows_nothing(site):
    shown = shown_on(site, {"x.md": "<!-- data:excerpt nowhere -->\n<!-- data:excerpt system-thinking responsibility -->\n"})
    assert not any(target.startswith("x.md") for target in shown.values())


def test_the_generated_pages_are_one_per_area(site):
    pages = generated_pages(site)
    assert list(pages) == [f"areas/{area.id}.md" for area in site.areas]
    page = pages["areas/work-safety.md"]
    assert (page.markdown, page.source, page.follows) == (
        "<!-- data:area work-safety -->\n", "data/areas/04-work-safety.yaml", "areas/index.md")
    out = fill_markers(page.markdown, Context(site, "zh", "areas/work-safety.md"), "docs/areas/work-safety.md")
    assert out.startswith("# 四、安全生产领域监管存在漏洞")


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
    out = render(site, "area industry-oversight", "en", "areas/industry-oversight.md", root="../../")
    assert "](../notice.md#industry-oversight)" in out
    # Each figure, to its block, in the page's language: raw HTML links by URL.
    assert '<a href="../../en/notice/#rural-road-maintenance">road section chiefs</a>' in out


def test_text_without_markers_is_unchanged(site):
    text = "# Title\n\n<!-- a plain comment -->\n\nSome *text*.\n"
    assert fill_markers(text, Context(site, "en", "index.md"), "docs/index.md") == text


def test_marker_is_replaced_in_place(site):
    out = fill_markers("before\n<!-- data:source -->\nafter\n", Context(site, "zh", "about.md"), "docs/about.md")
    assert out.startswith("before\n数据来源：")
    assert out.endswith("发布。\nafter\n")


def test_download_links_start_at_the_top_of_the_site(site):
    out = fill_markers("<!-- data:downloads -->", Context(site, "en", "data.en.md", root="../../"), "docs/data.en.md")
    assert '<a href="../../data/gongshi.json">' in out
    assert '<a href="../../data/figures.csv">' in out


def test_the_downloads_name_the_sites_languages(problems_site):
    out = render(problems_site, "downloads", "zh", "data.md")
    assert "全部数据（中文），JSON 格式" in out
    assert "英文" not in out


# --- a notice that lists its problems, each with its status -----------------------------------


def test_an_area_page_with_its_problems_and_their_statuses(problems_site):
    out = render(problems_site, "area policy", "zh", "areas/policy.md", root="../../")
    assert out.startswith("# （一）关于落实党的路线方针政策方面\n")  # no quote: the whole heading
    assert "巡察反馈问题 · 第 1 个方面，共 3 个 · 二、集中整改期内整改进展情况" in out  # its aspect
    # A problem without a lead: its number leads to its place in the notice.
    assert "**[1\\.](../notice.md#policy-1)**服务市场主体不够精准。\n{: #policy-1 }" in out
    # The status the notice gives, linked to the block that gives it.
    policy_1 = out[out.index("{: #policy-1 }"): out.index("{: #policy-1-measures }")]
    assert ">已完成</span> <a class=\"gs-status__source\" href=\"../../notice/#policy-1-status\">原文</a>" in policy_1
    # Each problem is followed by its measures, with their figures.
    assert out.index("{: #policy-1 }") < out.index("{: #policy-1-measures }") < out.index("{: #policy-2 }")
    assert "**[整改情况：](../notice.md#policy-1-measures)**开展" in out
    assert '<a href="../../notice/#policy-1-measures">走访企业</a>' in out


def test_an_areas_status_is_its_slowest_problems(problems_site):
    out = render(problems_site, "area policy", "zh", "areas/policy.md")
    area_status = out[: out.index("{#status-history}")]
    assert '<p class="gs-item-status">完成情况：<span class="gs-status" style="--gs-status-colour: #1565c0">' in area_status
    assert "阶段性完成</span></p>" in area_status  # no source link: the site works it out, the notice does not say it


def test_an_area_quoted_from_its_heading(problems_site):
    assert render(problems_site, "area party", "zh", "areas/party.md").startswith("# （二）加强党的建设\n")


def test_the_sites_own_words_are_marked_as_not_the_notices(problems_site):
    out = render(problems_site, "area policy", "zh", "areas/policy.md")
    assert ('<aside class="gs-site-words"><p class="gs-site-words__label">本站的说明（不是公告原文）</p>'
            "<p>本方面两个问题，一个已完成整改，一个阶段性完成。</p></aside>") in out
    assert "gs-site-words" not in render(problems_site, "area party", "zh", "areas/party.md")


def test_the_area_cards_count_problems_where_the_notice_lists_them(problems_site):
    out = render(problems_site, "area-cards", "zh")
    assert "[（一）关于落实党的路线方针政策方面](areas/policy.md)\n\n    2 个问题" in out
    assert "[（三）关于巡察整改方面](areas/followup.md)\n\n    1 个问题" in out


def _by_status(out: str) -> list[tuple[str, ...]]:
    """(status, count) of each item of the count by status, as a reader sees them."""
    return [tuple(re.sub(r"<[^>]+>", "", item).split()) for item in re.findall(r"<li>(.*?)</li>", out)]


def test_the_dashboard_counts_the_problems_by_status(problems_site):
    out = render(problems_site, "figures", "zh")
    assert "巡察反馈问题的整改状态（5 个问题）" in out
    assert _by_status(out) == [("推进中", "1"), ("阶段性完成", "1"), ("已完成", "3")]


def test_the_dashboard_counts_problems_whose_status_is_not_given(problems_site):
    r = dataclasses.replace
    area = problems_site.area("party")
    unstated = r(area, problems=(r(area.problems[0], status=None, status_block=None),) + area.problems[1:])
    site = r(problems_site, areas=tuple(unstated if a.id == "party" else a for a in problems_site.areas))
    assert _by_status(render(site, "figures", "zh")) == [("推进中", "1"), ("阶段性完成", "1"), ("已完成", "2"), ("未说明", "1")]


def test_a_notice_without_a_list_of_problems_shows_no_count_by_status(site):
    assert "data-gs-by-status" not in render(site, "figures", "zh")


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


def test_a_contact_with_some_details_and_a_postal_box(site):
    contact = Contact(Text(zh="某局", en="A bureau"), phone="0571-1", mailbox=Text(zh="某市1001信箱", en="PO Box 1001"))
    out = render(dataclasses.replace(site, contact=contact), "contact", "zh")
    assert "<dt>邮政信箱</dt><dd>某市1001信箱</dd>" in out and "tel:0571-1" in out
    assert "mailto" not in out and "邮编" not in out


# --- marker errors -------------------------------------------------------------------------


def bad_markers(site, text, first_line=1):
    with pytest.raises(InputError) as info:
        fill_markers(text, Context(site, "zh", "index.md"), "docs/index.md", first_line)
    return info.value.problems


def test_unknown_marker_names_file_and_line(site):
    [problem] = bad_markers(site, "# Title\n\n<!-- data:figure -->\n")
    assert (problem.path, problem.line) == ("docs/index.md", 3)
    assert "unknown marker `data:figure`" in problem.message
    assert "did you mean `figures`?" in problem.message


def test_unknown_marker_line_counts_from_first_line(site):
    [problem] = bad_markers(site, "# Title\n\n<!-- data:figure -->\n", first_line=5)
    assert problem.line == 7


def test_empty_marker_is_unknown(site):
    [problem] = bad_markers(site, "<!-- data: -->")
    assert problem.line == 1
    assert "unknown marker `data:`" in problem.message


def test_marker_with_a_stray_argument(site):
    [problem] = bad_markers(site, "text\n<!-- data:figures extra -->\n")
    assert problem.line == 2
    assert "marker `data:figures` takes no argument, but has `extra`" in problem.message


def test_area_marker_without_an_id(site):
    [problem] = bad_markers(site, "<!-- data:area -->")
    assert "marker `data:area` needs one area id, not nothing" in problem.message
    assert "known ids: `strong-transport-city`, `industry-oversight`" in problem.message


def test_area_marker_with_an_unknown_id(site):
    [problem] = bad_markers(site, "\n\n\n<!-- data:area no-such-area -->")
    assert problem.line == 4
    assert "needs one area id, not no-such-area" in problem.message


def test_area_marker_with_two_ids(site):
    [problem] = bad_markers(site, "<!-- data:area work-safety industry-oversight -->")
    assert "needs one area id, not work-safety industry-oversight" in problem.message


@pytest.mark.parametrize("arguments, message", [
    ("", "marker `data:excerpt` needs a block id, or the first and last of a range, not nothing"),
    (" intro commitment summary", "needs a block id, or the first and last of a range, not intro commitment summary"),
    (" sumary", "marker `data:excerpt` names no block of data/notice.yaml: `sumary`; did you mean `summary`?"),
    (" system-thinking responsibility",
     "marker `data:excerpt`: `system-thinking` comes after `responsibility` in the notice; name the first block first"),
])
def test_the_excerpt_markers_arguments(site, arguments, message):
    [problem] = marker_problems(f"<!-- data:excerpt{arguments} -->", "docs/x.md", site)
    assert message in problem.message


@pytest.mark.parametrize("arguments", ["summary", "summary closing", "summary summary"])
def test_an_excerpt_of_one_block_or_a_range(site, arguments):
    assert marker_problems(f"<!-- data:excerpt {arguments} -->", "docs/x.md", site) == []


def test_the_block_ids_of_markers_are_not_checked_without_data():
    # When the data did not load, `gongshi check` still checks each marker's name and how many ids it takes.
    assert marker_problems("<!-- data:excerpt nowhere -->", "docs/x.md", None) == []
    [problem] = marker_problems("<!-- data:excerpt a b c -->", "docs/x.md", None)
    assert "needs a block id, or the first and last of a range" in problem.message


def test_marker_over_several_lines_is_reported_at_its_first_line(site):
    [problem] = bad_markers(site, "a\nb\n<!-- data:area\n     nope -->\n")
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
    found = bad_markers(site, text, first_line=10)
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
    [problem] = bad_markers(site, "# Title\n\n" + written + "\n\nText.\n\n<!-- data:source -->\n")
    assert (problem.path, problem.line, problem.column) == ("docs/index.md", 3, 1)
    assert problem.message == (f"`{written}` is not a data marker as written, and would show nothing; "
                               f"did you mean `<!-- {meant} -->`?")
    assert f"是不是想写 `<!-- {meant} -->`" in problem.zh


@pytest.mark.parametrize("comment", ["<!-- a note for editors -->", "<!-- date: 2024-09-12 -->", "<!-- data sources are listed below -->",
                                     "<!-- contact details below -->", "<!--\nTODO\n-->", "<!-- data: figures -->"])
def test_other_comments_and_spaced_markers_are_fine(site, comment):
    assert marker_problems("# Title\n\n" + comment + "\n", "docs/index.md", site) == []


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
    blocks = tuple(r(block, text=t, lead=t if block.lead is not None else None) for block in site.notice.blocks)
    area = site.areas[0]
    figure = r(area.measures[0].figures[0], label=t)
    measure = r(area.measures[0], figures=(figure,))
    area = r(area, quote=t, summary=t, measures=(measure,) + area.measures[1:])
    rnd = site.round
    rnd = r(rnd, inspection=r(rnd.inspection, team=t, unit=t),
            totals=r(rnd.totals, problems=r(rnd.totals.problems, label=t)),
            accountability=(r(rnd.accountability[0], label=t),) + rnd.accountability[1:],
            meetings=(r(rnd.meetings[0], label=t),) + rnd.meetings[1:],
            figures=(r(rnd.figures[0], label=t),) + rnd.figures[1:])
    contact = r(site.contact, organisation=t, address=t, mailbox=t, email='x"><script>alert(1)</script>@evil.com')
    first, *rest = site.updates
    progress = r(site.progress, updates=(r(first, title=t, text=t),) + tuple(rest))
    return r(site, notice=r(site.notice, blocks=blocks), areas=(area,) + site.areas[1:], round=rnd, contact=contact,
             progress=progress, info=r(site.info, issuer=t))


# (downloads and sitemap show no text from data/: file names, labels and page titles)
HOSTILE_MARKERS = [m.replace("industry-oversight", "strong-transport-city") for m in EXPECTED if m not in ("downloads", "sitemap")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("marker", HOSTILE_MARKERS)
def test_hostile_text_cannot_become_markup(evil_site, marker, lang):
    out = render(evil_site, marker, lang, shown=shown_on(evil_site, EXCERPTS))
    assert "<script" not in out
    assert "&lt;script&gt;" in out
    # Through Python-Markdown with the site's extensions, nothing becomes markup.
    page = markdown.markdown(out, extensions=EXTENSIONS)
    assert "<script" not in page
    assert "<strong>bold" not in page
    assert 'href="http://evil"' not in page
    assert "<code>code" not in page
    assert "<em>em" not in page


@pytest.mark.parametrize("marker", ["area strong-transport-city", "area-cards", "excerpt responsibility system-thinking",
                                    "notice", "source", "timeline", "changes"])
def test_markdown_specials_are_backslash_escaped_in_markdown_text(evil_site, marker):
    out = render(evil_site, marker, "en")
    assert r"\*\*bold\*\*" in out
    assert r"\[x\]\(http://evil\)" in out
    assert r"\`code\`" in out
    assert r"\_em\_" in out
    if marker not in ("area strong-transport-city", "excerpt responsibility system-thinking", "notice"):
        # (these also hold text in raw HTML: figure labels, the signature)
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
