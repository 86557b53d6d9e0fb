"""What every renderer needs: the context it renders in, and escaping of data
into HTML and Markdown."""
from __future__ import annotations

import datetime
import html
import posixpath
import re
from dataclasses import dataclass

from .format import format_date
from .model import Site


@dataclass(frozen=True)
class Context:
    site: Site
    lang: str
    page: str  # the Markdown source being filled, relative to docs/, e.g. "areas/index.md"

    def link(self, target: str) -> str:
        """A Markdown link target from this page to another source file."""
        return posixpath.relpath(target, posixpath.dirname(self.page) or ".")

    def t(self, text) -> str:
        return text[self.lang]


def esc(text: str) -> str:
    """Escape for HTML."""
    return html.escape(text, quote=True)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md(text: str) -> str:
    """Escape for Markdown inline text: neither HTML nor Markdown syntax survives.
    Line breaks become spaces, so that no line of data can start a heading or a list."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", esc(" ".join(text.split("\n"))))


def time_tag(date: datetime.date, lang: str) -> str:
    """A date as readers write it, machine-readable in <time>."""
    return f'<time datetime="{date.isoformat()}">{esc(format_date(date, lang))}</time>'


def period_tag(start: datetime.date, end: datetime.date, lang: str) -> str:
    """From one day to another."""
    span = "–" if lang == "en" else "至"
    return f"{time_tag(start, lang)} {span} {time_tag(end, lang)}"
