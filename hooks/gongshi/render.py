"""Fill the data markers in Markdown, in one language.

A marker is an HTML comment, invisible in any Markdown preview:

    <!-- data:figures -->        <!-- data:area strong-transport-city -->

One regular expression finds them and one table maps each name to the
function that renders it and says what it takes (nothing, an area id, or
block ids). Text from data is escaped before it enters the page.

The notice page renders the notice's blocks in order, each as printed; every
other page shows structure (areas, problems, measures, figures) and links each
item to its block on the notice page.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import InputError, Problem, closest, suggest
from .export import DATA_DIR, SUMS_NAME, export_files
from .format import format_date, format_value
from .history import roll_up_now
from .labels import label
from .markup import AREA_PAGES, Context, esc, item_head, md, period_tag, quantity, time_tag
from .model import Block, Figure, Site
from .progress import area_status_history, render_changes, render_progress_chart, render_timeline, status_badge
from .validate import language_name

# A marker may run over lines, but never into the next comment: one left unclosed is a look-alike.
MARKER = re.compile(r"<!--\s*data:(?P<body>(?:(?!<!--).)*?)-->", re.DOTALL)


# --- pieces shared by several markers ------------------------------------------


def _as_of(ctx: Context) -> str:
    """The date the notice's figures are as of: the day it counts to (截至…) where
    it says, else the date of the update the figures belong to (the two agree),
    else the notice's own."""
    update = ctx.site.figures_update
    date = ctx.site.round.totals.as_of or (update.date if update else ctx.site.notice.date)
    return f'<p class="gs-as-of">{esc(label(ctx.lang, "as_of", date=format_date(date, ctx.lang)))}</p>'


def _source_label(ctx: Context, figure: Figure, block_id: str | None) -> str:
    """A figure's label, linked to the block of the notice that states it."""
    text = esc(ctx.t(figure.label))
    return f'<a href="{esc(ctx.notice_url(block_id))}">{text}</a>' if block_id else text


def _figure_cards(ctx: Context, figures, block_id: str | None = None, extra: dict | None = None) -> str:
    """A grid of figure cards; `extra` adds HTML under a figure, keyed by position."""
    cards = []
    for index, figure in enumerate(figures):
        cards.append(
            '<div class="gs-figure">'
            f'<span class="gs-figure__value">{quantity(ctx, figure.value, figure.unit)}</span>'
            f'<span class="gs-figure__label">{_source_label(ctx, figure, figure.block or block_id)}</span>'
            f'{(extra or {}).get(index, "")}</div>'
        )
    return '<div class="gs-figures">' + "".join(cards) + "</div>"


def _progress(ctx: Context, key: str, done: Figure, total: Figure) -> str:
    percent = f"{done.value / total.value:.1%}" if total.value else "–"
    text = label(ctx.lang, key, done=format_value(done.value, ctx.lang), total=format_value(total.value, ctx.lang), percent=percent)
    return (f'<progress class="gs-progress" value="{format_value(done.value, "zh")}" max="{format_value(total.value, "zh")}" '
            f'aria-label="{esc(text)}"></progress><span class="gs-progress__text">{esc(text)}</span>')


def _figure_table(ctx: Context, figures, name: str) -> str:
    rows = "".join(f"<tr><td>{_source_label(ctx, f, f.block)}</td><td>{quantity(ctx, f.value, f.unit)}</td></tr>" for f in figures)
    head = f'<tr><th scope="col">{esc(label(ctx.lang, "figure"))}</th><th scope="col">{esc(label(ctx.lang, "count"))}</th></tr>'
    return f'<table data-gs-table="{name}"><thead>{head}</thead><tbody>{rows}</tbody></table>'


def area_title(ctx: Context, area) -> str:
    """What the site calls an area: its number as printed and its quote, or its whole heading."""
    block = ctx.site.block(area.block)
    if area.quote is None:
        return ctx.printed(block)
    return ctx.printed(block, ("number",)) + (" " if ctx.lang == "en" else "") + ctx.t(area.quote)


def _site_words(ctx: Context, text) -> str:
    """The site's own words, marked as not the notice's."""
    return (f'<aside class="gs-site-words"><p class="gs-site-words__label">{esc(label(ctx.lang, "site_words"))}</p>'
            f'<p>{esc(ctx.t(text))}</p></aside>')


