"""The one rule by which the site's text of a notice differs from the notice
as received (`kept`). Punctuation is full-width, as official documents print
it (GB/T 15834), although copies on the web are often half-width after some
conversion (the seed notice is); and what is layout, not text, goes.
Applied once, when a notice's text enters data/notice.yaml (`gongshi
import`); every other character is the original's, and the fidelity tests
compare the site with `kept(received line)`.

- , ; : ! ? become ， ； ： ！ ？ except between two ASCII letters or digits
  (1,532  10:30  http://), which stay as they are;
- ( ) around text that holds a Chinese character become （ ）;
- invisible characters (zero-width spaces and joiners, soft hyphens, a
  byte-order mark) are dropped, each run of whitespace is one space, and a
  line has none at either end.
"""
from __future__ import annotations

import re

_WIDE = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\xad"))
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


def kept(line: str) -> str:
    """A line of a notice as the site keeps it: see the rule above."""
    return chinese(" ".join(line.translate(_INVISIBLE).split()))
