"""The reporting rounds over time, as pure functions of a validated Site:
what changed from one update to the next, how an area's status rolls up from
its measures', and whether the newest update has grown old.

An update states the status of the measures it lists and of no other: a status
is never carried over from an earlier update, since no source said it held.
"""
from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from .format import format_date
from .model import Area, Counts, ItemStatus, Measure, Site, Status, Update


@dataclass(frozen=True)
class Change:
    """A measure whose status differs between an update and the one before."""

    area: Area
    measure: Measure
    before: Status | None  # None: the earlier update states no status for it
    after: Status | None  # None: this update states none
    kind: str  # "added", "dropped", "forward" or "backward"
    entry: ItemStatus | None  # this update's entry (it may carry a note); None when dropped


@dataclass(frozen=True)
class CountChange:
    """One of the totals in two updates; None where an update does not state it."""

    name: str  # a field of Counts
    before: int | None
    after: int | None

    @property
    def moved(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Diff:
    """What an update says that the update before it did not."""

    update: Update
    previous: Update | None  # None for the first update
    counts: tuple[CountChange, ...]  # every total stated in either update
    changes: tuple[Change, ...]  # in the notice's order of areas and measures
    newly_done: tuple[Change, ...]  # stated as not done before, as done now


@dataclass(frozen=True)
class RollUp:
    """An area's status as of one update, from the statuses of its measures."""

    status: Status | None  # None unless every measure of the area has a status
    counts: tuple[tuple[Status, int], ...]  # how many measures have each status, in vocabulary order
    stated: int  # measures with a status in this update
    measures: int  # measures in the area


def statuses_in(site: Site, update: Update) -> dict[tuple[str, str], ItemStatus]:
    """The update's entries, keyed by (area id, measure id)."""
    return {(item.area, item.measure): item for item in update.statuses}


def _rank(site: Site) -> dict[str, int]:
    return {status.id: n for n, status in enumerate(site.statuses)}


def _measures(site: Site):
    for area in site.areas:
        for measure in area.measures:
            yield area, measure


def diff(site: Site, update: Update) -> Diff:
    index = site.updates.index(update)
    previous = site.updates[index - 1] if index else None
    before = statuses_in(site, previous) if previous else {}
    after, rank = statuses_in(site, update), _rank(site)
    changes = []
    for area, measure in _measures(site):
        old, new = before.get((area.id, measure.id)), after.get((area.id, measure.id))
        old_status = site.status(old.status) if old else None
        new_status = site.status(new.status) if new else None
        if old_status == new_status:
            continue
        if old_status is None:
            kind = "added"
        elif new_status is None:
            kind = "dropped"
        else:
            kind = "forward" if rank[new_status.id] > rank[old_status.id] else "backward"
        changes.append(Change(area, measure, old_status, new_status, kind, new))
    newly_done = tuple(c for c in changes if c.before is not None and not c.before.done and c.after is not None and c.after.done)
    return Diff(update, previous, _count_changes(previous, update), tuple(changes), newly_done)


def _count_changes(previous: Update | None, update: Update) -> tuple[CountChange, ...]:
    before = dataclasses.asdict(previous.totals) if previous else {}
    after = dataclasses.asdict(update.totals)
    changes = (CountChange(f.name, before.get(f.name), after[f.name]) for f in dataclasses.fields(Counts))
    return tuple(c for c in changes if c.before is not None or c.after is not None)


def diffs(site: Site) -> list[Diff]:
    """One per update, oldest first."""
    return [diff(site, update) for update in site.updates]


def item_history(site: Site, area: Area, measure: Measure) -> tuple[ItemStatus | None, ...]:
    """The measure's entry in each update, oldest first; None where an update states no status."""
    return tuple(statuses_in(site, update).get((area.id, measure.id)) for update in site.updates)


def has_history(site: Site, area: Area) -> bool:
    """Whether any update states the status of any of the area's measures."""
    return any(item.area == area.id for update in site.updates for item in update.statuses)


def roll_up(site: Site, area: Area, update: Update) -> RollUp:
    """The area's status is the least advanced of its measures' (an area is as
    far along as its slowest measure). It exists only when the update gives
    every measure of the area a status: a measure left out could be behind."""
    stated = [site.status(item.status) for item in update.statuses if item.area == area.id]
    counts = tuple((status, stated.count(status)) for status in site.statuses if status in stated)
    complete = counts and len(stated) == len(area.measures)
    return RollUp(counts[0][0] if complete else None, counts, len(stated), len(area.measures))


@dataclass(frozen=True)
class Stale:
    """The newest update is older than the site's limit."""

    newest: Update
    age_days: int
    limit: int

    def message(self, lang: str) -> str:
        if lang == "zh":
            return (f"最新一期进展“{self.newest.title.zh}”截至{format_date(self.newest.date, 'zh')}，距今已 {self.age_days} 天，"
                    f"超过 data/updates.yaml 中 stale_after_days 设定的 {self.limit} 天；有新的进展时请添加到 data/updates.yaml。")
        return (f"the newest update, “{self.newest.title.en}” as of {self.newest.date}, is {self.age_days} days old, "
                f"more than stale_after_days ({self.limit}) in data/updates.yaml; add any newer update there.")


def staleness(site: Site, today: datetime.date) -> Stale | None:
    """Whether the newest update is older than `stale_after_days` on `today`."""
    if not site.updates:
        return None
    newest = site.updates[-1]
    age = (today - newest.date).days
    return Stale(newest, age, site.progress.stale_after_days) if age > site.progress.stale_after_days else None