def _block_section(ctx: Context, block: Block, level: int, figures=(), anchor: str | None = None) -> str:
    """A block on a structured page: a heading linked to its place in the notice
    where it has a lead (else its text, linked), its text, and its figures."""
    anchor, link = anchor or block.id, ctx.in_notice(block.id)
    head = item_head(ctx, block)
    if head is not None:
        body = md(ctx.t(block.text)) if block.text and block.kind != "heading" else ""
        parts = [f"{'#' * level} [{md(head)}]({link}) {{#{anchor}}}", body]
    else:
        # A paragraph with no heading: its number or label leads to the notice, else a link after it.
        prefix, rest = ctx.printed(block, ("number", "label")), md(ctx.printed(block, ("text",)))
        source = f"**[{md(prefix)}]({link})**{rest}" if prefix else f"{rest} [{md(label(ctx.lang, 'in_notice_short'))}]({link})"
        parts = [f"{source}\n{{: #{anchor} }}"]
    if figures:
        parts.append(_figure_cards(ctx, figures, block.id))
    return "\n\n".join(part for part in parts if part)


# --- the markers ---------------------------------------------------------------


def render_round(ctx: Context, *_) -> str:
    inspection = ctx.site.round.inspection
    parts = []
    if inspection.team is not None and inspection.unit is not None:
        who = label(ctx.lang, "inspected", team=ctx.t(inspection.team), unit=ctx.t(inspection.unit), kind=ctx.kind)
        who = who[:1].upper() + who[1:]  # the English names start lowercase ("the Fourth …") to read mid-sentence
        parts.append(f'<p class="gs-round__who">{esc(who)}</p>')
    rows = [("period", period_tag(inspection.start, inspection.end, ctx.lang) if inspection.start and inspection.end else None),
            ("feedback", time_tag(inspection.feedback, ctx.lang) if inspection.feedback else None),
            ("report", time_tag(ctx.site.notice.date, ctx.lang))]
    items = "".join(f"<dt>{esc(label(ctx.lang, key, kind=ctx.kind))}</dt><dd>{value}</dd>" for key, value in rows if value)
    parts.append(f'<dl class="gs-dates">{items}</dl>')
    return "\n\n".join(parts)


# A bar under a total shows it against the total it is a part of.
_BARS = {"completed": ("problems", "completed_of"), "immediate_completed": ("immediate", "immediate_of")}


def render_figures(ctx: Context, *_) -> str:
    """The totals the notice declares, with a bar under each part of a whole,
    and, where the notice lists its problems, how many have each status."""
    totals = ctx.site.round.totals
    named = totals.named()
    # `immediate_completed` is the bar under `immediate`; a card only when `immediate` is not stated.
    shown = [(name, f) for name, f in named.items() if name != "immediate_completed" or "immediate" not in named]
    extra = {}
    for index, (name, figure) in enumerate(shown):
        if name == "completed" and "problems" in named:
            extra[index] = _progress(ctx, "completed_of", figure, named["problems"])
        elif name == "immediate" and "immediate_completed" in named:
            extra[index] = _progress(ctx, "immediate_of", named["immediate_completed"], figure)
    parts = [_as_of(ctx)]
    if shown:
        parts.append(_figure_cards(ctx, [f for _, f in shown], extra=extra))
    parts.append(_problems_by_status(ctx))
    return "\n\n".join(part for part in parts if part)


def _problems_by_status(ctx: Context) -> str:
    """How many of the problems the notice lists have each status, counted from the problems."""
    problems = ctx.site.problems
    if not problems:
        return ""
    counts = [(status, sum(p.status == status.id for p in problems)) for status in ctx.site.statuses]
    unstated = sum(p.status is None for p in problems)
    items = [f"<li>{status_badge(status, ctx.lang)} <data value=\"{n}\">{esc(format_value(n, ctx.lang))}</data></li>"
             for status, n in counts if n]
    if unstated:
        items.append(f'<li>{esc(label(ctx.lang, "not_stated"))} <data value="{unstated}">{esc(format_value(unstated, ctx.lang))}</data></li>')
    total = label(ctx.lang, "status_of_problems", count=format_value(len(problems), ctx.lang))
    heading = label(ctx.lang, "problems_by_status", kind=ctx.kind) + label(ctx.lang, "detail", detail=total)
    return (f'<div class="gs-by-status" data-gs-by-status><p class="gs-by-status__title">{esc(heading)}</p>'
            f'<ul class="gs-by-status__list">{"".join(items)}</ul></div>')


