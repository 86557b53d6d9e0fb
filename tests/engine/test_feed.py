"""feed.py: the Atom feed parses with a real feed parser, has one entry per
update, and ids that depend on nothing but the update."""
from __future__ import annotations

import dataclasses
import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest

from gongshi.feed import ATOM, atom_feed, feed_id
from gongshi.model import LANGUAGES, Text


def feed(site, lang="zh"):
    return atom_feed(site, lang, "Title <&>", "progress/", "feed.xml")


def parse(text):
    # As a server would send it, so that relative links resolve against its address.
    headers = {"content-location": "https://example.org/feed.xml", "content-type": "application/atom+xml"}
    parsed = feedparser.parse(text, response_headers=headers)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_real_feed_has_one_entry_per_update_newest_first(site, lang):
    parsed = parse(feed(site, lang))
    assert [e.link for e in parsed.entries] == ["https://example.org/progress/#report", "https://example.org/progress/#feedback"]
    assert [e.published_parsed[:3] for e in parsed.entries] == [(2024, 9, 11), (2024, 2, 22)]  # midnight in China, in UTC
    assert parsed.feed.title == "Title <&>"
    assert parsed.feed.updated == "2024-09-12T00:00:00+08:00"
    report = parsed.entries[0]
    assert report.summary == site.updates[1].text[lang]
    assert "26" in report.content[0].value


def test_the_fixture_feed_has_one_entry_per_update(progress_site):
    parsed = parse(feed(progress_site, "en"))
    assert [e.id for e in parsed.entries] == [feed_id(progress_site, "en", u) for u in reversed(progress_site.updates)]
    assert parsed.entries[-1].title == "1 June 2023: Feedback given"
    content = parsed.entries[-1].content[0].value
    assert '<a href="https://example.org/feedback">Inspection feedback</a>' in content
    assert "<li>problems fully rectified: 0</li>" in content


def test_every_element_rfc_4287_requires(progress_site):
    root = ET.fromstring(feed(progress_site).encode("utf-8"))
    a = f"{{{ATOM}}}"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(a + tag) is not None, tag
    assert root.find(f"{a}author/{a}name").text == "测试局党委"
    assert root.find(f"{a}link[@rel='self']").get("href") == "feed.xml"
    entries = root.findall(a + "entry")
    assert len(entries) == 4
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert entry.find(a + tag).text, tag
        assert entry.find(f"{a}link[@rel='alternate']") is not None


def test_ids_depend_on_the_update_not_on_its_wording_or_date(progress_site):
    r = dataclasses.replace
    first = progress_site.updates[0]
    changed = r(first, title=Text(zh="改", en="changed"), date=first.date + datetime.timedelta(days=1))
    other = r(progress_site, progress=r(progress_site.progress, updates=(changed,) + progress_site.updates[1:]))
    assert feed_id(other, "zh", changed) == feed_id(progress_site, "zh", first)
    ids = {feed_id(progress_site, lang, u) for lang in LANGUAGES for u in progress_site.updates}
    assert len(ids) == 2 * len(progress_site.updates)  # one per update and language
    assert all(i.startswith("urn:uuid:") for i in ids)
    assert feed_id(progress_site, "zh") != feed_id(progress_site, "en")


def test_the_feed_is_the_same_whenever_it_is_built(progress_site):
    assert feed(progress_site) == feed(progress_site)


def test_hostile_text_stays_text(progress_site):
    evil = Text(zh="<script>alert(1)</script>", en="<script>alert(1)</script>")
    r = dataclasses.replace
    updates = (r(progress_site.updates[0], title=evil, text=evil),) + progress_site.updates[1:]
    text = feed(r(progress_site, progress=r(progress_site.progress, updates=updates)), "en")
    assert "<script" not in text
    parsed = parse(text)
    assert parsed.entries[-1].summary == "<script>alert(1)</script>"  # as text, for the reader to show as text
    assert "&lt;script&gt;" in parsed.entries[-1].content[0].value


def test_the_feed_of_a_site_in_chinese_only(problems_site):
    parsed = parse(feed(problems_site, "zh"))
    assert [e.link for e in parsed.entries] == ["https://example.org/progress/#report", "https://example.org/progress/#feedback"]
    # The counts of the update that holds the notice, named by the totals of data/round.yaml.
    assert "<li>巡察反馈问题：5个</li><li>已完成整改的问题：3个</li>" in parsed.entries[0].content[0].value


def test_an_id_without_the_inspection_round_comes_from_the_issuer_and_the_notice_date(problems_site):
    # A notice that does not say who inspected it, or when they fed back.
    r = dataclasses.replace
    bare = r(problems_site, round=r(problems_site.round, inspection=r(problems_site.round.inspection, team=None)))
    assert feed_id(bare, "zh") != feed_id(problems_site, "zh")
    other_issuer = r(bare, info=r(bare.info, issuer=Text(zh="另一个单位")))
    assert feed_id(other_issuer, "zh") != feed_id(bare, "zh")
    assert feed_id(bare, "zh") == feed_id(r(bare, info=r(bare.info, name=Text(zh="改了名字"))), "zh")  # the site's name is no fact of the round
