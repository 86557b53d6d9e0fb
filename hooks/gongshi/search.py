"""The site's search: one index per language, and the worker that reads it.

Material keeps its search box, result list, `/` shortcut and highlighting. Its
lunr worker is swapped for ours (overrides/search/worker.js), which speaks the
same messages to Material's bundle. The work is split by what it needs:

- here, at build time, what needs dictionaries: the sections of every page,
  the Chinese words in them (jieba, search mode, so that 党风廉政 also yields
  廉政) and their pinyin (pypinyin), both through gongshi.segment's cache; the
  count of every term in every section (gongshi.terms, Chinese numerals read
  by cn2an); and the traditional characters the site's text can be typed in
  (gongshi.traditional, from OpenCC's tables);
- in the worker, at query time, the matching: a query in traditional
  characters is converted first; a Chinese query is looked for as written
  (so any sub-word is found), split into the site's own words only when it
  occurs nowhere as written; English words by their stem; numbers as whole
  numbers, in digits or Chinese numerals; pinyin, full, with fuzzy sounds
  or initials, through the readings shipped here.

The index comes in parts, so that the first search of a site of a thousand
areas fetches some 100 kB, not its whole text (bench/README.md): a manifest,
the counts of each term in a shard of its own, and the text in chunks, of
which the worker reads those of the pages it shows.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
from array import array
from collections import defaultdict
from operator import sub
from pathlib import Path

from . import terms, traditional
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

_WORKER_IN_CONFIG = re.compile(r'("search":\s*")([^"]*)' + re.escape(MATERIAL_WORKER) + '"')


# A term shard holds the counts of about this many (term, section) pairs,
# a few kB of gzip, of which a query fetches one per Chinese character or word;
# a chunk holds the text of consecutive sections up to this many bytes (a
# longer one is a chunk alone), of which a search fetches those it shows.
SHARD_ENTRIES = 1500
CHUNK_BYTES = 8000
# Sections longer than a chunk are indexed in parts, cut after one of these.
_CUT_AFTER = (" ", "。", "，", "；", "、", "：", "！", "？", ".", ",", ";")


class IndexBuilder:
    """One language's index, built a section at a time as pages are rendered,
    and written as the files the worker fetches: the manifest (search/LANG.json:
    pages, section lengths, words and their pinyin, the traditional characters
    and phrases the text can be typed in, at the first search), chunks
    (search/LANG/cN.json: sections as [location, title, text], and 1 after a
    part that continues a long section) and term shards (search/LANG/tN.json:
    the counts of the keys that hash to N).

    Each chunk is written once it is full, the shards and the manifest by
    write_indexes(). Until then it keeps what they need: the counts, a line per
    page, section and chunk, and the runs of Chinese text (for the words, and
    the traditional characters); not the text itself, most of the memory of a
    build at 1,100 areas."""

    def __init__(self, lang: str, folder: Path, segmenter: Segmenter):
        self.lang, self.folder, self.segmenter = lang, Path(folder), segmenter
        shutil.rmtree(self.folder / lang, ignore_errors=True)  # no part of an earlier, larger index stays
        (self.folder / lang).mkdir(parents=True)
        self.runs: set[str] = set()  # every run of Chinese characters in the text
        self._pages: list[list] = []  # location, title, first section
        self._lengths: list[int] = []
        self._heads: list[list] = []  # per chunk: first section, bytes
        self._chunk: list[str] = []  # the sections of the chunk being filled, as JSON
        # Per key, (section, count in its title, count in its text) after each
        # other: an array of machine integers, not 3 Python objects per pair.
        self._postings: defaultdict[str, array] = defaultdict(lambda: array("i"))
        self._parts = 0  # parts written so far
        self._version = hashlib.sha256()  # of every part, in order, for the manifest

    def add(self, section: Section) -> None:
        self.runs.update(terms.HAN_RUN.findall(f"{section.title} {section.text}"))
        for part, continued in _parts(section):
            number = len(self._lengths)
            page = part.location.split("#")[0]
            if not self._pages or self._pages[-1][0] != page:
                self._pages.append([page, part.title, number])
            # A part after the first shows its section's title, but is searched for its text only.
            entry = _json([part.location, part.title, part.text] + ([1] if continued else []))
            self._lengths.append(_utf16_length(part.text) + (0 if continued else _utf16_length(part.title)))
            size = len(entry.encode("utf-8")) + 1
            if not self._heads or self._heads[-1][1] + size > CHUNK_BYTES:
                self._write_chunk()
                self._heads.append([number, 0])
            self._chunk.append(entry)
            self._heads[-1][1] += size
            title = terms.counts("" if continued else part.title, self.segmenter.number)
            text = terms.counts(part.text, self.segmenter.number)
            for key, in_text in text.items():
                self._postings[key].extend((number, title.pop(key, 0), in_text))
            for key, in_title in title.items():
                self._postings[key].extend((number, in_title, 0))

    def _write_chunk(self) -> None:
        if self._chunk:
            self._write(f"{self.lang}/c{len(self._heads) - 1}.json", "[" + ",".join(self._chunk) + "]")
            self._chunk = []

    def _write(self, name: str, text: str) -> None:
        encoded = text.encode("utf-8")
        if self._parts:
            self._version.update(b"\n")
        self._version.update(encoded)
        self._parts += 1
        (self.folder / name).write_bytes(encoded)

    def finish(self, words: list[str], readings: dict[str, str]) -> None:
        """Write the last chunk, the shards and then the manifest, which names
        a hash of the parts: the worker asks for them as tN.json?v=VERSION, so
        that a browser that kept the parts of an earlier build does not mix them in."""
        self._write_chunk()
        count = max(1, -(-sum(map(len, self._postings.values())) // (3 * SHARD_ENTRIES)))
        keys: list[list[str]] = [[] for _ in range(count)]
        for key in sorted(self._postings):
            keys[terms.shard(key, count)].append(key)
        for n, shard in enumerate(keys):
            self._write(f"{self.lang}/t{n}.json", _json({key: _delta_coded(self._postings.pop(key)) for key in shard}))
        manifest = {
            "lang": self.lang,
            "pages": self._pages,
            "lengths": self._lengths,
            "chunks": self._heads,
            "shards": count,
            "words": words,
            "pinyin": [readings[word] for word in words],
            # Only the Chinese characters of a text count for its traditional forms.
            "simplified": traditional.simplified("\n".join(sorted(self.runs))),
            "version": self._version.hexdigest()[:16],
        }
        (self.folder / f"{self.lang}.json").write_text(_json(manifest), encoding="utf-8")


def _parts(section: Section):
    """The section, or one longer than CHUNK_BYTES in UTF-8 as parts of about
    that size, cut after a space or a punctuation mark where there is one, each
    with whether it continues the part before. A search reads the parts that
    hold its terms, not all of a list of a thousand areas."""
    text, continued = section.text, False
    while len(encoded := text.encode("utf-8")) > CHUNK_BYTES:
        most = CHUNK_BYTES * len(text) // len(encoded)  # characters, at this text's bytes per character
        cut = max(text.rfind(mark, most // 2, most) for mark in _CUT_AFTER) + 1 or most
        yield dataclasses.replace(section, text=text[:cut]), continued
        text, continued = text[cut:], True
    yield dataclasses.replace(section, text=text), continued


def _delta_coded(entries: array) -> list[int]:
    """(section, count in its title, count in its text) after each other, each
    section by its distance from the one before: short numbers in the file."""
    sections = entries[0::3]
    entries[3::3] = array("i", map(sub, sections[1:], sections[:-1]))
    return entries.tolist()


def _utf16_length(text: str) -> int:
    """A length as JavaScript counts it."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def write_indexes(site_dir: Path, builders: dict[str, IndexBuilder], segmenter: Segmenter) -> None:
    """Once every page is added: each language's shards and manifest under
    search/, and the small search_index.json that Material's bundle fetches;
    check that the worker is in the site, and leave it there without its
    comments. The words of every language are cut, and read, at once: the
    dictionaries are read for all of them together (gongshi.segment)."""
    site_dir = Path(site_dir)
    worker = site_dir / WORKER
    if not worker.is_file():
        raise SearchError(f"the search worker {WORKER} is missing from the site; it belongs in overrides/{WORKER}",
                          f"网站中缺少搜索程序 {WORKER}；它应当在 overrides/{WORKER}")
    worker.write_text(without_comments(worker.read_text(encoding="utf-8")), encoding="utf-8")
    cut = segmenter.words(set().union(*(builder.runs for builder in builders.values())))
    words = {lang: sorted({word for run in builder.runs for word in cut[run]}) for lang, builder in builders.items()}
    readings = segmenter.readings(set().union(*words.values()))
    for lang, builder in builders.items():
        builder.finish(words[lang], readings)
    config = {"lang": list(builders), "separator": HIGHLIGHT_SEPARATOR, "pipeline": [], "fields": {}}
    (site_dir / INDEX_DIR / "search_index.json").write_text(_json({"config": config, "docs": []}), encoding="utf-8")


