"""Render the record of progress: the timeline of events, the chart of the
totals with the same numbers in a table, what changed at each update, and the
status history of an area's measures. Registered in render.RENDERERS."""
from __future__ import annotations

from .chart import Column, Words, progress_chart
from .format import format_date
from .history import Change, CountChange, Diff, diffs, has_history, item_history, roll_up, rolling_items, update_counts
from .labels import label
from .markup import AREA_PAGES, Context, block_name, count_name, count_unit, esc, item_name, md, period_tag, quantity, time_tag, written
from .model import Status, Update


def status_badge(status: Status, lang: str) -> str:
    """A status in Markdown, as its label with a swatch of its colour: the colour never stands alone."""
    return (f'<span class="gs-status" style="--gs-status-colour: {esc(status.colour)}">'
            f'<span class="gs-status__swatch" aria-hidden="true"></span>{md(status.label[lang])}</span>')


def _count(ctx: Context, name: str, value: int | None) -> str:
    if value is None:
        return esc(label(ctx.lang, "not_stated"))
    return quantity(ctx, value, count_unit(ctx, name))


def source_line(ctx: Context, update: Update) -> str:
    """Where the update's facts are published, as Markdown with links."""
    source = update.source
    if source.notice:
        paragraphs = label(ctx.lang, "separator").join(
            f"[{md(block_name(ctx, name))}]({ctx.in_notice(name)})" for name in source.notice)
        return label(ctx.lang, "source_notice", paragraphs=paragraphs)
    title = md(ctx.t(source.title))
    document = f'<a href="{esc(source.url)}">{title}</a>' if source.url else title
    return md(label(ctx.lang, "source_label")) + document


# --- the timeline ------------------------------------------------------------------


def render_timeline(ctx: Context, _=None) -> str:
    site, inspection = ctx.site, ctx.site.round.inspection
    events = []
    if inspection.start and inspection.end:
        events.append((period_tag(inspection.start, inspection.end, ctx.lang), md(label(ctx.lang, "period", kind=ctx.kind)), []))
    if inspection.feedback and all(update.date != inspection.feedback for update in site.updates):
        events.append((time_tag(inspection.feedback, ctx.lang), md(label(ctx.lang, "feedback")), []))
    for update in site.updates:
        events.append((time_tag(update.date, ctx.lang), f"[{md(ctx.t(update.title))}](#{update.id})",
                       [md(ctx.t(update.text)), source_line(ctx, update)]))
    items = []
    for when, title, body in events:
        lines = [f'-   <span class="gs-timeline__date">{when}</span> **{title}**'] + [f"    {text}" for text in body]
        items.append("\n\n".join(lines))
    return '<div class="gs-timeline" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"


# --- the chart and its table -----------------------------------------------------------


def _chart_words(ctx: Context) -> Words:
    lang, kind = ctx.lang, ctx.kind
    said = []
    for update in ctx.site.updates:
        counts = update_counts(ctx.site, update)
        completed = counts.completed
        total = (label(lang, "chart_total", n=counts.problems, kind=kind) if counts.problems is not None
                 else label(lang, "chart_total_unknown", kind=kind))
        said.append(label(lang, "chart_column", date=format_date(update.date, lang), total=total,
                          completed=(label(lang, "chart_completed_unknown") if completed is None
                                     else label(lang, "chart_completed", n=completed))))
    return Words(title=label(lang, "chart_title", kind=kind),
                 desc=label(lang, "sentence_separator").join(said) + label(lang, "full_stop"),
                 total=count_name(ctx, "problems"), completed=count_name(ctx, "completed"),
                 not_stated=label(lang, "not_stated"))


def render_progress_chart(ctx: Context, _=None) -> str:
    updates = ctx.site.updates
    counts = {u.id: update_counts(ctx.site, u) for u in updates}
    columns = [Column(u.date, format_date(u.date, ctx.lang), counts[u.id].problems, counts[u.id].completed) for u in updates]
    svg = progress_chart(columns, _chart_words(ctx))
    head = "".join(f'<th scope="col">{esc(text)}</th>' for text in (
        label(ctx.lang, "date"), count_name(ctx, "problems"), count_name(ctx, "completed")))
    rows = "".join(
        f'<tr><th scope="row"><a href="#{u.id}">{time_tag(u.date, ctx.lang)}</a></th>'
        f'<td>{_count(ctx, "problems", counts[u.id].problems)}</td><td>{_count(ctx, "completed", counts[u.id].completed)}</td></tr>'
        for u in updates)
    table = f'<table data-gs-table="progress"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    return f'<div class="gs-progress-chart"><figure class="gs-chart-figure">{svg}</figure>{table}</div>'


# --- what changed at each update --------------------------------------------------------


def count_detail(ctx: Context, change: CountChange) -> str:
    """How a total moved since the update before, as plain text."""
    lang, unit = ctx.lang, count_unit(ctx, change.name)
    if change.after is None:
        return label(lang, "no_longer_stated", value=written(ctx, change.before, unit))
    if change.before is None:
        return label(lang, "newly_stated")
    if not change.moved:
        return label(lang, "unchanged")
    return label(lang, "was", value=written(ctx, change.before, unit), delta=f"{change.after - change.before:+d}")