def render_accountability(ctx: Context, *_) -> str:
    return _as_of(ctx) + "\n\n" + _figure_table(ctx, ctx.site.round.accountability, "accountability")


def render_meetings(ctx: Context, *_) -> str:
    return _as_of(ctx) + "\n\n" + _figure_table(ctx, ctx.site.round.meetings, "meetings")


def render_area_cards(ctx: Context, *_) -> str:
    cards = []
    for area in ctx.site.areas:
        if area.problems:
            count = label(ctx.lang, "area_problems", count=len(area.problems))
        else:
            count = label(ctx.lang, "area_measures", count=len(area.measures))
        target = ctx.link(f"{AREA_PAGES}/{area.id}.md")
        cards.append(f"-   [{md(area_title(ctx, area))}]({target})\n\n    {md(count)}")
    return '<div class="grid cards gs-area-cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def render_area(ctx: Context, area_id: str) -> str:
    site, area = ctx.site, ctx.site.area(area_id)
    kicker = label(ctx.lang, "area_kicker", number=site.area_positions[area.id] + 1, total=len(site.areas), kind=ctx.kind)
    if area.aspect is not None:
        kicker += " · " + ctx.printed(site.block(area.aspect))
    parts = [
        f"# {md(area_title(ctx, area))}",
        f'<p class="gs-kicker">{esc(kicker)}</p>',
        _as_of(ctx),
        _status(ctx, area),
        _site_words(ctx, area.summary) if area.summary is not None else "",
        area_status_history(ctx, area),
    ]
    for problem in area.problems:
        parts.append(_item(ctx, problem, 2))
        parts += [_item(ctx, measure, 3) for measure in problem.measures]
    parts += [_item(ctx, measure, 2) for measure in area.measures]
    parts.append(f"[{md(label(ctx.lang, 'in_notice'))}]({ctx.in_notice(area.block)}){{ .md-button }}")
    return "\n\n".join(part for part in parts if part)


def _item(ctx: Context, item, level: int) -> str:
    """A problem or measure: its block, the status the notice gives it, its figures."""
    figures = getattr(item, "figures", ())
    return "\n\n".join(part for part in (_block_section(ctx, ctx.site.block(item.block), level, figures, item.id),
                                         _status(ctx, item)) if part)


def _status(ctx: Context, owner) -> str:
    """The status the notice gives an area, problem or measure, as a badge
    linked to the block that gives it; where the items of an area all have a
    status, the area's own is the least advanced of theirs."""
    site = ctx.site
    if owner.status is not None:
        status, block_id = site.status(owner.status), owner.status_block or owner.block
    elif hasattr(owner, "problems"):
        status, block_id = roll_up_now(site, owner), None
    else:
        return ""
    if status is None:
        return ""
    colon = label(ctx.lang, "colon")
    source = f' <a class="gs-status__source" href="{esc(ctx.notice_url(block_id))}">{esc(label(ctx.lang, "in_notice_short"))}</a>' if block_id else ""
    return f'<p class="gs-item-status">{esc(label(ctx.lang, "status") + colon)}{status_badge(status, ctx.lang)}{source}</p>'


def _block_range(site: Site, first: str, last: str | None) -> list[Block]:
    order = site.block_order
    end = order[last] if last else order[first]
    return list(site.notice.blocks[order[first]: end + 1])


def render_excerpt(ctx: Context, first: str, last: str | None = None) -> str:
    """Blocks of the notice from `first` to `last` as a page's sections, each
    linked to its place in the notice, with the figures it states."""
    blocks = _block_range(ctx.site, first, last)
    sections = [_block_section(ctx, block, 2, ctx.site.figures_by_block.get(block.id, ())) for block in blocks]
    dated = any(block.id in ctx.site.figures_by_block for block in blocks)
    return "\n\n".join(([_as_of(ctx)] if dated else []) + sections)


