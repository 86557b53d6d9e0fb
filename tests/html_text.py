"""Read the visible text and the figures out of built pages."""
from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def normalise(text: str) -> str:
    """NFKC (full- and half-width punctuation compare equal) without whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def sentences(text: str) -> list[str]:
    """Split Chinese text after 。；！？ (and at line ends)."""
    return [s for line in text.splitlines() for s in re.findall(r"[^。；;！？]+[。；;！？]?", line) if s.strip()]