# Before a "/" that starts a regular expression, not a division: a keyword.
_BEFORE_VALUE = {"return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "yield", "await", "else", "do"}
_VALUE_END = re.compile(r"[\w$)\]]$")


def without_comments(script: str) -> str:
    """The worker as readers download it: without its comments, the
    indentation of its lines and blank lines, a third of its gzip
    (bench/README.md). A small scanner of JavaScript that copies strings,
    template literals (no comment in their ${}) and regular expressions (a
    "/" where no value ends) as they are."""
    lines, line, at = [], [], 0
    while at < len(script):
        c, pair = script[at], script[at:at + 2]
        if c == "\n":
            lines.append("".join(line).strip())
            line, at = [], at + 1
        elif pair == "/*":
            line.append(" ")  # a comment between two words keeps them apart
            at = script.index("*/", at + 2) + 2
        elif pair == "//":
            end = script.find("\n", at)
            at = len(script) if end < 0 else end
        elif c in "'\"`" or (c == "/" and _starts_value("".join(line).rstrip())):
            end, in_class = at + 1, False
            while script[end] != c or in_class:
                if script[end] == "\\":
                    end += 1
                elif c == "/" and script[end] in "[]":
                    in_class = script[end] == "["
                end += 1
            line.append(script[at:end + 1])
            at = end + 1
        else:
            line.append(c)
            at += 1
    lines.append("".join(line).strip())
    return "\n".join(line for line in lines if line) + "\n"


def _starts_value(before: str) -> bool:
    """Whether a "/" after this much of a line starts a regular expression."""
    word = re.search(r"[\w$]*$", before)[0]
    return not _VALUE_END.search(before) or word in _BEFORE_VALUE


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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