def render_notice(ctx: Context, *_) -> str:
    """The whole notice as a document, block by block, each as printed and
    anchored by its id, linked to the page that structures it."""
    parts, signature = [], []
    for block in ctx.site.notice.blocks:
        if block.kind in ("signature", "date"):
            signature.append(block)
            continue
        if signature:
            parts.append(_signature(ctx, signature))
            signature = []
        parts.append(_notice_block(ctx, block))
    if signature:
        parts.append(_signature(ctx, signature))
    return '<div class="gs-notice" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>"


def _notice_block(ctx: Context, block: Block) -> str:
    target = ctx.shown_on.get(block.id)
    if block.kind == "title":
        return f"# {md(ctx.printed(block))} {{ #{block.id} .gs-notice__title }}"
    if block.kind == "heading":
        text = md(ctx.printed(block))
        text = f"[{text}]({ctx.link(target)})" if target else text
        return f"{'#' * min(block.level + 1, 6)} {text} {{ #{block.id} }}"
    head = item_head(ctx, block)
    if head is None:
        return f"{md(ctx.printed(block))}\n{{: #{block.id} }}"
    head = f"[{md(head)}]({ctx.link(target)})" if target else md(head)
    body = md(ctx.t(block.text)) if block.text else ""
    join = " " if ctx.lang == "en" and body else ""
    return f"**{head}**{join}{body}\n{{: #{block.id} }}"


def _signature(ctx: Context, blocks: list[Block]) -> str:
    """The signature and date at the right, as the notice ends; the date is machine-readable."""
    lines = []
    for block in blocks:
        text = esc(ctx.printed(block))
        if block.kind == "date":
            lines.append(f'<time id="{block.id}" datetime="{ctx.site.notice.date.isoformat()}">{text}</time>')
        else:
            lines.append(f'<span id="{block.id}">{text}</span>')
    return f'<p class="gs-notice__signature">{"<br>".join(lines)}</p>'


def render_contact(ctx: Context, *_) -> str:
    return contact_html(ctx.site, ctx.lang)


def render_source(ctx: Context, *_) -> str:
    site = ctx.site
    title = next((ctx.printed(block) for block in site.notice.blocks if block.kind == "title"), ctx.t(site.info.name))
    text = label(ctx.lang, "source", signature=ctx.t(site.info.issuer), title=title, date=format_date(site.notice.date, ctx.lang))
    return md(text)


def contact_html(site: Site, lang: str) -> str:
    """The contact details as links; used on the contact page and in every footer."""
    contact = site.contact
    rows = [
        ("phone", contact.phone and f'<a href="tel:{esc(contact.phone)}">{esc(contact.phone)}</a>'),
        ("email", contact.email and f'<a href="mailto:{esc(contact.email)}">{esc(contact.email)}</a>'),
        ("address", contact.address and esc(contact.address[lang])),
        ("postcode", contact.postcode and esc(contact.postcode)),
        ("mailbox", contact.mailbox and esc(contact.mailbox[lang])),
    ]
    items = "".join(f"<dt>{esc(label(lang, key))}</dt><dd>{value}</dd>" for key, value in rows if value)
    return (f'<div class="gs-contact"><p class="gs-contact__org">{esc(contact.organisation[lang])}</p>'
            f'<dl class="gs-contact__list">{items}</dl></div>')


def _languages_named(ctx: Context) -> str:
    """The site's languages, as this page's language names them: "中文与英文", "Chinese"."""
    names = [language_name(lang, ctx.lang) for lang in ctx.site.languages]
    if len(names) == 1:
        return names[0]
    return label(ctx.lang, "separator").join(names[:-1]) + label(ctx.lang, "and") + names[-1]


def render_downloads(ctx: Context, *_) -> str:
    """The open-data files under /data/, each with what it holds and its size."""
    files = export_files(ctx.site)
    head = "".join(f'<th scope="col">{esc(label(ctx.lang, key))}</th>' for key in ("file", "holds", "size"))
    rows = []
    for name, content in [*files.items(), (SUMS_NAME, None)]:
        kind = name.split(".", 1)[0] if name.endswith(".csv") else name
        holds = (label(ctx.lang, "download_table", table=label(ctx.lang, f"table_{kind}")) if name.endswith(".csv")
                 else label(ctx.lang, f"download_{kind}", languages=_languages_named(ctx)))
        size = "" if content is None else esc(label(ctx.lang, "bytes", n=format_value(len(content), ctx.lang)))
        href = f"{ctx.root}{DATA_DIR}/{name}"
        rows.append(f'<tr><td><a href="{esc(href)}"><code>{esc(name)}</code></a></td><td>{esc(holds)}</td><td>{size}</td></tr>')
    return f'<table data-gs-table="downloads"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


