"""from_html.py: the article of a page, without its chrome."""
from __future__ import annotations

from gongshi.importer.from_html import html_lines


def texts(html):
    return [(line.number, line.text) for line in html_lines(html)]


def test_the_densest_block_of_paragraphs_is_the_article():
    html = """<html><body>
<ul><li>首页</li><li>政务公开</li><li>公示公告</li></ul>
<div class="side"><p>热点专题</p></div>
<div class="content">
<p>根据市委统一部署,市委巡察组对局党委进行了巡察。</p>
<p>一、关于“问题”的整改情况</p>
</div>
<div class="foot">版权所有 某某局</div>
</body></html>"""
    assert texts(html) == [(5, "根据市委统一部署，市委巡察组对局党委进行了巡察。"), (6, "一、关于“问题”的整改情况")]


def test_chrome_inside_the_article_is_dropped_but_not_a_long_paragraph():
    body = "".join(f"<p>第{n}段正文，内容较多的一段文字。</p>" for n in range(3))
    long = "<p>" + "来源：本段是正文，说明资金来源" + "并且写得很长" * 20 + "。</p>"
    html = f"<div><p>发布时间：2024-09-20 来源：市交通运输局 浏览次数：12</p><p>【打印本页】【关闭窗口】</p>{body}{long}</div>"
    found = [text for _, text in texts(html)]
    assert found[0].startswith("第0段") and found[-1].startswith("来源：本段是正文") and len(found) == 4


def test_unclosed_paragraphs_line_breaks_scripts_and_spaces():
    html = ("<div><p>　　根据部署,进行了巡察。<p>第二段<script>document.write('统计')</script>&nbsp;正文。"
            "<p style='text-align:right'>中共某局委员会<br>2024年9月20日</div>")
    assert [text for _, text in texts(html)] == ["根据部署，进行了巡察。", "第二段 正文。", "中共某局委员会", "2024年9月20日"]


def test_the_title_above_the_article_is_its_first_line():
    html = """<div class="main">
<h1 class="title">某局关于巡察整改情况的公告</h1>
<div class="info">来源：某局</div>
<div id="zoom"><p>根据市委统一部署,进行了巡察。</p><p>二段。</p><p>三段。</p></div>
</div>"""
    assert texts(html)[0] == (2, "某局关于巡察整改情况的公告")


def test_no_title_is_added_when_the_article_has_one():
    html = "<h1>网站名称</h1><div><p>某局公告</p><p>根据市委统一部署,进行了巡察。</p><p>二段。</p></div>"
    assert [text for _, text in texts(html)][0] == "某局公告"
