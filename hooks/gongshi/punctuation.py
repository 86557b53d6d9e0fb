"""The one rule by which the site's Chinese text differs from the notice as
received: punctuation is full-width, as official documents print it (GB/T
15834), although copies on the web are often half-width after some
conversion (the seed notice is). Applied once, when a notice's text enters
data/notice.yaml (`gongshi import`); every other character is the original's,
and the fidelity tests compare the site with `chinese(received line)`.

- , ; : ! ? become ， ； ： ！ ？ except between two ASCII letters or digits
  (1,532  10:30  http://), which stay as they are;
- ( ) around text that holds a Chinese character become （ ）.
"""
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
