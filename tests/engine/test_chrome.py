"""chrome.py: what surrounds every page: meta tags, JSON-LD, dates, footer."""
from __future__ import annotations

import dataclasses
import datetime
import json
import re

import pytest

from gongshi.chrome import (ARTICLE, COLUMN, footer_html, head_html, meta_tags, not_found_html, organisation, page_kind,
                            page_url, script_json)
from gongshi.model import GovSiteMark, PoliceRecord, Text

HOSTILE = "</script><!--<script>alert(1)</script>&\u2028"


@pytest.mark.parametrize("src, kind", [
    ("areas/index.md", COLUMN), ("areas/index.en.md", COLUMN), ("data.en.md", COLUMN), ("progress.md", COLUMN),
    ("notice.md", ARTICLE), ("areas/work-safety.en.md", ARTICLE), ("next-steps.md", ARTICLE),
    ("index.md", None), ("contact.en.md", None), ("about.md", None), ("sitemap.md", None),
])
def test_page_kinds(src, kind):
    assert page_kind(src)[0] == kind


def test_json_in_a_script_block_cannot_end_it():
    text = script_json({"name": HOSTILE})
    assert "</" not in text and "<!--" not in text and "<script" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": HOSTILE}


def test_head_carries_hostile_text_safely(site):
    r = dataclasses.replace
    evil = r(site, contact=r(site.contact, organisation=Text(zh=HOSTILE, en=HOSTILE)),
             info=r(site.info, name=Text(zh='site "name"', en="site")))
    head = head_html(evil, "zh", "notice.md", 'a "title" <b>')
    assert head.count("<script") == 1 and head.count("</script>") == 1
    assert '<meta name="ArticleTitle" content="a &quot;title&quot; &lt;b&gt;">' in head
    assert '<meta name="SiteName" content="site &quot;name&quot;">' in head
    ld = re.search(r'<script type="application/ld\+json">(.*)</script>', head).group(1)
    assert json.loads(ld)["name"] == HOSTILE


def test_meta_tags_only_for_what_is_set(site):
    tags = meta_tags(site, "en", "approach.en.md", "How")
    assert re.findall(r'name="(\w+)"', tags) == ["SiteName", "ArticleTitle", "PubDate", "ContentSource"]
    assert '<meta name="PubDate" content="2024-09-12">' in tags
    tags = meta_tags(site, "zh", "areas/index.md", "十一个方面的整改")
    assert re.findall(r'name="(\w+)"', tags) == ["SiteName", "ColumnName", "ColumnType"]
    assert meta_tags(site, "zh", None, "") == '<meta name="SiteName" content="丽水市交通运输局巡察整改情况公示">'


def test_the_site_name_and_issuer_are_the_sites_data(site, problems_site):
    tags = meta_tags(site, "en", "notice.en.md", "The official notice")
    assert '<meta name="SiteName" content="Lishui Transport Bureau: rectification after the inspection">' in tags
    assert ('<meta name="ContentSource" content="Committee of the Communist Party of China of the Lishui Municipal '
            'Transport Bureau">') in tags
    tags = meta_tags(problems_site, "zh", "notice.md", "公告原文")
    assert '<meta name="SiteName" content="示例县市场监督管理局巡察整改情况公示">' in tags
    assert '<meta name="ContentSource" content="中共示例县市场监督管理局党组">' in tags
    assert "丽水" not in head_html(problems_site, "zh", "notice.md", "公告原文")


def test_the_organisation_is_the_contact_data(site):
    org = organisation(site, "zh")
    assert org["name"] == "中共丽水市交通运输局委员会"
    assert org["address"] == {"@type": "PostalAddress", "streetAddress": "丽水市紫金路701号", "postalCode": "323000"}
    assert org["contactPoint"]["telephone"] == "2615196" and org["contactPoint"]["contactType"] == "意见建议"
    assert "url" not in org


FULL_SETTINGS = dict(host=Text(zh="主办<b>", en="Host & co"), operator=Text(zh="承办", en="Operator"), site_id_code="0000000099",
                icp="浙ICP备00000000号", police_record=PoliceRecord(number="浙公网安备 00000000000000号", link='https://x.example/?a=1&b="2"'),
                gov_site_mark=GovSiteMark(image="assets/mark.png"), domain="example.org", updated=datetime.date(2024, 10, 1))


def test_footer_shows_each_setting_escaped(site):
    full = dataclasses.replace(site, info=dataclasses.replace(site.info, **FULL_SETTINGS))
    zh = footer_html(full, "zh", "../")
    assert "<span>主办单位：主办&lt;b&gt;</span>" in zh and "<span>承办单位：承办</span>" in zh
    assert "<span>网站标识码：0000000099</span>" in zh
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">浙ICP备00000000号</a>' in zh
    assert '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;" rel="noopener">浙公网安备 00000000000000号</a>' in zh
    assert '<span class="gs-footer__mark"><img src="../assets/mark.png" alt="党政机关网站标识"></span>' in zh
    assert '<a href="../sitemap/">网站地图</a>' in zh and '<a href="../contact/">联系我们</a>' in zh
    en = footer_html(full, "en", "../../")
    assert "<span>Host: Host &amp; co</span>" in en and '<a href="../../en/sitemap/">Site map</a>' in en


def test_footer_without_settings_has_contact_and_links_only(site):
    footer = footer_html(site, "zh", "")
    assert "gs-footer__record" not in footer and "<img" not in footer
    assert 'href="tel:2615196"' in footer and '<a href="sitemap/">网站地图</a>' in footer


def test_page_urls_lead_from_the_page_to_the_language(site):
    assert page_url(site, "", "zh", "about/#elder-mode") == "about/#elder-mode"
    assert page_url(site, "../../", "en", "sitemap/") == "../../en/sitemap/"


def test_the_404_page_speaks_every_language_of_the_site(site):
    page = not_found_html(site, "/")
    assert page.startswith('<h1 id="not-found">页面不存在 <span lang="en">Page not found</span></h1>')
    assert '<a href="/sitemap/">网站地图</a>' in page and '<p lang="en">' in page and '<a href="/en/sitemap/">' in page


def test_a_site_in_chinese_only_has_no_english_chrome(problems_site):
    page = not_found_html(problems_site, "/")
    assert page == ('<h1 id="not-found">页面不存在</h1><p>您要找的页面不存在，可能已经移动。'
                    '请从<a href="/">首页</a>或<a href="/sitemap/">网站地图</a>查找。</p>')
    footer = footer_html(problems_site, "zh", "../")
    assert '<a href="../sitemap/">网站地图</a>' in footer and "en/" not in footer
