"""A notice as the importer sees it: numbered lines, one paragraph a line,
each as printed and folded for reading."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numerals import fold
from ..punctuation import kept


@dataclass(frozen=True)
class Line:
    number: int  # its line in a text or HTML file; its paragraph in a .docx
    text: str  # as the site keeps it: punctuation.kept
    folded: str = field(default="", compare=False)  # `text` folded (numerals.fold), position for position

    def __post_init__(self):
        object.__setattr__(self, "folded", fold(self.text))


def lines_of(numbered) -> list[Line]:
    """Lines from (number, raw text) pairs, the empty ones left out."""
    lines = []
    for number, raw in numbered:
        text = kept(raw)
        if text:
            lines.append(Line(number, text))
    return lines


def without_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text)
