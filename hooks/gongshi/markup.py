"""What every renderer needs: the context it renders in, and escaping of data
into HTML and Markdown."""
from __future__ import annotations

import datetime
import functools
import html
import posixpath
import re
from dataclasses import dataclass, field

from .format import format_date, format_value
from .labels import LABELS, label
from .model import Block, Site

AREA_PAGES = "areas"  # the folder of the generated area pages, under docs/
NOTICE_PAGE = "notice.md"  # the page that shows the notice as printed


@dataclass(frozen=True)
class Context:
    site: Site
    lang: str
    page: str  # the Markdown source being filled, relative to docs/, e.g. "areas/index.md"
    edit_base: str = ""  # where sources are edited, e.g. "https://host/org/repo/edit/main/"; "" for none
    root: str = ""  # the way from this page's URL to the top of the published site, e.g. "../../"
    # Block id → the page (and anchor) that shows it structured, e.g.
    # "areas/work-safety.md#safety-management": where the notice page links each block.
    shown_on: dict = field(default_factory=dict)

    def link(self, target: str) -> str:
        """A Markdown link target from this page to another source file."""
        return _relative(target, posixpath.dirname(self.page) or ".")

    def in_notice(self, block_id: str) -> str:
        """A Markdown link target from this page to a block on the notice page."""
        return f"{self.link(NOTICE_PAGE)}#{block_id}"

    def notice_url(self, block_id: str) -> str:
        """The same, as a URL for raw HTML, which MkDocs leaves as it is:
        from this page to the top of the site, into this language, to the notice."""
        language = "" if self.lang == self.site.languages[0] else f"{self.lang}/"
        return f"{self.root}{language}{NOTICE_PAGE.removesuffix('.md')}/#{block_id}"

    def t(self, text) -> str:
        return text[self.lang]

    def printed(self, block: Block, parts: tuple[str, ...] = ("number", "label", "lead", "text")) -> str:
        """What the notice prints for a block (or for some of its parts) in this language."""
        texts = (getattr(block, part) for part in parts)
        return LABELS[self.lang]["join"].join(text[self.lang] for text in texts if text is not None)

    @property
    def kind(self) -> str:
        """巡察 or 巡视, as the site's labels say it."""
        return label(self.lang, self.site.round.inspection.kind)


# posixpath.relpath asks for the working folder at every call: 20,000 links
# at 100× the seed, between a few dozen pages and folders.
_relative = functools.lru_cache(maxsize=4096)(posixpath.relpath)


def item_head(ctx: Context, block: Block) -> str | None:
    """The heading a block gives its item on a structured page: a heading's
    whole line, or a paragraph's number, label and lead as printed where it
    has a lead; None where a paragraph has none."""
    if block.kind == "heading":
        return ctx.printed(block)
    return ctx.printed(block, ("number", "label", "lead")) if block.lead is not None else None


def item_name(ctx: Context, item) -> str:
    """How a list or table names a problem or measure: its heading, or its
    whole block, without the full stop that ends it (the name is followed by
    a colon or stands in a cell; the notice page keeps every stop)."""
    block = ctx.site.block(item.block)
    return (item_head(ctx, block) or ctx.printed(block)).rstrip("。.")


# How much of a block's text names it in a source line, in characters.
_NAME_LENGTH = {"zh": 12, "en": 40}


def block_name(ctx: Context, block_id: str) -> str:
    """How a source line names a block of the notice: by its number and lead
    where it has them, else by its first words."""
    block = ctx.site.block(block_id)
    head = item_head(ctx, block)
    if head:
        return head
    text, most = ctx.printed(block), _NAME_LENGTH.get(ctx.lang, 12)
    return text if len(text) <= most else text[:most].rstrip() + "…"


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


def _unit_pattern(ctx: Context, unit_id: str | None) -> str:
    """How a value is written in a unit, e.g. "{n}个"; a bare number without one."""
    return "{n}" if unit_id is None else ctx.site.unit(unit_id).writes[ctx.lang]


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