# The site map lists every page, which only the build knows once all pages are
# read: the marker leaves this placeholder, and the build fills it (sitemap_html).
SITEMAP_PLACEHOLDER = '<div class="gs-sitemap" data-gs-sitemap></div>'


def render_sitemap(ctx: Context, *_) -> str:
    return SITEMAP_PLACEHOLDER


def sitemap_html(entries: list[dict]) -> str:
    """Nested lists of {"title", "url" (None for a section), "children"}."""
    items = []
    for entry in entries:
        title = esc(entry["title"])
        head = f'<a href="{esc(entry["url"])}">{title}</a>' if entry.get("url") else f"<strong>{title}</strong>"
        children = sitemap_html(entry["children"]) if entry.get("children") else ""
        items.append(f"<li>{head}{children}</li>")
    return f'<ul class="gs-sitemap__list">{"".join(items)}</ul>'


# --- the table of markers -------------------------------------------------------------


NOTHING, AREA, BLOCKS = "nothing", "area", "blocks"


@dataclass(frozen=True)
class Marker:
    render: object  # (Context, *args) → Markdown
    takes: str  # NOTHING, AREA (one area id) or BLOCKS (a block id, or the first and last of a range)
    source: str | None  # the data file it shows, for its edit link (None: the page's own link serves)
    en: str  # what it shows, for CONTRIBUTING's table of markers
    zh: str
    data: str | None = None  # where its data comes from, for that table, where `source` does not say


MARKERS = {
    "round": Marker(render_round, NOTHING, "data/round.yaml", "who inspected whom, and when", "谁在何时对谁进行了巡察"),
    "figures": Marker(render_figures, NOTHING, "data/round.yaml", "the totals the notice states, and the problems by status",
                      "公告说明的总数，以及各状态的问题数"),
    "accountability": Marker(render_accountability, NOTHING, "data/round.yaml", "the accountability table", "问责情况表"),
    "meetings": Marker(render_meetings, NOTHING, "data/round.yaml", "the meetings and follow-ups table", "会议与督办表"),
    "area-cards": Marker(render_area_cards, NOTHING, None, "a card for each area, linked to its page", "每个方面一张卡片，链接到其页面",
                         "data/areas/"),
    "area": Marker(render_area, AREA, None, "one area's page: its problems, measures, figures and statuses",
                   "一个方面的页面：问题、措施、数字和状态", "data/areas/"),
    "excerpt": Marker(render_excerpt, BLOCKS, "data/notice.yaml",
                      "blocks of the notice from the first id to the last, as sections, with their figures",
                      "公告中从第一个标识到最后一个标识的段落，分节显示，附数字"),
    "notice": Marker(render_notice, NOTHING, "data/notice.yaml", "the whole notice as printed", "公告原文全文"),
    "contact": Marker(render_contact, NOTHING, "data/contact.yaml", "the contact details", "联系方式"),
    "source": Marker(render_source, NOTHING, "data/notice.yaml", "where the data comes from", "数据来源"),
    "timeline": Marker(render_timeline, NOTHING, "data/updates.yaml", "the timeline of updates", "进展时间线"),
    "progress-chart": Marker(render_progress_chart, NOTHING, "data/updates.yaml", "the chart of problems and rectified ones, with its table",
                             "问题数与已整改数的图表及表格"),
    "changes": Marker(render_changes, NOTHING, "data/updates.yaml", "what changed at each update", "每期进展的变化"),
    "downloads": Marker(render_downloads, NOTHING, None, "the open-data files", "开放数据文件", "data/"),
    "sitemap": Marker(render_sitemap, NOTHING, None, "every page of the site", "本站全部页面", "data/site.yaml"),
}


