"""Split a rendered page into the sections a search result links to.

Like Material's own search, a page is one section per heading that has an id,
the first one standing for the page itself. Unlike it, the text is plain
(the search worker escapes what it shows), so that search matches the words
a reader sees and nothing of the markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements whose text stands apart from its neighbours: a space keeps
# "2024" in one table cell from running into "年" in the next.
_BLOCKS = _HEADINGS | {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_UNREAD = {"script", "style", "template", "object", "svg"}


@dataclass(frozen=True)
class Section:
    location: str  # the page's URL from the site root, with "#id" for a section below the first
    title: str
    text: str


def page_sections(url: str, title: str, html: str) -> list[Section]:
    """The sections of one page, the page itself first (always: Material's
    result list shows each page above its sections)."""
    parser = _Parser(url, title)
    parser.feed(html)
    parser.close()
    sections = [Section(location, _clean(title), _clean("".join(text))) for location, title, text in parser.sections]
    return sections[:1] + [s for s in sections[1:] if s.title or s.text]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Parser(HTMLParser):
    def __init__(self, url: str, title: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.sections: list[tuple[str, str, list[str]]] = [(url, title, [])]
        self._headed = False  # whether a heading has been read yet
        self._skipping: list[str] = []  # open elements of a part that is not read
        self._heading: tuple[str, str | None, list[str]] | None = None  # (tag, id, text) being read

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._skipping:
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        # Permalink anchors (¶), scripts and parts marked out of search are not text.
        if tag in _UNREAD or "data-search-exclude" in attrs or "headerlink" in (attrs.get("class") or "").split():
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in _HEADINGS and self._heading is None:
            self._heading = (tag, attrs.get("id"), [])
        elif tag in _BLOCKS:
            self._text().append(" ")

    def handle_endtag(self, tag):
        if self._skipping:
            if self._skipping[-1] == tag:
                self._skipping.pop()
            return
        if self._heading is not None and tag == self._heading[0]:
            self._end_heading(*self._heading)
        elif tag in _BLOCKS:
            self._text().append(" ")

    def handle_data(self, data):
        if not self._skipping:
            self._text().append(data)

    def _text(self) -> list[str]:
        return self._heading[2] if self._heading is not None else self.sections[-1][2]

    def _end_heading(self, tag: str, anchor: str | None, text: list[str]):
        self._heading = None
        heading = _clean("".join(text))
        location, title, body = self.sections[-1]
        if tag == "h1" and not self._headed:
            self.sections[0] = (location, heading or title, body)  # the page's own heading
        elif anchor:
            self.sections.append((f"{self.url}#{anchor}", heading, []))
        else:
            body.extend([" ", heading, " "])  # a heading nothing can link to stays text
        self._headed = True
