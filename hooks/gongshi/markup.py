"""What every renderer needs: the context it renders in, and escaping of data
into HTML and Markdown."""
from __future__ import annotations

import datetime
import html
import posixpath
import re
from dataclasses import dataclass

from .format import format_date, format_value
from .labels import label
from .model import Site

AREA_PAGES = "areas"  # the folder of the generated area pages, under docs/


@dataclass(frozen=True)
class Context:
    site: Site
    lang: str
    page: str  # the Markdown source being filled, relative to docs/, e.g. "areas/index.md"
    edit_base: str = ""  # where sources are edited, e.g. "https://host/org/repo/edit/main/"; "" for none
    root: str = ""  # the way from this page's URL to the top of the published site, e.g. "../../"

    def link(self, target: str) -> str:
        """A Markdown link target from this page to another source file."""
        return posixpath.relpath(target, posixpath.dirname(self.page) or ".")

    def t(self, text) -> str:
        return text[self.lang]

    @property
    def kind(self) -> str:
        """巡察 or 巡视, as the site's labels say it."""
        return label(self.lang, self.site.round.inspection.kind)


def esc(text: str) -> str:
    """Escape for HTML."""
    return html.escape(text, quote=True)


# Characters that Markdown reads as syntax and lets a backslash escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
# What Markdown takes as a line break (\r too), and the spaces and tabs that
# would indent a line into a code block: all one space, which HTML shows alike.
_BREAKS_AND_RUNS = re.compile(r"[ \t\r\n]+")


def md(text: str) -> str:
    """Escape for Markdown inline text: neither HTML nor Markdown syntax survives.
    Line breaks become spaces, so that no line of data can start a heading, a
    list or code. Markdown has no escape for ~ (\\~ shows as written), and ~~~
    opens a code block: it becomes an entity, which shows as ~."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", esc(_BREAKS_AND_RUNS.sub(" ", text)))
    return escaped.replace("~", "&#126;")


def time_tag(date: datetime.date, lang: str) -> str:
    """A date as readers write it, machine-readable in <time>."""
    return f'<time datetime="{date.isoformat()}">{esc(format_date(date, lang))}</time>'


def period_tag(start: datetime.date, end: datetime.date, lang: str) -> str:
    """From one day to another."""
    span = "–" if lang == "en" else "至"
    return f"{time_tag(start, lang)} {span} {time_tag(end, lang)}"


def notice_anchor(paragraph: str) -> str:
    """The anchor of a paragraph of the notice on the notice page, by its key in data/notice.yaml."""
    return "notice-" + paragraph.replace("_", "-")


def _unit_pattern(ctx: Context, unit_id: str | None) -> str:
    """How a value is written in a unit, e.g. "{n}个"; a bare number without one."""
    return "{n}" if unit_id is None else getattr(ctx.site.unit(unit_id), ctx.lang)


def quantity(ctx: Context, value: float, unit_id: str | None) -> str:
    """A value in its unit, as HTML: the number machine-readable in <data>."""
    before, _, after = _unit_pattern(ctx, unit_id).partition("{n}")
    return f'{esc(before)}<data value="{format_value(value, "zh")}">{format_value(value, ctx.lang)}</data>{esc(after)}'


def written(ctx: Context, value: float, unit_id: str | None) -> str:
    """A value in its unit, as plain text."""
    return _unit_pattern(ctx, unit_id).replace("{n}", format_value(value, ctx.lang))


def count_name(ctx: Context, name: str) -> str:
    """What a count of an update is called: the label of the total of that name in
    data/round.yaml, or the site's own word for it where the notice declares none."""
    figure = getattr(ctx.site.round.totals, name)
    return ctx.t(figure.label) if figure is not None else label(ctx.lang, f"total_{name}", kind=ctx.kind)


def count_unit(ctx: Context, name: str) -> str | None:
    """The unit a count of an update is written in: that of the total of that name, if declared."""
    figure = getattr(ctx.site.round.totals, name)
    return figure.unit if figure is not None else None