# How the table of markers writes what a marker takes, in the editors' two languages.
_TAKES = {NOTHING: ("", ""), AREA: (" AREA-ID", " 方面标识"), BLOCKS: (" FIRST-BLOCK [LAST-BLOCK]", " 第一段标识 [最后一段标识]")}


def marker_table(lang: str) -> str:
    """The table of markers for CONTRIBUTING.md (zh) and CONTRIBUTING.en.md (en),
    made from MARKERS so that the guide lists every marker as the check knows it."""
    head = ("| 标记 | 显示什么 | 数据来自 |\n| --- | --- | --- |" if lang == "zh"
            else "| Marker | What it shows | Data from |\n| --- | --- | --- |")
    rows = []
    for name, marker in MARKERS.items():
        takes = _TAKES[marker.takes][0 if lang == "en" else 1]
        shows = marker.zh if lang == "zh" else marker.en
        source = f"`{marker.source or marker.data}`"
        rows.append(f"| `<!-- data:{name}{takes} -->` | {shows} | {source} |")
    return head + "\n" + "\n".join(rows)


def _edit_link(ctx: Context, source: str | None) -> str:
    """A link under a data section to the file it comes from, where editing is set up."""
    if not (ctx.edit_base and source):
        return ""
    return f'\n\n<p class="gs-edit"><a href="{esc(ctx.edit_base + source)}">{esc(label(ctx.lang, "edit_data"))}</a></p>'


def markers(markdown: str):
    """(name, arguments, match) of every marker in `markdown`."""
    for match in MARKER.finditer(markdown):
        name, *args = match.group("body").split() or [""]
        yield name, args, match


def marker_problems(markdown: str, shown_as: str, site: Site | None, first_line: int = 1) -> list[Problem]:
    """Every bad marker in `markdown`. With `site` None (the data did not
    load), the ids that markers name are not checked."""
    problems = []
    found = [(match, _marker_problem(name, args, site)) for name, args, match in markers(markdown)]
    found += list(_lookalikes(markdown))
    for match, problem in found:
        if problem:
            line = markdown.count("\n", 0, match.start()) + first_line
            column = match.start() - markdown.rfind("\n", 0, match.start())
            problems.append(Problem(shown_as, line, *problem, column))
    return problems


# Anything a hand or a Chinese keyboard makes of a marker: a comment opened or
# closed with full-width or missing characters, or never closed.
_COMMENT_LIKE = re.compile(r"[<＜]\s*[!！]\s*[-－—–]{1,3}(?P<body>.*?)(?:[-－—–]{1,3}\s*[>＞]|$)", re.MULTILINE)
_COLONS = str.maketrans({"：": ":", "﹕": ":", "∶": ":", "︰": ":"})


def _lookalikes(markdown: str):
    """(match, problem) for every comment that reads as a marker but is none:
    `<!-- data：figures -->`, `<!-- Data:figures -->`, `<!--data : figures-->`,
    `<!-- figures -->`, one left unclosed. What MARKER finds is a marker, checked as one."""
    markers = [match.span() for match in MARKER.finditer(markdown)]
    for match in _COMMENT_LIKE.finditer(markdown):
        inside = any(start <= match.start() < end for start, end in markers)
        meant = None if inside else _meant_marker(match.group("body"))
        if meant:
            written = match.group().strip()
            yield match, (f"`{written}` is not a data marker as written, and would show nothing; did you mean `<!-- {meant} -->`?",
                          f"`{written}` 不是正确的数据标记，页面上什么也不会显示；是不是想写 `<!-- {meant} -->`？")


def _meant_marker(body: str) -> str | None:
    """The marker a comment's body reads as (e.g. "data:figures"), or None for a comment of another kind."""
    body = unicodedata.normalize("NFKC", body).translate(_COLONS).strip(" -!>")  # NFKC: ＞ is >, － is -
    head, colon, rest = body.partition(":")
    head = head.strip().lower()
    if colon:
        words = rest.split()
        if head != "data" and not (closest(head, ["data"], 0.75) and words and closest(words[0].lower(), MARKERS)):
            return None
    else:
        words = (body[4:] if body.lower().startswith("data") else body).lstrip(" -_").split()
        if not words or len(words) > 2 or not closest(words[0].lower(), MARKERS):
            return None
    name = (closest(words[0].lower(), MARKERS) or words[0]) if words else ""
    return " ".join(["data:" + name, *words[1:]])


