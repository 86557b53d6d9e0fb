"""The site's search: one index per language, and the worker that reads it.

Material keeps its search box, result list, `/` shortcut and highlighting. Its
lunr worker is swapped for ours (overrides/search/worker.js), which speaks the
same messages to Material's bundle. The work is split by what it needs:

- here, at build time, what needs dictionaries: the sections of every page,
  the Chinese words in them (jieba, search mode, so that 党风廉政 also yields
  廉政) and their pinyin (pypinyin), both through gongshi.segment's cache;
- in the worker, at query time, the matching: a Chinese query is looked for as
  written (so any sub-word is found), split into the site's own words only
  when it occurs nowhere as written; English words by their stem; numbers as
  whole numbers; pinyin, full or initials, through the readings shipped here.
"""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from .errors import SearchError
from .sections import Section
from .segment import Segmenter

INDEX_DIR = "search"
WORKER = f"{INDEX_DIR}/worker.js"
# Material 9.8.2: the worker our worker replaces, and the bundle whose
# messages it speaks. Their names carry a hash of their content, so any
# change in Material changes them, and the build stops until the worker is
# checked against the new bundle.
MATERIAL_WORKER = "assets/javascripts/workers/search.a7633da7.min.js"
MATERIAL_BUNDLE = "assets/javascripts/bundle.a5f9d56c.min.js"
# Material's bundle reads search_index.json only for this: how to split the
# `h` parameter of a result link into the words it highlights on the page.
HIGHLIGHT_SEPARATOR = r"[\s\-]+"

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORKER_IN_CONFIG = re.compile(r'("search":\s*")([^"]*)' + re.escape(MATERIAL_WORKER) + '"')


def chinese_words(sections: list[Section], segmenter: Segmenter) -> list[str]:
    """Every Chinese word of two characters or more in the sections, as jieba's
    search mode cuts them: whole words and the shorter words inside them."""
    words = set()
    for section in sections:
        for run in _HAN_RUN.findall(f"{section.title} {section.text}"):
            words.update(segmenter.words(run))
    return sorted(words)


def build_index(lang: str, sections: list[Section], segmenter: Segmenter) -> dict:
    """The index of one language: its sections, and the Chinese words in them
    with their readings (none in a language without Chinese text)."""
    words = chinese_words(sections, segmenter)
    return {
        "lang": lang,
        "docs": [dataclasses.asdict(section) for section in sections],
        "words": words,
        "pinyin": [segmenter.reading(word) for word in words],
    }


def write_indexes(site_dir: Path, sections: dict[str, list[Section]], cache: Path | None = None) -> None:
    """Write search/LANG.json for each language, and the small search_index.json
    that Material's bundle fetches; check that the worker is in the site.
    `cache`: the file where gongshi.segment keeps words and readings between builds."""
    site_dir = Path(site_dir)
    if not (site_dir / WORKER).is_file():
        raise SearchError(f"the search worker {WORKER} is missing from the site; it belongs in overrides/{WORKER}",
                          f"网站中缺少搜索程序 {WORKER}；它应当在 overrides/{WORKER}")
    folder = site_dir / INDEX_DIR
    folder.mkdir(exist_ok=True)
    segmenter = Segmenter(cache)
    for lang, found in sections.items():
        _write_json(folder / f"{lang}.json", build_index(lang, found, segmenter))
    segmenter.save()
    config = {"lang": list(sections), "separator": HIGHLIGHT_SEPARATOR, "pipeline": [], "fields": {}}
    _write_json(folder / "search_index.json", {"config": config, "docs": []})


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def use_our_worker(html: str, lang: str) -> str:
    """Point a page's Material configuration at our worker for `lang`.
    Stops unless the page has Material's worker exactly once and its bundle."""
    if len(_WORKER_IN_CONFIG.findall(html)) != 1 or MATERIAL_BUNDLE not in html:
        raise SearchError(
            f"the page does not load Material's search worker {MATERIAL_WORKER} and bundle {MATERIAL_BUNDLE}; "
            f"Material has changed: check {WORKER} against its new bundle, then update hooks/gongshi/search.py",
            f"页面没有加载 Material 的搜索程序 {MATERIAL_WORKER} 和 {MATERIAL_BUNDLE}；Material 已经变了："
            f"请对照新版本检查 {WORKER}，再更新 hooks/gongshi/search.py")
    return _WORKER_IN_CONFIG.sub(lambda m: f'{m.group(1)}{m.group(2)}{WORKER}?lang={lang}"', html)
