"""Fill the data markers in Markdown, in one language.

A marker is an HTML comment, invisible in any Markdown preview:

    <!-- data:figures -->        <!-- data:area strong-transport-city -->

One regular expression finds them and one table maps each name to the
function that renders it. Text from data is escaped before it enters the page.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection

from .errors import InputError, Problem, suggest
from .export import DATA_DIR, SUMS_NAME, export_files
from .format import chinese_numeral, format_date, format_value
from .labels import label
from .markup import AREA_PAGES, Context, esc, md, notice_anchor, period_tag, quantity, time_tag
from .model import Figure, Site
from .progress import area_status_history, render_changes, render_progress_chart, render_timeline

# A marker may run over lines, but never into the next comment: one left unclosed is a look-alike.
MARKER = re.compile(r"<!--\s*data:(?P<body>(?:(?!<!--).)*?)-->", re.DOTALL)


# --- pieces shared by several markers ------------------------------------------


def _as_of(ctx: Context) -> str:
    """The date the notice's figures are as of: the day it counts to (截至…) where
    it says, else the date of the update the figures belong to (the two agree)."""
    date = ctx.site.round.totals.as_of or ctx.site.figures_update.date
    return f'<p class="gs-as-of">{esc(label(ctx.lang, "as_of", date=format_date(date, ctx.lang)))}</p>'


def _figure_cards(ctx: Context, figures, extra: dict | None = None) -> str:
    """A grid of figure cards; `extra` adds HTML under a figure, keyed by position."""
    cards = []
    for index, figure in enumerate(figures):
        cards.append(
            '<div class="gs-figure">'
            f'<span class="gs-figure__value">{quantity(ctx, figure.value, figure.unit)}</span>'
            f'<span class="gs-figure__label">{esc(ctx.t(figure.label))}</span>'
            f'{(extra or {}).get(index, "")}</div>'
        )
    return '<div class="gs-figures">' + "".join(cards) + "</div>"


def _progress(ctx: Context, key: str, done: Figure, total: Figure) -> str:
    percent = f"{done.value / total.value:.1%}" if total.value else "–"
    text = label(ctx.lang, key, done=format_value(done.value, ctx.lang), total=format_value(total.value, ctx.lang), percent=percent)
    return (f'<progress class="gs-progress" value="{format_value(done.value, "zh")}" max="{format_value(total.value, "zh")}" '
            f'aria-label="{esc(text)}"></progress><span class="gs-progress__text">{esc(text)}</span>')


def _figure_table(ctx: Context, figures, name: str) -> str:
    rows = "".join(f"<tr><td>{esc(ctx.t(f.label))}</td><td>{quantity(ctx, f.value, f.unit)}</td></tr>" for f in figures)
    head = f'<tr><th scope="col">{esc(label(ctx.lang, "figure"))}</th><th scope="col">{esc(label(ctx.lang, "count"))}</th></tr>'
    return f'<table data-gs-table="{name}"><thead>{head}</thead><tbody>{rows}</tbody></table>'


def _measure_number(ctx: Context, n: int) -> str:
    return f"（{chinese_numeral(n)}）" if ctx.lang == "zh" else f"({n}) "


_ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"]


def _point_number(ctx: Context, n: int) -> str:
    """The notice's 一是/二是/三是."""
    if ctx.lang == "zh":
        return f"{chinese_numeral(n)}是"
    return f"{_ORDINALS[n - 1] if n <= len(_ORDINALS) else n}: "


def _area_number(ctx: Context, area) -> str:
    return f"{chinese_numeral(area.number)}、" if ctx.lang == "zh" else f"{area.number}. "


def _area_heading(ctx: Context, area) -> str:
    return _area_number(ctx, area) + ctx.t(area.problem)


def _sentence(ctx: Context, title: str) -> str:
    """A title as the notice writes it inside a paragraph: followed by a full stop."""
    return title + ("。" if ctx.lang == "zh" else ". ")


def _measures(ctx: Context, measures, numbering) -> str:
    """Measures as sections with their own heading and anchor, text and figures."""
    parts = []
    for n, measure in enumerate(measures, 1):
        parts.append(f"## {md(numbering(ctx, n) + ctx.t(measure.title))} {{#{measure.id}}}")
        parts.append(md(ctx.t(measure.text)))
        if measure.figures:
            parts.append(_figure_cards(ctx, measure.figures))
    return "\n\n".join(parts)


# --- the markers ---------------------------------------------------------------


