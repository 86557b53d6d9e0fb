"""The reporting rounds as an Atom feed (RFC 4287), one per language.

Nothing in a feed depends on when it is built: `updated` is the newest
update's date, and every id is derived from facts that never change (the
inspection round, the language and the update's id), so a reader's feed
program sees an entry once, however often the site is rebuilt.
"""
from __future__ import annotations

import dataclasses
import datetime
import uuid
import xml.etree.ElementTree as ET

from .format import format_date
from .labels import label
from .history import update_counts
from .markup import Context, block_name, count_name, count_unit, esc, written
from .model import Site, Update

ATOM = "http://www.w3.org/2005/Atom"
# The bureau's dates are Chinese dates: midnight China Standard Time.
CHINA = datetime.timezone(datetime.timedelta(hours=8))
# Ids are name-based UUIDs (RFC 4122, version 5) in this namespace.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:gongshi:feed")

ET.register_namespace("", ATOM)


def feed_id(site: Site, lang: str, update: Update | None = None) -> str:
    """urn:uuid:… from the inspection round (who inspected whom, fed back
    when; where the notice does not say, who issued it and when), the language
    and, for an entry, the update's id."""
    inspection, first = site.round.inspection, site.languages[0]
    if inspection.team and inspection.unit and inspection.feedback:
        name = f"{inspection.team[first]}|{inspection.unit[first]}|{inspection.feedback.isoformat()}|{lang}"
    else:
        name = f"{site.info.issuer[first]}|{site.notice.date.isoformat()}|{lang}"
    if update is not None:
        name += f"|{update.id}"
    return uuid.uuid5(NAMESPACE, name).urn


def _timestamp(date: datetime.date) -> str:
    return datetime.datetime.combine(date, datetime.time(), CHINA).isoformat()


def _content(ctx: Context, update: Update) -> str:
    """The entry's text, its totals and its source, as HTML."""
    counts = []
    for name, value in dataclasses.asdict(update_counts(ctx.site, update)).items():
        if value is not None:
            counts.append(label(ctx.lang, "count_line", name=esc(count_name(ctx, name)),
                                value=esc(written(ctx, value, count_unit(ctx, name)))))
    source = update.source
    if source.notice:
        where = label(ctx.lang, "source_notice", paragraphs=esc(label(ctx.lang, "separator").join(
            block_name(ctx, name) for name in source.notice)))
    else:
        title = esc(ctx.t(source.title))
        where = esc(label(ctx.lang, "source_label")) + (f'<a href="{esc(source.url)}">{title}</a>' if source.url else title)
    items = "".join(f"<li>{line}</li>" for line in counts)
    return f"<p>{esc(ctx.t(update.text))}</p><ul>{items}</ul><p>{where}</p>"


def atom_feed(site: Site, lang: str, title: str, page_url: str, self_url: str) -> str:
    """The feed in `lang`. `page_url` is the progress page and `self_url` the
    feed itself, absolute or relative to the feed (Atom resolves relative
    references against the feed's own address)."""
    ctx = Context(site, lang, "progress.md")
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def add(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    add(feed, "id", feed_id(site, lang))
    add(feed, "title", title)
    add(feed, "updated", _timestamp(max((u.date for u in site.updates), default=site.notice.date)))
    author = add(feed, "author")
    add(author, "name", ctx.t(site.contact.organisation))
    add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    add(feed, "link", rel="alternate", type="text/html", href=page_url)
    for update in reversed(site.updates):  # newest first
        entry = add(feed, "entry")
        add(entry, "id", feed_id(site, lang, update))
        add(entry, "title", label(lang, "update_heading", date=format_date(update.date, lang), title=ctx.t(update.title)))
        add(entry, "updated", _timestamp(update.date))
        add(entry, "published", _timestamp(update.date))
        add(entry, "link", rel="alternate", type="text/html", href=f"{page_url}#{update.id}")
        add(entry, "summary", ctx.t(update.text), type="text")
        add(entry, "content", _content(ctx, update), type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