def _count_line(ctx: Context, change: CountChange, first: bool) -> str:
    line = label(ctx.lang, "count_line", name=md(count_name(ctx, change.name)), value=_count(ctx, change.name, change.after))
    return line if first else line + label(ctx.lang, "detail", detail=md(count_detail(ctx, change)))


def _item_link(ctx: Context, change: Change) -> str:
    """An item by name, linked to its area's page, and to its place in the notice."""
    area_page = f"{ctx.link(f'{AREA_PAGES}/{change.area.id}.md')}#{change.item.id}"
    in_notice = f"[{md(label(ctx.lang, 'in_notice_short'))}]({ctx.in_notice(change.item.block)})"
    return f"[{md(item_name(ctx, change.item))}]({area_page}){label(ctx.lang, 'detail', detail=in_notice)}"


def _change_line(ctx: Context, change: Change) -> str:
    def state(status):
        return status_badge(status, ctx.lang) if status is not None else "—"

    states = state(change.after) if change.before is None else f"{state(change.before)} → {state(change.after)}"
    return label(ctx.lang, "change_line", measure=_item_link(ctx, change), states=states, kind=md(change_kind(ctx, change)))


def change_kind(ctx: Context, change: Change) -> str:
    """Which way an item's status moved, with the update's note on it, as plain text."""
    kind = label(ctx.lang, "kind_" + change.kind)
    if change.entry is not None and change.entry.note is not None:
        kind = label(ctx.lang, "kind_note", kind=kind, note=ctx.t(change.entry.note))
    return kind


def _bullets(lines) -> str:
    return "\n".join(f"-   {line}" for line in lines)


def _item_changes(ctx: Context, diff: Diff) -> list[str]:
    if not diff.update.statuses and not (diff.previous and diff.previous.statuses):
        return [md(label(ctx.lang, "no_item_statuses"))]
    parts = []
    if diff.newly_done:
        parts += [f"**{md(label(ctx.lang, 'newly_done'))}**", _bullets(_item_link(ctx, c) for c in diff.newly_done)]
    parts.append(f"**{md(label(ctx.lang, 'status_changes'))}**")
    parts.append(_bullets(_change_line(ctx, c) for c in diff.changes) if diff.changes
                 else md(label(ctx.lang, "no_status_changes")))
    return parts


def _update_section(ctx: Context, diff: Diff) -> str:
    update, first = diff.update, diff.previous is None
    heading = label(ctx.lang, "update_heading", date=format_date(update.date, ctx.lang), title=ctx.t(update.title))
    compared = label(ctx.lang, "first_update") if first else label(
        ctx.lang, "since", date=format_date(diff.previous.date, ctx.lang))
    parts = [
        f"### {md(heading)} {{#{update.id}}}",
        md(ctx.t(update.text)),
        md(compared),
        f"**{md(label(ctx.lang, 'totals'))}**",
        _bullets(_count_line(ctx, change, first) for change in diff.counts),
        *_item_changes(ctx, diff),
        source_line(ctx, update),
    ]
    return "\n\n".join(parts)


def render_changes(ctx: Context, _=None) -> str:
    return "\n\n".join(_update_section(ctx, diff) for diff in diffs(ctx.site))


# --- an area's status history ---------------------------------------------------------------


def area_status_history(ctx: Context, area) -> str:
    """A table with a row per item and a column per update, and the area's
    roll-up in the last row; nothing when no update gives its items a status."""
    site = ctx.site
    if not has_history(site, area):
        return ""

    def cell(entry) -> str:
        if entry is None:
            return "—"
        shown = status_badge(site.status(entry.status), ctx.lang)
        return shown + (f" {md(ctx.t(entry.note))}" if entry.note is not None else "")

    def area_cell(update) -> str:
        up = roll_up(site, area, update)
        shown = status_badge(up.status, ctx.lang) if up.status is not None else "—"
        if up.stated < up.items:
            shown += " " + md(label(ctx.lang, "roll_up_partial", stated=up.stated, measures=up.items))
        return shown

    head = [md(label(ctx.lang, "problem" if area.problems else "measure"))] + [md(format_date(u.date, ctx.lang)) for u in site.updates]
    rows = [[f"[{md(item_name(ctx, item))}](#{item.id})"] + [cell(e) for e in item_history(site, item)] for item in rolling_items(area)]
    rows.append([f"**{md(label(ctx.lang, 'this_area'))}**"] + [area_cell(u) for u in site.updates])
    table = "\n".join("| " + " | ".join(row) + " |" for row in [head, ["---"] * len(head)] + rows)
    return "\n\n".join([f"## {md(label(ctx.lang, 'status_history'))} {{#status-history}}",
                        md(label(ctx.lang, "status_history_intro")), table])
