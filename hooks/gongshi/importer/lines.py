"""A notice as the importer sees it: numbered lines, one paragraph a line,
each as printed and folded for reading."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numerals import fold
from ..punctuation import chinese

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\xad"))


@dataclass(frozen=True)
class Line:
    number: int  # its line in a text or HTML file; its paragraph in a .docx
    text: str  # as printed: see printed()
    folded: str = field(default="", compare=False)  # `text` folded (numerals.fold), position for position

    def __post_init__(self):
        object.__setattr__(self, "folded", fold(self.text))


def printed(raw: str) -> str:
    """A line as the site keeps it: the notice's own characters, with no
    invisible characters, each run of whitespace one space, none at either end,
    and the one rule of punctuation.chinese applied."""
    return chinese(" ".join(raw.translate(_INVISIBLE).split()))


def lines_of(numbered) -> list[Line]:
    """Lines from (number, raw text) pairs, the empty ones left out."""
    lines = []
    for number, raw in numbered:
        text = printed(raw)
        if text:
            lines.append(Line(number, text))
    return lines


def without_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text)