def render_round(ctx: Context, _=None) -> str:
    inspection = ctx.site.round.inspection
    who = label(ctx.lang, "inspected", team=ctx.t(inspection.team), unit=ctx.t(inspection.unit), kind=ctx.kind)
    who = who[:1].upper() + who[1:]  # the English names start lowercase ("the Fourth …") to read mid-sentence
    rows = [
        ("period", period_tag(inspection.start, inspection.end, ctx.lang)),
        ("feedback", time_tag(inspection.feedback, ctx.lang)),
        ("report", time_tag(ctx.site.notice.date, ctx.lang)),
    ]
    items = "".join(f"<dt>{esc(label(ctx.lang, key, kind=ctx.kind))}</dt><dd>{value}</dd>" for key, value in rows)
    return f'<p class="gs-round__who">{esc(who)}</p>\n\n<dl class="gs-dates">{items}</dl>'


def render_figures(ctx: Context, _=None) -> str:
    """The totals the notice declares, with a bar under each part of a whole."""
    totals = ctx.site.round.totals
    # `immediate_completed` is the bar under `immediate`; a card only when `immediate` is not stated.
    shown = [f for f in totals.declared() if f is not totals.immediate_completed or totals.immediate is None]
    extra = {}
    for index, figure in enumerate(shown):
        if figure is totals.completed and totals.problems is not None:
            extra[index] = _progress(ctx, "completed_of", figure, totals.problems)
        elif figure is totals.immediate and totals.immediate_completed is not None:
            extra[index] = _progress(ctx, "immediate_of", totals.immediate_completed, figure)
    return _as_of(ctx) + "\n\n" + _figure_cards(ctx, shown, extra)


def render_accountability(ctx: Context, _=None) -> str:
    return _as_of(ctx) + "\n\n" + _figure_table(ctx, ctx.site.round.accountability, "accountability")


def render_meetings(ctx: Context, _=None) -> str:
    return _as_of(ctx) + "\n\n" + _figure_table(ctx, ctx.site.round.meetings, "meetings")


def render_area_cards(ctx: Context, _=None) -> str:
    cards = []
    for area in ctx.site.areas:
        count = label(ctx.lang, "area_measures", count=len(area.measures))
        target = ctx.link(f"{AREA_PAGES}/{area.id}.md")
        cards.append(f"-   [{md(_area_heading(ctx, area))}]({target})\n\n    {md(count)}")
    return '<div class="grid cards gs-area-cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def render_area(ctx: Context, area_id: str) -> str:
    area = ctx.site.area(area_id)
    kicker = label(ctx.lang, "area_kicker", number=area.number, total=len(ctx.site.areas), kind=ctx.kind)
    if area.aspect is not None:
        kicker += " · " + ctx.t(area.aspect)
    notice = f"{ctx.link('notice.md')}#{area.id}"
    parts = [
        f"# {md(_area_heading(ctx, area))}",
        f'<p class="gs-kicker">{esc(kicker)}</p>',
        _as_of(ctx),
        _status(ctx, area),
        area_status_history(ctx, area),
        _measures(ctx, area.measures, _measure_number),
        f"[{md(label(ctx.lang, 'in_notice'))}]({notice}){{ .md-button }}",
    ]
    return "\n\n".join(part for part in parts if part)


def _status(ctx: Context, area) -> str:
    """How far the area's rectification has got, in the notice's own words (完成情况)."""
    if area.status is None:
        return ""
    colon = "：" if ctx.lang == "zh" else ": "
    return f'<p class="gs-area-status">{esc(label(ctx.lang, "status") + colon + ctx.t(area.status))}</p>'


def _dated(ctx: Context, measures, rendered: str) -> str:
    """Measures with the date their figures are as of, when they have any."""
    return (_as_of(ctx) + "\n\n" + rendered) if any(m.figures for m in measures) else rendered


def render_approach(ctx: Context, _=None) -> str:
    approach = ctx.site.notice.approach
    return _dated(ctx, approach, _measures(ctx, approach, _point_number))


def render_next_steps(ctx: Context, _=None) -> str:
    notice = ctx.site.notice
    intro = md(ctx.t(notice.next_steps_intro)) if notice.next_steps_intro is not None else ""
    steps = _dated(ctx, notice.next_steps, _measures(ctx, notice.next_steps, _measure_number))
    return "\n\n".join(part for part in (intro, steps) if part)


