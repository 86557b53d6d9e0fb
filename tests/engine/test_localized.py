"""localized.py: the one rule between a page's source file and its language."""
from __future__ import annotations

import pytest

from gongshi.localized import in_language, language_of, localized

BOTH, CHINESE = ("zh", "en"), ("zh",)


@pytest.mark.parametrize("page, lang, source", [
    ("about.md", "zh", "about.md"),  # the first language's is the page itself
    ("about.md", "en", "about.en.md"),
    ("areas/index.md", "en", "areas/index.en.md"),
    ("feed.xml", "en", "feed.en.xml"),
])
def test_the_source_of_a_page_in_a_language(page, lang, source):
    assert localized(page, lang, BOTH) == source


def test_the_first_language_is_the_sites_not_always_chinese():
    assert localized("about.md", "en", ("en", "zh")) == "about.md"
    assert localized("about.md", "zh", ("en", "zh")) == "about.zh.md"


@pytest.mark.parametrize("source, page, lang", [
    ("about.md", "about.md", None),
    ("about.en.md", "about.md", "en"),
    ("areas/work-safety.en.md", "areas/work-safety.md", "en"),
    ("next-steps.md", "next-steps.md", None),
    ("release.notes.md", "release.notes.md", None),  # a dot that is no language
])
def test_the_page_and_language_of_a_source(source, page, lang):
    assert language_of(source) == (page, lang)


@pytest.mark.parametrize("source, languages, lang", [
    ("about.md", BOTH, "zh"),
    ("about.en.md", BOTH, "en"),
    ("about.md", CHINESE, "zh"),
    ("about.en.md", CHINESE, None),  # a language the site does not list: not built, not asked about
    ("release.notes.md", CHINESE, "zh"),
])
def test_the_language_a_source_is_in_on_a_site(source, languages, lang):
    assert in_language(source, languages) == lang


@pytest.mark.parametrize("page", ["about.md", "areas/index.md", "feed.xml"])
def test_a_pages_source_in_each_language_reads_back_as_that_page(page):
    for lang in BOTH:
        source = localized(page, lang, BOTH)
        assert (language_of(source)[0], in_language(source, BOTH)) == (page, lang)
