"""The Markdown pages of an imported site, in each of its languages: headings
in the site's own words (labels.py) and the markers that render.py fills from
the data. Facts never enter a page here; they stay in data/.

A page is written only where the notice has what it shows: the areas, the
progress of its updates, how the rectification was run (the blocks before the
areas, shown as an excerpt) and the next steps (those after them)."""
from __future__ import annotations

from ..format import chinese_numeral
from ..labels import label
from ..localized import localized
from ..markup import AREA_PAGES, NOTICE_PAGE
from ..model import Site

_NOTICE_PAGE = """---
title: {title}
# The notice reads as a document: no navigation or table of contents beside it.
hide:
  - navigation
  - toc
---

<!-- data:notice -->
"""
SITEMAP = "sitemap.md"  # linked from every footer, not listed in the nav


def _page(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part) + "\n"


def _excerpt(blocks: tuple[str, str]) -> str:
    return f"<!-- data:excerpt {' '.join(blocks)} -->"


def _pages(site: Site, excerpts: dict, lang: str) -> dict[str, str]:
    """Page (named in the first language) → its Markdown in `lang`, in the order of the nav."""
    def say(key: str, **values) -> str:
        return label(lang, key, kind=label(lang, site.round.inspection.kind), **values)

    count = len(site.areas)
    # Two of a thing is 两个 in Chinese, not 二个; other counts read as numerals.
    areas = say("page_areas", count=("两" if count == 2 else chinese_numeral(count)) if lang == "zh" else count)
    round_ = site.round
    pages = {"index.md": _page(
        f"# {say('page_home')}", "<!-- data:round -->", f"## {say('page_progress')}", "<!-- data:figures -->",
        *([f"[{say('page_all_updates')}](progress.md)"] if site.updates else []),
        *([f"## {say('accountability')}", "<!-- data:accountability -->"] if round_.accountability else []),
        *([f"## {say('meetings')}", "<!-- data:meetings -->"] if round_.meetings else []),
        *([f"## {areas}", "<!-- data:area-cards -->"] if site.areas else []),
        f"[{say('page_read_notice')}]({NOTICE_PAGE}){{ .md-button }}")}
    if site.areas:
        pages[f"{AREA_PAGES}/index.md"] = _page(f"# {areas}", "<!-- data:area-cards -->")
    if site.updates:
        pages["progress.md"] = _page(f"# {say('page_progress')}", say("page_progress_intro"), f"## {say('page_timeline')}",
                                     "<!-- data:timeline -->", f"## {say('page_progress_chart')}", "<!-- data:progress-chart -->",
                                     f"## {say('page_changes')}", "<!-- data:changes -->")
    for name, key in (("approach", "page_approach"), ("next-steps", "page_next_steps")):
        if excerpts.get(name):
            pages[f"{name}.md"] = _page(f"# {say(key)}", _excerpt(excerpts[name]))
    pages[NOTICE_PAGE] = _NOTICE_PAGE.format(title=say("page_notice"))
    pages["contact.md"] = _page(f"# {say('contact')}", "<!-- data:contact -->")
    # Every header's 长者模式 button leads here where JavaScript is off (ELDER_HELP in the hook).
    pages["about.md"] = _page(f"# {say('page_about')}", f"## {say('page_source')}", "<!-- data:source -->",
                              f"## {say('page_elder')} {{#elder-mode}}", say("page_elder_text"),
                              f"## {say('contact')}", "<!-- data:contact -->")
    pages["data.md"] = _page(f"# {say('page_open_data')}", say("page_open_data_intro"), "<!-- data:downloads -->")
    pages[SITEMAP] = _page(f"# {say('sitemap')}", "<!-- data:sitemap -->")
    return pages


def nav(site: Site, excerpts: dict, first: str) -> tuple[str, ...]:
    """The pages the nav lists, in order (named in the `first` language)."""
    return tuple(name for name in _pages(site, excerpts, first) if name != SITEMAP)


def pages(site: Site, excerpts: dict) -> dict[str, str]:
    """Path under docs/ → Markdown, for every page in every language of the
    site; `excerpts` names the first and last block of "approach" and
    "next-steps", where the notice has them."""
    return {localized(name, lang, site.languages): text
            for lang in site.languages for name, text in _pages(site, excerpts, lang).items()}
