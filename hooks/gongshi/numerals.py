"""Numbers as notices write them, read for matching, never for storing.

`fold` turns full-width digits, letters and punctuation into ASCII one
character for one, so that a position found in the folded text is the same
position in the original (which is what the site stores and shows). Chinese
numerals (二十九, 一百一十七, 二〇二四) are read with cn2an.
"""
from __future__ import annotations

import re
import unicodedata

# NFKC would read ① as a bare 1 and lose a numbering: circled numbers stay.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CHINESE_DIGITS = "零〇一二三四五六七八九十百千万两"
CHINESE_NUMBER = re.compile(f"[{CHINESE_DIGITS}]+")


class _Folded(dict):
    """Code point → the character it folds to, worked out once per character:
    str.translate looks each one up here (fold() meets every character of the
    notice, a million at 100× the seed)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        self[code] = char if char in CIRCLED or len(folded) != 1 else folded
        return self[code]


_FOLDED = _Folded()


def fold(text: str) -> str:
    """Full-width forms as ASCII (（一） → (一), ２９ → 29, ： → :), one character
    for one; a full-width space is a space."""
    return text.translate(_FOLDED)


def chinese_value(numeral: str, mode: str = "smart") -> int | None:
    """二十九 → 29, 两 → 2, 二〇二四 → 2024; None where it is no whole number.
    `mode` is cn2an's: "smart" reads mixed forms too (2千), "normal" only numerals."""
    # Imported here: cn2an takes a second to import, and only Chinese numerals need it.
    import cn2an

    try:
        value = cn2an.cn2an(numeral, mode)
    except (ValueError, KeyError):  # KeyError: cn2an's spoken forms ending in 十 or 亿
        return None
    return int(value) if float(value).is_integer() else None
