"""Chinese punctuation back after NFKC: the importer reads normalised text,
where full-width ， ； ： （ ） became ASCII, but Chinese text is written
with full-width punctuation, as the hand-made data is."""
from __future__ import annotations

import re

_WIDE = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_BRACKETED = re.compile(r"\(([^()]*[^\x00-\x7f][^()]*)\)")


def _wide_mark(match: re.Match) -> str:
    text, at = match.string, match.start()
    before, after = text[at - 1: at], text[at + 1: at + 2]
    # Between two ASCII letters or digits it stays: 1,532  10:30  http://
    if before.isascii() and before.strip() and after.isascii() and after.strip():
        return match.group(0)
    return _WIDE[match.group(0)]


def chinese(text: str) -> str:
    """, ; : ! ? become full-width next to Chinese; brackets around Chinese too."""
    text = re.sub(r"[,;:!?]", _wide_mark, text)
    while True:
        wider = _BRACKETED.sub(r"（\1）", text)
        if wider == text:
            return text
        text = wider
