"""A notice as the importer sees it: numbered, normalised lines, one paragraph a line."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# NFKC would turn ① into a bare 1 and lose the numbering; circled numbers stay.
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "─": "-"})


@dataclass(frozen=True)
class Line:
    number: int  # its line in a text or HTML file; its paragraph in a .docx
    text: str  # normalised: see normalise()


def normalise(text: str) -> str:
    """NFKC (full-width letters, digits and punctuation become half-width), every
    run of whitespace (full-width spaces too) one space, no space at either end."""
    pieces = re.split(f"([{_CIRCLED}])", text.translate(_INVISIBLE))
    text = "".join(p if p and p in _CIRCLED else unicodedata.normalize("NFKC", p) for p in pieces)
    return " ".join(text.translate(_DASHES).split())


def lines_of(numbered) -> list[Line]:
    """Lines from (number, raw text) pairs, the empty ones left out."""
    lines = []
    for number, raw in numbered:
        text = normalise(raw)
        if text:
            lines.append(Line(number, text))
    return lines