def render_notice(ctx: Context, _=None) -> str:
    """The whole notice as a document, in the notice's order, linked to the pages that structure it."""
    site, notice, t = ctx.site, ctx.site.notice, ctx.t

    def paragraph(name: str) -> str:
        """A paragraph with the anchor that an update's source links to; nothing where the notice has none."""
        text = getattr(notice, name)
        return f"{md(t(text))}\n{{: #{notice_anchor(name)} }}" if text is not None else ""

    def heading(name: str) -> str:
        """A heading of one of the notice's numbered parts, where it has them."""
        text = getattr(notice, name)
        return f"## {md(t(text))} {{ #{notice_anchor(name)} }}" if text is not None else ""

    parts = [f"# {md(t(notice.title))} {{ #{notice_anchor('title')} .gs-notice__title }}", paragraph("intro"),
             heading("approach_heading"), paragraph("commitment")]
    for n, point in enumerate(notice.approach, 1):
        lead = f"[{md(_point_number(ctx, n) + _sentence(ctx, t(point.title)))}]({ctx.link('approach.md')}#{point.id})"
        parts.append(f"**{lead}**{md(t(point.text))}")
    parts += [paragraph("summary"), heading("areas_heading")]
    aspect = None
    for area in site.areas:
        if area.aspect is not None and area.aspect != aspect:
            aspect = area.aspect
            parts.append(f'<p class="gs-notice__aspect">{esc(t(aspect))}</p>')
        parts.append(f"## [{md(_area_heading_verbatim(ctx, area))}]({ctx.link(AREA_PAGES + '/' + area.id + '.md')}) {{#{area.id}}}")
        for n, measure in enumerate(area.measures, 1):
            lead = f"[{md(_measure_number(ctx, n) + _sentence(ctx, t(measure.title)))}]({ctx.link(AREA_PAGES + '/' + area.id + '.md')}#{measure.id})"
            parts.append(f"**{lead}**{md(t(measure.text))}")
        parts.append(_status(ctx, area))
    parts += [heading("next_steps_heading"), paragraph("next_steps_intro")]
    for n, step in enumerate(notice.next_steps, 1):
        lead = f"[{md(_measure_number(ctx, n) + _sentence(ctx, t(step.title)))}]({ctx.link('next-steps.md')}#{step.id})"
        parts.append(f"**{lead}**{md(t(step.text))}")
    parts.append(paragraph("closing"))
    parts.append(
        f'<p class="gs-notice__signature" id="{notice_anchor("signature")}">{esc(t(notice.signature))}<br>'
        f'{time_tag(notice.date, ctx.lang)}</p>'
    )
    return '<div class="gs-notice" markdown>\n\n' + "\n\n".join(filter(None, parts)) + "\n\n</div>"


def _area_heading_verbatim(ctx: Context, area) -> str:
    """The area heading exactly as the notice prints it."""
    return _area_number(ctx, area) + _sentence(ctx, ctx.t(area.title)).strip()


def render_contact(ctx: Context, _=None) -> str:
    return contact_html(ctx.site, ctx.lang)


def render_source(ctx: Context, _=None) -> str:
    notice = ctx.site.notice
    text = label(ctx.lang, "source", signature=ctx.t(notice.signature), title=ctx.t(notice.title), date=format_date(notice.date, ctx.lang))
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


def render_downloads(ctx: Context, _=None) -> str:
    """The open-data files under /data/, each with what it holds and its size."""
    files = export_files(ctx.site)
    head = "".join(f'<th scope="col">{esc(label(ctx.lang, key))}</th>' for key in ("file", "holds", "size"))
    rows = []
    for name, content in [*files.items(), (SUMS_NAME, None)]:
        kind = name.split(".", 1)[0] if name.endswith(".csv") else name
        holds = label(ctx.lang, "download_table", table=label(ctx.lang, f"table_{kind}")) if name.endswith(".csv") else label(ctx.lang, f"download_{kind}")
        size = "" if content is None else esc(label(ctx.lang, "bytes", n=format_value(len(content), ctx.lang)))
        href = f"{ctx.root}{DATA_DIR}/{name}"
        rows.append(f'<tr><td><a href="{esc(href)}"><code>{esc(name)}</code></a></td><td>{esc(holds)}</td><td>{size}</td></tr>')
    return f'<table data-gs-table="downloads"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


# The site map lists every page, which only the build knows once all pages are
# read: the marker leaves this placeholder, and the build fills it (sitemap_html).
SITEMAP_PLACEHOLDER = '<div class="gs-sitemap" data-gs-sitemap></div>'


def render_sitemap(ctx: Context, _=None) -> str:
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


