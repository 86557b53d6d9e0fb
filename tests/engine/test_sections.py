"""Splitting a rendered page into the sections search links to."""
from __future__ import annotations

from gongshi.sections import Section, page_sections


def test_each_heading_with_an_id_starts_a_section_and_the_h1_names_the_page():
    html = ('<p>Before the title.</p>'
            '<h1 id="top">整改情况<a class="headerlink" href="#top">¶</a></h1><p>开头</p>'
            '<h2 id="one">第一<a class="headerlink" href="#one">¶</a></h2><p>一的正文</p>'
            '<h3 id="two">第二</h3><p>二的正文</p>')
    assert page_sections("areas/x/", "Fallback", html) == [
        Section("areas/x/", "整改情况", "Before the title. 开头"),
        Section("areas/x/#one", "第一", "一的正文"),
        Section("areas/x/#two", "第二", "二的正文"),
    ]


def test_a_page_without_h1_keeps_its_title():
    sections = page_sections("", "首页", "<p>正文</p><h2 id=\"a\">小节</h2><p>更多</p>")
    assert sections == [Section("", "首页", "正文"), Section("#a", "小节", "更多")]


def test_blocks_stand_apart_and_inline_text_runs_on():
    html = "<table><tr><td>2024</td><td>年</td></tr></table><p>网<strong>约</strong>车</p><ul><li>a</li><li>b</li></ul>"
    assert page_sections("p/", "T", html)[0].text == "2024 年 网约车 a b"


def test_what_a_reader_does_not_read_is_left_out():
    html = ('<p>shown</p><script>var hidden = 1</script><style>p {}</style>'
            '<div data-search-exclude><p>excluded <em>too</em></p></div><p>also shown</p>')
    assert page_sections("p/", "T", html)[0].text == "shown also shown"


def test_a_heading_without_an_id_stays_text_and_entities_are_decoded():
    html = "<p>A &amp; B</p><h2>No anchor</h2><p>after</p>"
    assert page_sections("p/", "T", html) == [Section("p/", "T", "A & B No anchor after")]


def test_an_empty_section_is_dropped_but_never_the_page():
    assert page_sections("p/", "", '<h2 id="a"></h2><h2 id="b">B</h2>') == [Section("p/", "", ""), Section("p/#b", "B", "")]
