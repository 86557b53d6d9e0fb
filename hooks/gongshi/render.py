"""Fill the data markers in Markdown, in one language.

A marker is an HTML comment, invisible in any Markdown preview:

    <!-- data:figures -->        <!-- data:area strong-transport-city -->

One regular expression finds them and one table maps each name to the
function that renders it. Text from data is escaped before it enters the page.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from .errors import InputError, Problem, suggest
from .format import chinese_numeral, format_date, format_value
from .labels import label
from .model import Figure, Measure, Site

MARKER = re.compile(r"<!--\s*data:(?P<body>.*?)-->", re.DOTALL)
AREA_PAGES = "areas"


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


# --- pieces shared by several markers ------------------------------------------


def _number(ctx: Context, figure: Figure) -> str:
    """The figure's value in its unit, the number machine-readable in <data>."""
    pattern = getattr(ctx.site.unit(figure.unit), ctx.lang)
    before, _, after = pattern.partition("{n}")
    value = format_value(figure.value, "zh")
    return f'{esc(before)}<data value="{value}">{format_value(figure.value, ctx.lang)}</data>{esc(after)}'


def _as_of(ctx: Context) -> str:
    date = ctx.site.notice.date
    return f'<p class="gs-as-of">{esc(label(ctx.lang, "as_of", date=format_date(date, ctx.lang)))}</p>'


def _figure_cards(ctx: Context, figures, extra: dict | None = None) -> str:
    """A grid of figure cards; `extra` adds HTML under a figure, keyed by position."""
    cards = []
    for index, figure in enumerate(figures):
        cards.append(
            '<div class="gs-figure">'
            f'<span class="gs-figure__value">{_number(ctx, figure)}</span>'
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
    rows = "".join(f"<tr><td>{esc(ctx.t(f.label))}</td><td>{_number(ctx, f)}</td></tr>" for f in figures)
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
    who = label(ctx.lang, "inspected", team=ctx.t(inspection.team), unit=ctx.t(inspection.unit))
    who = who[:1].upper() + who[1:]  # the English names start lowercase ("the Fourth …") to read mid-sentence
    span = "–" if ctx.lang == "en" else "至"

    def when(date):
        return f'<time datetime="{date.isoformat()}">{esc(format_date(date, ctx.lang))}</time>'

    rows = [
        ("period", f"{when(inspection.start)} {span} {when(inspection.end)}"),
        ("feedback", when(inspection.feedback)),
        ("report", when(ctx.site.notice.date)),
    ]
    items = "".join(f"<dt>{esc(label(ctx.lang, key))}</dt><dd>{value}</dd>" for key, value in rows)
    return f'<p class="gs-round__who">{esc(who)}</p>\n\n<dl class="gs-dates">{items}</dl>'


def render_figures(ctx: Context, _=None) -> str:
    totals = ctx.site.round.totals
    shown = [totals.aspects, totals.problems, totals.measures, totals.completed, totals.immediate, totals.rules_revised]
    extra = {
        3: _progress(ctx, "completed_of", totals.completed, totals.problems),
        4: _progress(ctx, "immediate_of", totals.immediate_completed, totals.immediate),
    }
    return _as_of(ctx) + "\n\n" + _figure_cards(ctx, shown, extra)


def render_accountability(ctx: Context, _=None) -> str:
    return _figure_table(ctx, ctx.site.round.accountability, "accountability")


def render_meetings(ctx: Context, _=None) -> str:
    return _figure_table(ctx, ctx.site.round.meetings, "meetings")


def render_area_cards(ctx: Context, _=None) -> str:
    cards = []
    for area in ctx.site.areas:
        count = label(ctx.lang, "area_measures", count=len(area.measures))
        target = ctx.link(f"{AREA_PAGES}/{area.id}.md")
        cards.append(f"-   [{md(_area_heading(ctx, area))}]({target})\n\n    {md(count)}")
    return '<div class="grid cards gs-area-cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def render_area(ctx: Context, area_id: str) -> str:
    area = ctx.site.area(area_id)
    kicker = label(ctx.lang, "area_kicker", number=area.number, total=len(ctx.site.areas))
    notice = f"{ctx.link('notice.md')}#{area.id}"
    return "\n\n".join([
        f"# {md(_area_heading(ctx, area))}",
        f'<p class="gs-kicker">{esc(kicker)}</p>',
        _as_of(ctx),
        _measures(ctx, area.measures, _measure_number),
        f"[{md(label(ctx.lang, 'in_notice'))}]({notice})",
    ])


def render_approach(ctx: Context, _=None) -> str:
    return _measures(ctx, ctx.site.notice.approach, _point_number)


def render_next_steps(ctx: Context, _=None) -> str:
    return md(ctx.t(ctx.site.notice.next_steps_intro)) + "\n\n" + _measures(ctx, ctx.site.notice.next_steps, _measure_number)


def render_notice(ctx: Context, _=None) -> str:
    """The whole notice as a document, in the notice's order, linked to the pages that structure it."""
    site, notice, t = ctx.site, ctx.site.notice, ctx.t
    parts = [f"# {md(t(notice.title))} {{ .gs-notice__title }}", md(t(notice.intro)), md(t(notice.commitment))]
    for n, point in enumerate(notice.approach, 1):
        lead = f"[{md(_point_number(ctx, n) + _sentence(ctx, t(point.title)))}]({ctx.link('approach.md')}#{point.id})"
        parts.append(f"**{lead}**{md(t(point.text))}")
    parts.append(md(t(notice.summary)))
    for area in site.areas:
        parts.append(f"## [{md(_area_heading_verbatim(ctx, area))}]({ctx.link(AREA_PAGES + '/' + area.id + '.md')}) {{#{area.id}}}")
        for n, measure in enumerate(area.measures, 1):
            lead = f"[{md(_measure_number(ctx, n) + _sentence(ctx, t(measure.title)))}]({ctx.link(AREA_PAGES + '/' + area.id + '.md')}#{measure.id})"
            parts.append(f"**{lead}**{md(t(measure.text))}")
    parts.append(md(t(notice.next_steps_intro)))
    for n, step in enumerate(notice.next_steps, 1):
        lead = f"[{md(_measure_number(ctx, n) + _sentence(ctx, t(step.title)))}]({ctx.link('next-steps.md')}#{step.id})"
        parts.append(f"**{lead}**{md(t(step.text))}")
    parts.append(md(t(notice.closing)))
    parts.append(
        f'<p class="gs-notice__signature">{esc(t(notice.signature))}<br>'
        f'<time datetime="{notice.date.isoformat()}">{esc(format_date(notice.date, ctx.lang))}</time></p>'
    )
    return '<div class="gs-notice" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>"


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
        ("phone", f'<a href="tel:{esc(contact.phone)}">{esc(contact.phone)}</a>'),
        ("email", f'<a href="mailto:{esc(contact.email)}">{esc(contact.email)}</a>'),
        ("address", esc(contact.address[lang])),
        ("postcode", esc(contact.postcode)),
    ]
    items = "".join(f"<dt>{esc(label(lang, key))}</dt><dd>{value}</dd>" for key, value in rows)
    return (f'<div class="gs-contact"><p class="gs-contact__org">{esc(contact.organisation[lang])}</p>'
            f'<dl class="gs-contact__list">{items}</dl></div>')