# name → (renderer, what its argument names or None, the data file it shows)
RENDERERS = {
    "round": (render_round, None, "data/round.yaml"),
    "figures": (render_figures, None, "data/round.yaml"),
    "accountability": (render_accountability, None, "data/round.yaml"),
    "meetings": (render_meetings, None, "data/round.yaml"),
    "area-cards": (render_area_cards, None, None),  # each card leads to a page with its own edit link
    "area": (render_area, "area", None),  # its page's own edit link opens the area's file
    "approach": (render_approach, None, "data/notice.yaml"),
    "next-steps": (render_next_steps, None, "data/notice.yaml"),
    "notice": (render_notice, None, "data/notice.yaml"),
    "contact": (render_contact, None, "data/contact.yaml"),
    "source": (render_source, None, "data/notice.yaml"),
    "timeline": (render_timeline, None, "data/updates.yaml"),
    "progress-chart": (render_progress_chart, None, "data/updates.yaml"),
    "changes": (render_changes, None, "data/updates.yaml"),
    "downloads": (render_downloads, None, None),  # every file of data/ at once
    "sitemap": (render_sitemap, None, None),
}


def _edit_link(ctx: Context, source: str | None) -> str:
    """A link under a data section to the file it comes from, where editing is set up."""
    if not (ctx.edit_base and source):
        return ""
    return f'\n\n<p class="gs-edit"><a href="{esc(ctx.edit_base + source)}">{esc(label(ctx.lang, "edit_data"))}</a></p>'


def marker_problems(markdown: str, shown_as: str, area_ids: Collection[str] | None, first_line: int = 1) -> list[Problem]:
    """Every bad marker in `markdown`. With `area_ids` None (the data did not
    load), the ids that markers name are not checked."""
    problems = []
    found = [(match, _marker_problem(match, markdown, area_ids)) for match in MARKER.finditer(markdown)]
    found += [(match, problem) for match, problem in _lookalikes(markdown)]
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


def _closest(word: str, known, cutoff: float = 0.6) -> str | None:
    return next(iter(difflib.get_close_matches(word.lower(), list(known), n=1, cutoff=cutoff)), None)


def _meant_marker(body: str) -> str | None:
    """The marker a comment's body reads as (e.g. "data:figures"), or None for a comment of another kind."""
    body = unicodedata.normalize("NFKC", body).translate(_COLONS).strip(" -!>")  # NFKC: ＞ is >, － is -
    head, colon, rest = body.partition(":")
    head = head.strip().lower()
    if colon:
        words = rest.split()
        if head != "data" and not (_closest(head, ["data"], 0.75) and words and _closest(words[0], RENDERERS)):
            return None
    else:
        words = (body[4:] if body.lower().startswith("data") else body).lstrip(" -_").split()
        if not words or len(words) > 2 or not _closest(words[0], RENDERERS):
            return None
    name = (_closest(words[0], RENDERERS) or words[0]) if words else ""
    return " ".join(["data:" + name, *words[1:]])


def _marker_problem(match: re.Match, markdown: str, area_ids: Collection[str] | None) -> tuple[str, str] | None:
    name, *args = match.group("body").split() or [""]
    if name not in RENDERERS:
        hint_en, hint_zh = suggest(name, list(RENDERERS), ("markers", "标记"))
        return f"unknown marker `data:{name}`; {hint_en}", f"未知的标记 `data:{name}`；{hint_zh}"
    takes = RENDERERS[name][1]
    if takes is None and args:
        extra = " ".join(args)
        return (f"marker `data:{name}` takes no argument, but has `{extra}`",
                f"标记 `data:{name}` 不带参数，但这里写了 `{extra}`")
    if takes == "area" and (len(args) != 1 or (area_ids is not None and args[0] not in area_ids)):
        given = " ".join(args) or "nothing"
        hint_en, hint_zh = suggest(given, area_ids or [], ("ids", "标识"))
        return (f"marker `data:area` needs one area id, not {given}; {hint_en}",
                f"标记 `data:area` 需要一个方面标识，而不是 {given}；{hint_zh}")
    return None


def fill_markers(markdown: str, ctx: Context, shown_as: str, first_line: int = 1) -> str:
    """Replace every marker. Raises InputError naming each bad marker's line;
    `first_line` is the line of the file on which `markdown` starts."""
    problems = marker_problems(markdown, shown_as, ctx.site.areas_by_id, first_line)
    if problems:
        raise InputError(problems)

    def replace(match: re.Match) -> str:
        name, *args = match.group("body").split()
        render, _, source = RENDERERS[name]
        return render(ctx, *args) + _edit_link(ctx, source)

    return MARKER.sub(replace, markdown)


def area_page(area_id: str) -> str:
    """The Markdown of a generated area page: one marker, filled per language."""
    return f"<!-- data:area {area_id} -->\n"
