"""pages.py: the Markdown pages of an imported site."""
from __future__ import annotations

import dataclasses
import re

from gongshi.importer.pages import pages
from gongshi.model import Round


def test_every_page_in_both_languages(site):
    written = pages(site)
    names = {"index", "areas/index", "progress", "approach", "next-steps", "notice", "contact", "about", "data", "sitemap"}
    assert set(written) == {f"{n}.md" for n in names} | {f"{n}.en.md" for n in names}
    assert written["index.md"].startswith("# 巡察整改情况\n") and "## 十一个方面的整改" in written["index.md"]
    assert "## The 11 areas" in written["index.en.md"] and "title: 公告原文" in written["notice.md"]


def test_pages_hold_markers_not_facts(site):
    for name, text in pages(site).items():
        words = re.sub(r"<!--.*?-->|---.*?---", "", text, flags=re.S)
        assert site.notice.signature.zh not in words and "2615196" not in words, name
        assert "<!-- data:" in text, name


def test_sections_follow_the_data(site):
    inspection = dataclasses.replace(site.round.inspection, kind="xunshi")
    bare = dataclasses.replace(site, round=Round(inspection, site.round.totals), areas=site.areas[:2])
    index = pages(bare)["index.md"]
    # Counted as Chinese counts things: 两个, not 二个.
    assert index.startswith("# 巡视整改情况") and "## 两个方面的整改" in index and "二个" not in index
    assert "data:accountability" not in index and "data:meetings" not in index
    assert pages(bare)["index.en.md"].startswith("# Rectification after the inspection tour")
