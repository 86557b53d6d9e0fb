"""What Chinese government websites show about themselves: the footer, the
<meta> tags of 政府网站发展指引, the organisation as JSON-LD, the dates on every
page and the site map. The real site leaves the bureau's own settings unset
(data/site.yaml); a made-up fixture (tests/fixtures/site.yaml) shows them all."""
from __future__ import annotations

import base64
import json
import posixpath
import re
from pathlib import Path

import pytest
from support import ROOT, copy_project, mkdocs_build, site_pages

from gongshi.chrome import organisation
from gongshi.data import load_site

FIXTURE = Path(__file__).parent / "fixtures" / "site.yaml"
# A 1 x 1 PNG, standing in for the 党政机关网站标识 image.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
COLUMN_PAGES = ["areas/", "data/"]
ARTICLE_PAGES = ["notice/", "approach/", "next-steps/", "areas/work-safety/"]
NEITHER = ["", "contact/", "about/", "sitemap/"]


# The settings of data/site.yaml that a government website is issued; the
# rest of the file (languages, name, nav …) is the site's identity.
SETTINGS = ("host", "operator", "site_id_code", "icp", "police_record", "gov_site_mark", "domain", "updated")


def with_settings(site_yaml: str, settings_yaml: str) -> str:
    """A site.yaml with its (empty) government settings replaced by those of `settings_yaml`."""
    unset = re.compile(rf"^(?:{'|'.join(SETTINGS)}):\s*$")
    kept = [line for line in site_yaml.splitlines() if not unset.match(line)]
    given = [line for line in settings_yaml.splitlines() if not line.startswith("# yaml-language-server")]
    return "\n".join(kept + given) + "\n"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("govsite") / "project")
    site_yaml = project / "data" / "site.yaml"
    site_yaml.write_text(with_settings(site_yaml.read_text(encoding="utf-8"), FIXTURE.read_text(encoding="utf-8")), encoding="utf-8")
    (project / "docs" / "assets" / "images").mkdir(parents=True)
    (project / "docs" / "assets" / "images" / "gov-site-mark.png").write_bytes(PIXEL)
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def _footer(site: Path, page: str) -> str:
    return _html(site, page).split('<footer class="md-footer">')[1]


def _metas(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta name="([A-Z]\w+)" content="([^"]*)">', html))


def _json_ld(html: str) -> dict:
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return json.loads(block)


def test_the_footer_shows_every_setting_with_its_link(fixture_site):
    for page in site_pages(fixture_site):
        footer = _footer(fixture_site, page)
        english = page.startswith("en/")
        assert ("Host: the Example Bureau" if english else "主办单位：示例市示例局") in footer, page
        assert ("Run by: the Example Information Centre" if english else "承办单位：示例市信息中心") in footer, page
        assert ("Website ID: 0000000099" if english else "网站标识码：0000000099") in footer, page
        assert '<a href="https://beian.miit.gov.cn/" rel="noopener">浙ICP备00000000号-1</a>' in footer, page
        assert ('<a href="https://record.example.org/query?code=00000000000000" rel="noopener">'
                "浙公网安备 00000000000000号</a>") in footer, page
        [image] = re.findall(r'<a class="gs-footer__mark" href="https://mark.example.org/check\?id=0" rel="noopener">'
                             r'<img src="([^"]+)" alt="[^"]+"></a>', footer)
        assert (fixture_site / posixpath.normpath(page + image)).is_file(), (page, image)