def _marker_problem(name: str, args: list[str], site: Site | None) -> tuple[str, str] | None:
    if name not in MARKERS:
        hint_en, hint_zh = suggest(name, list(MARKERS), ("markers", "标记"))
        return f"unknown marker `data:{name}`; {hint_en}", f"未知的标记 `data:{name}`；{hint_zh}"
    takes, given = MARKERS[name].takes, " ".join(args) or "nothing"
    if takes == NOTHING and args:
        return (f"marker `data:{name}` takes no argument, but has `{given}`",
                f"标记 `data:{name}` 不带参数，但这里写了 `{given}`")
    if takes == AREA:
        known = site.areas_by_id if site else None
        if len(args) != 1 or (known is not None and args[0] not in known):
            hint_en, hint_zh = suggest(given, list(known or []), ("ids", "标识"))
            return (f"marker `data:area` needs one area id, not {given}; {hint_en}",
                    f"标记 `data:area` 需要一个方面标识，而不是 {given}；{hint_zh}")
    if takes == BLOCKS:
        if not 1 <= len(args) <= 2:
            return (f"marker `data:{name}` needs a block id, or the first and last of a range, not {given}",
                    f"标记 `data:{name}` 需要一个段落标识，或范围的第一个和最后一个标识，而不是 {given}")
        if site is not None:
            for block_id in args:
                if block_id not in site.blocks_by_id:
                    hint_en, hint_zh = suggest(block_id, list(site.blocks_by_id), ("blocks", "段落"))
                    return (f"marker `data:{name}` names no block of data/notice.yaml: `{block_id}`; {hint_en}",
                            f"标记 `data:{name}` 所写的段落 `{block_id}` 不在 data/notice.yaml 中；{hint_zh}")
            if len(args) == 2 and site.block_order[args[0]] > site.block_order[args[1]]:
                return (f"marker `data:{name}`: `{args[0]}` comes after `{args[1]}` in the notice; name the first block first",
                        f"标记 `data:{name}`：`{args[0]}` 在公告中位于 `{args[1]}` 之后；请先写前面的段落")
    return None


def fill_markers(markdown: str, ctx: Context, shown_as: str, first_line: int = 1) -> str:
    """Replace every marker. Raises InputError naming each bad marker's line;
    `first_line` is the line of the file on which `markdown` starts."""
    problems = marker_problems(markdown, shown_as, ctx.site, first_line)
    if problems:
        raise InputError(problems)

    def replace(match: re.Match) -> str:
        name, *args = match.group("body").split()
        marker = MARKERS[name]
        return marker.render(ctx, *args) + _edit_link(ctx, marker.source)

    return MARKER.sub(replace, markdown)


def shown_on(site: Site, pages: Mapping[str, str]) -> dict[str, str]:
    """Block id → the page that shows the block structured, with its anchor:
    the area pages, and the pages whose excerpt markers show a block. `pages`
    maps a page's source (in the first language) to its Markdown."""
    found = {}
    for page, markdown in pages.items():
        for name, args, _ in markers(markdown):
            if MARKERS.get(name) is MARKERS["excerpt"] and _marker_problem(name, args, site) is None:
                for block in _block_range(site, *args):
                    found.setdefault(block.id, f"{page}#{block.id}")
    for area in site.areas:
        page = f"{AREA_PAGES}/{area.id}.md"
        found[area.block] = page
        for item in area.items():
            found[item.block] = f"{page}#{item.id}"
    return found


# --- pages generated from data ---------------------------------------------------------


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from data, not written in docs/: its Markdown (the same in
    every language: its markers are filled per language), the data file its
    edit link opens, and the written page it follows in the navigation."""

    markdown: str
    source: str
    follows: str


def generated_pages(site: Site) -> dict[str, GeneratedPage]:
    """Source path (in the first language) → page: one page per area."""
    return {f"{AREA_PAGES}/{area.id}.md": GeneratedPage(f"<!-- data:area {area.id} -->\n", site.area_files[area.id],
                                                        f"{AREA_PAGES}/index.md")
            for area in site.areas}