# name → (renderer, what its argument names, or None when it takes none)
RENDERERS = {
    "round": (render_round, None),
    "figures": (render_figures, None),
    "accountability": (render_accountability, None),
    "meetings": (render_meetings, None),
    "area-cards": (render_area_cards, None),
    "area": (render_area, "area"),
    "approach": (render_approach, None),
    "next-steps": (render_next_steps, None),
    "notice": (render_notice, None),
    "contact": (render_contact, None),
    "source": (render_source, None),
}


def fill_markers(markdown: str, ctx: Context, shown_as: str, first_line: int = 1) -> str:
    """Replace every marker. Raises InputError naming each bad marker's line;
    `first_line` is the line of the file on which `markdown` starts."""
    problems = []

    def replace(match: re.Match) -> str:
        line = markdown.count("\n", 0, match.start()) + first_line
        name, *args = match.group("body").split() or [""]
        if name not in RENDERERS:
            hint_en, hint_zh = suggest(name, list(RENDERERS), ("markers", "标记"))
            problems.append(Problem(shown_as, line, f"unknown marker `data:{name}`; {hint_en}",
                                    f"未知的标记 `data:{name}`；{hint_zh}"))
            return ""
        render, takes = RENDERERS[name]
        if takes is None and args:
            extra = " ".join(args)
            problems.append(Problem(shown_as, line, f"marker `data:{name}` takes no argument, but has `{extra}`",
                                    f"标记 `data:{name}` 不带参数，但这里写了 `{extra}`"))
            return ""
        if takes == "area" and (len(args) != 1 or ctx.site.area(args[0]) is None):
            area_ids = [area.id for area in ctx.site.areas]
            given = " ".join(args) or "nothing"
            hint_en, hint_zh = suggest(given, area_ids, ("ids", "标识"))
            problems.append(Problem(shown_as, line, f"marker `data:area` needs one area id, not {given}; {hint_en}",
                                    f"标记 `data:area` 需要一个方面标识，而不是 {given}；{hint_zh}"))
            return ""
        return render(ctx, *args)

    filled = MARKER.sub(replace, markdown)
    if problems:
        raise InputError(problems)
    return filled


def area_page(area_id: str) -> str:
    """The Markdown of a generated area page: one marker, filled per language."""
    return f"<!-- data:area {area_id} -->\n"
