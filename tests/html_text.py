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


class _NoticeLines(HTMLParser):
    """The lines of the notice page's document (.gs-notice): each heading and
    paragraph, a <br> starting a new line; permalink marks left out."""

    _LINES = {"h1", "h2", "h3", "h4", "h5", "h6", "p"}

    def __init__(self):
        super().__init__()
        self.lines: list[str] = []
        self._depth = 0  # of elements inside .gs-notice, once it has started
        self._skip = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self._depth:
            if tag == "div" and "gs-notice" in (attrs.get("class") or "").split():
                self._depth = 1
            return
        if tag not in ("br", "img", "input", "hr", "wbr"):
            self._depth += 1
        if tag == "a" and "headerlink" in (attrs.get("class") or ""):
            self._skip = self._depth
        elif tag in self._LINES:
            self._current = []
        elif tag == "br" and self._current is not None:
            self._end_line()
            self._current = []

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if self._skip == self._depth:
            self._skip = 0
        if tag in self._LINES and self._current is not None:
            self._end_line()
            self._current = None
        self._depth -= 1

    def handle_data(self, data):
        if self._depth and self._current is not None and not self._skip:
            self._current.append(data)

    def _end_line(self):
        line = re.sub(r"\s+", " ", "".join(self._current)).strip()
        if line:
            self.lines.append(line)


def notice_lines(html: str) -> list[str]:
    """The notice page's document, line by line, as a reader sees it."""
    parser = _NoticeLines()
    parser.feed(html)
    return parser.lines
