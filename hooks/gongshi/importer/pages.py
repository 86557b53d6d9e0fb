"""The Markdown pages of an imported site, in every language: headings in the
site's own words (labels.py) and the markers that render.py fills from the
data. Facts never enter a page here; they stay in data/."""
from __future__ import annotations

from ..format import chinese_numeral
from ..labels import label
from ..model import LANGUAGES, Site
from ..render import AREA_PAGES

_NOTICE_PAGE = """---
title: {title}
# The notice reads as a document: no navigation or table of contents beside it.
hide:
  - navigation
  - toc
---

<!-- data:notice -->
"""


def _page(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part) + "\n"


def _pages(site: Site, lang: str) -> dict[str, str]:
    def say(key: str, **values) -> str:
        return label(lang, key, kind=label(lang, site.round.inspection.kind), **values)

    count = len(site.areas)
    # Two of a thing is 两个 in Chinese, not 二个; other counts read as numerals.
    areas = say("page_areas", count=("两" if count == 2 else chinese_numeral(count)) if lang == "zh" else count)
    round_ = site.round
    return {
        "index": _page(
            f"# {say('page_home')}", "<!-- data:round -->", f"## {say('page_progress')}", "<!-- data:figures -->",
            *([f"[{say('page_all_updates')}](progress.md)"] if site.updates else []),
            *([f"## {say('accountability')}", "<!-- data:accountability -->"] if round_.accountability else []),
            *([f"## {say('meetings')}", "<!-- data:meetings -->"] if round_.meetings else []),
            f"## {areas}", "<!-- data:area-cards -->", f"[{say('page_read_notice')}](notice.md){{ .md-button }}"),
        f"{AREA_PAGES}/index": _page(f"# {areas}", "<!-- data:area-cards -->"),
        "progress": _page(f"# {say('page_progress')}", say("page_progress_intro"), f"## {say('page_timeline')}",
                          "<!-- data:timeline -->", f"## {say('page_progress_chart')}", "<!-- data:progress-chart -->",
                          f"## {say('page_changes')}", "<!-- data:changes -->"),
        "approach": _page(f"# {say('page_approach')}", "<!-- data:approach -->"),
        "next-steps": _page(f"# {say('page_next_steps')}", "<!-- data:next-steps -->"),
        "notice": _NOTICE_PAGE.format(title=say("page_notice")),
        "contact": _page(f"# {say('contact')}", "<!-- data:contact -->"),
        "about": _page(f"# {say('page_about')}", f"## {say('page_source')}", "<!-- data:source -->",
                       f"## {say('contact')}", "<!-- data:contact -->"),
        "data": _page(f"# {say('page_open_data')}", say("page_open_data_intro"), "<!-- data:downloads -->"),
        "sitemap": _page(f"# {say('sitemap')}", "<!-- data:sitemap -->"),
    }


def pages(site: Site) -> dict[str, str]:
    """Path under docs/ → Markdown: x.md in the site's first language, x.LANG.md in the others."""
    written = {}
    for lang in LANGUAGES:
        suffix = "" if lang == LANGUAGES[0] else f".{lang}"
        for name, text in _pages(site, lang).items():
            written[f"{name}{suffix}.md"] = text
    return written
