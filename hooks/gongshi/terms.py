"""The terms a search matches, counted per section at build time, exactly as
the worker (overrides/search/worker.js) reads text at query time: the same
folding, the same Chinese runs, numbers, Latin words and English stems. The
worker fetches the counts of the terms of a query, and the text of only the
pages it shows (gongshi.search), instead of the text of every page.

Keys: each pair of Chinese characters side by side, and a character at the
end of a run of them (a query of one character adds up the keys that begin
with it; one of three characters or more is looked for through its pairs,
then checked in the text); "#" and a number without its thousands
separators, or written in Chinese numerals (二十九 is "#29"); the stem of a
Latin word.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from operator import add

from .numerals import chinese_value

# As the worker's /\p{sc=Han}/u and /\p{sc=Latin}/u, for the characters a
# Chinese or English notice holds (Scripts.txt of Unicode 15).
HAN = ("\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf"
       "\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00020000-\U0003134f")
LATIN = ("A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c"
         "\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b\u2132"
         "\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ca\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a")
HAN_RUN = re.compile(f"[{HAN}]+")
LATIN_WORD = re.compile(f"[{LATIN}]+")
NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")  # ASCII digits, as JavaScript's \d
# Chinese numerals that stand for a number (the worker's numerals()): a run of
# these characters that holds a unit and is two characters or more (二十九,
# 两千, 十一), digits before 年 (a year: 二〇二四年), or one digit before a
# measure word (三年, 八项, 两个). Not a digit alone elsewhere (一岗双责, 统一),
# nor other digits without a unit (一一对应, 五一).
NUMERAL_RUN = re.compile("[零〇一二三四五六七八九十百千万亿两]+")
_UNIT = re.compile("[十百千万亿]")
_DIGIT_ALONE = "一二三四五六七八九十两"
MEASURE_WORDS = "个项次名人件条家起批份处辆艘座台户所类种期级年月天日周轮本篇场元位支套张块"
# Above this, JavaScript's numbers are no longer whole numbers one for one.
_LARGEST = 10 ** 15
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULL_WIDTH_CHAR = re.compile("[\uff01-\uff5e]")
# Characters that are not ASCII, Chinese or CJK punctuation, for which
# str.lower() may not be fold(): looked at one by one.
_ANY_OTHER = re.compile(f"([^\x00-\x7f\u3000-\u303f{HAN}])")


def fold(text: str) -> str:
    """The worker's fold(): full-width letters and digits as ASCII, capitals in
    lower case where that keeps one character for one."""
    if _FULL_WIDTH_CHAR.search(text):
        text = text.translate(_FULL_WIDTH)
    if not _ANY_OTHER.search(text):
        return text.lower()  # ASCII and Chinese, where lower() is fold()
    # Every other part is one such character, looked at alone.
    return "".join(_lower(part) if n % 2 else part.lower() for n, part in enumerate(_ANY_OTHER.split(text)))


@lru_cache(maxsize=None)
def _lower(c: str) -> str:
    if unicodedata.category(c) != "Lu":
        return c
    lower = c.lower()
    return lower if len(lower) == 1 else c


def shard(key: str, count: int) -> int:
    """Which of `count` shards holds a key: FNV-1a over the UTF-16 code units
    of the key, or of its first character if it is Chinese, as the worker's shard()."""
    h = 0x811C9DC5
    units = (key[0] if HAN_RUN.match(key) else key).encode("utf-16-le")
    for i in range(0, len(units), 2):
        h = ((h ^ (units[i] | units[i + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return h % count


def numeral_value(numeral: str) -> int | None:
    """The number a run of Chinese numerals writes, as cn2an reads it (its
    "normal" mode, which the worker's numerals() follows: 两千, 一万二 and
    二〇二四 too), or None. Only for numerals no cache holds (gongshi.segment)."""
    value = chinese_value(numeral, "normal")
    return value if value is not None and value < _LARGEST else None


def numerals(run: str, value_of: Callable[[str], int | None] = numeral_value) -> list[tuple[int, int, int]]:
    """Where a run of Chinese characters writes numbers in Chinese numerals:
    (start, end, value) for each."""
    found = []
    for match in NUMERAL_RUN.finditer(run):
        numeral, after = match[0], run[match.end():match.end() + 1]
        if (_UNIT.search(numeral) is not None or after == "年" if len(numeral) > 1
                else numeral in _DIGIT_ALONE and after != "" and after in MEASURE_WORDS):
            value = value_of(numeral)
            if value is not None:
                found.append((match.start(), match.end(), value))
    return found


def counts(text: str, value_of: Callable[[str], int | None] = numeral_value) -> Counter:
    """How often each key occurs in one field of a section. A Chinese character
    is counted in the pair it begins, or alone at the end of a run, so that
    the worker adds up a character's count from the keys that begin with it,
    all in one shard (shard()). `value_of` reads Chinese numerals."""
    folded = fold(text)
    found = Counter()
    for run in HAN_RUN.findall(folded):
        found.update(map(add, run, run[1:]))
        found[run[-1]] += 1
        found.update(f"#{value}" for _, _, value in numerals(run, value_of))
    found.update("#" + number.replace(",", "") for number in NUMBER.findall(folded))
    found.update(map(stem, LATIN_WORD.findall(folded)))
    return found


# English stems: the worker's stem(), step for step (Porter's 1a-c and 5,
# after spelling -ise as -ize); tests hold the two to the same answers.
_c, _v = "[^aeiou]", "[aeiouy]"
_C, _V = f"{_c}[^aeiouy]*", f"{_v}[aeiou]*"
_M_GT_0 = re.compile(f"^({_C})?{_V}{_C}")
_M_EQ_1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_M_GT_1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_HAS_VOWEL = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")


@lru_cache(maxsize=None)
def stem(word: str) -> str:
    word = re.sub(r"([iy])s(e|es|ed|ing)$", r"\1z\2", word)
    if len(word) < 3:
        return word
    y = word[0] == "y"
    if y:
        word = "Y" + word[1:]

    # Step 1a: plurals
    if m := re.match(r"^(.+?)(ss|i)es$", word):
        word = m[1] + m[2]
    elif m := re.match(r"^(.+?)([^s])s$", word):
        word = m[1] + m[2]

    # Step 1b: -ed, -ing
    if m := re.match(r"^(.+?)eed$", word):
        if _M_GT_0.match(m[1]):
            word = word[:-1]
    elif (m := re.match(r"^(.+?)(ed|ing)$", word)) and _HAS_VOWEL.match(m[1]):
        word = m[1]
        if re.search(r"(at|bl|iz)$", word):
            word += "e"
        elif re.search(r"([^aeiouylsz])\1$", word):
            word = word[:-1]
        elif _CVC.match(word):
            word += "e"

    # Step 1c: -y
    if (m := re.match(r"^(.+?)y$", word)) and _HAS_VOWEL.match(m[1]):
        word = m[1] + "i"

    # Step 5: a final -e, and -ll
    if (m := re.match(r"^(.+?)e$", word)) and (_M_GT_1.match(m[1]) or (_M_EQ_1.match(m[1]) and not _CVC.match(m[1]))):
        word = m[1]
    if word.endswith("ll") and _M_GT_1.match(word):
        word = word[:-1]

    return "y" + word[1:] if y else word