def test_the_footer_links_to_the_site_map_and_contact_in_its_language(built_site):
    for page in site_pages(built_site):
        links = dict((text, href) for href, text in re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', _footer(built_site, page)))
        prefix = "en/" if page.startswith("en/") else ""
        sitemap, contact = (links["Site map"], links["Contact"]) if prefix else (links["网站地图"], links["联系我们"])
        assert posixpath.normpath(page + sitemap) == prefix + "sitemap", page
        assert posixpath.normpath(page + contact) == prefix + "contact", page


def test_the_real_site_invents_no_setting(built_site):
    info = load_site(ROOT / "data").info
    assert [name for name in SETTINGS if getattr(info, name) is not None] == []
    for page in site_pages(built_site):
        html = _html(built_site, page)
        assert "gs-footer__record" not in html and "gs-footer__mark" not in html, page
        assert set(_metas(html)) <= {"SiteName", "ColumnName", "ColumnType", "ArticleTitle", "PubDate", "ContentSource"}, page
        assert "url" not in _json_ld(html)


def test_meta_tags_by_kind_of_page(fixture_site):
    for prefix in ("", "en/"):
        for page in COLUMN_PAGES + ARTICLE_PAGES + NEITHER:
            metas = _metas(_html(fixture_site, prefix + page))
            assert metas["SiteDomain"] == "gongshi.example.org" and metas["SiteIDCode"] == "0000000099"
            assert metas["SiteName"] == ("Lishui Transport Bureau: rectification after the inspection" if prefix else "丽水市交通运输局巡察整改情况公示")
            assert ("ColumnName" in metas) == (page in COLUMN_PAGES), prefix + page
            assert ("ArticleTitle" in metas) == (page in ARTICLE_PAGES), prefix + page
    areas = _metas(_html(fixture_site, "areas/"))
    assert areas["ColumnName"] == "十一个方面的整改" and areas["ColumnType"] == "通知公告"
    notice = _metas(_html(fixture_site, "notice/"))
    assert notice["ArticleTitle"] == "公告原文"
    assert notice["PubDate"] == "2024-09-12"
    assert notice["ContentSource"] == "中共丽水市交通运输局委员会"
    assert _metas(_html(fixture_site, "en/areas/work-safety/"))["ContentSource"].startswith("Committee of the Communist Party of China")
    assert set(_metas((fixture_site / "404.html").read_text(encoding="utf-8"))) == {"SiteName", "SiteDomain", "SiteIDCode"}


def test_the_organisation_and_its_contact_point_as_json_ld(built_site, fixture_site):
    site = load_site(ROOT / "data")
    assert _json_ld(_html(built_site, "")) == organisation(site, "zh")
    english = _json_ld(_html(built_site, "en/contact/"))
    assert english == organisation(site, "en")
    assert english["@type"] == "GovernmentOrganization"
    assert english["contactPoint"] == {"@type": "ContactPoint", "contactType": "comments and suggestions",
                                       "telephone": "2615196", "email": "44524776@qq.com"}
    assert english["address"]["postalCode"] == "323000"
    assert _json_ld(_html(fixture_site, ""))["url"] == "https://gongshi.example.org/"


def test_every_page_shows_its_publish_and_update_dates(built_site, fixture_site):
    for site, updated in ((built_site, "2024-09-12"), (fixture_site, "2024-10-01")):
        for page in site_pages(site):
            dates = re.findall(r'<p class="gs-page-dates">.*?</p>', _html(site, page))
            assert len(dates) == 1, page
            assert re.findall(r'<time datetime="([\d-]+)">', dates[0]) == ["2024-09-12", updated], page
    assert "发布日期：<time datetime=\"2024-09-12\">2024年9月12日</time>" in _html(built_site, "contact/")
    assert "Updated: <time datetime=\"2024-10-01\">1 October 2024</time>" in _html(fixture_site, "en/areas/")


def test_the_domain_makes_sitemap_xml_absolute(fixture_site):
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith("https://gongshi.example.org/") for loc in locations)


def test_the_site_map_page_leads_to_every_page(built_site):
    for prefix in ("", "en/"):
        page = prefix + "sitemap/"
        listed = _html(built_site, page).split('class="gs-sitemap__list"', 1)[1].split("</article>")[0]
        reached = {posixpath.normpath(page + link) for link in re.findall(r'<a href="([^"]+)"', listed)}
        pages = {p for p in site_pages(built_site) if p != page and (p.startswith("en/") == bool(prefix))}
        assert len(pages) >= 19
        assert reached == {p.removesuffix("/") or "." for p in pages}
