"""The reporting rounds over time, as pure functions of a validated Site:
what each update states, what changed from one update to the next, how an
area's status rolls up from its items', and whether the newest update has
grown old.

An update states the status of the problems and measures it lists and of no
other: a status is never carried over from an earlier update, since no source
said it held. The update that holds the notice's figures (`figures_as_of`)
states, besides its own, the statuses the notice gives the items in data/areas/.
"""
from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from .format import format_date
from .model import Area, Counts, ItemStatus, Measure, Problem, Site, Status, Update


@dataclass(frozen=True)
class Change:
    """A problem or measure whose status differs between an update and the one before."""

    area: Area
    item: Problem | Measure
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
    changes: tuple[Change, ...]  # in the notice's order
    newly_done: tuple[Change, ...]  # stated as not done before, as done now


@dataclass(frozen=True)
class RollUp:
    """An area's status as of one update, from the statuses of its items."""

    status: Status | None  # None unless every item of the area has a status
    counts: tuple[tuple[Status, int], ...]  # how many items have each status, in vocabulary order
    stated: int  # items with a status in this update
    items: int  # items of the area that roll up


def statuses_in(site: Site, update: Update) -> Mapping[str, ItemStatus]:
    """The statuses an update states, by item id (Site.stated_statuses)."""
    return site.stated_statuses[update.id]


def update_counts(site: Site, update: Update) -> Counts:
    """An update's totals: those it states, and, where it gives a status to every
    problem the notice lists, the problems and those done, counted from them."""
    stated = update.totals
    given = statuses_in(site, update)
    problems = site.problems
    if not problems or any(problem.id not in given for problem in problems):
        return stated
    done = sum(site.status(given[problem.id].status).done for problem in problems)
    counted = {"problems": len(problems), "completed": done}
    return dataclasses.replace(stated, **{name: value for name, value in counted.items() if getattr(stated, name) is None})


def _rank(site: Site) -> dict[str, int]:
    return {status.id: n for n, status in enumerate(site.statuses)}


def diff(site: Site, update: Update) -> Diff:
    index = site.updates.index(update)
    previous = site.updates[index - 1] if index else None
    before = statuses_in(site, previous) if previous else {}
    after, rank = statuses_in(site, update), _rank(site)
    changes = []
    for item_id, (area, item) in site.items.items():
        old, new = before.get(item_id), after.get(item_id)
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
        changes.append(Change(area, item, old_status, new_status, kind, new))
    newly_done = tuple(c for c in changes if c.before is not None and not c.before.done and c.after is not None and c.after.done)
    counts = _count_changes(update_counts(site, previous) if previous else None, update_counts(site, update))
    return Diff(update, previous, counts, tuple(changes), newly_done)


def _count_changes(previous: Counts | None, counts: Counts) -> tuple[CountChange, ...]:
    before = dataclasses.asdict(previous) if previous else {}
    after = dataclasses.asdict(counts)
    changes = (CountChange(f.name, before.get(f.name), after[f.name]) for f in dataclasses.fields(Counts))
    return tuple(c for c in changes if c.before is not None or c.after is not None)


def diffs(site: Site) -> list[Diff]:
    """One per update, oldest first."""
    return [diff(site, update) for update in site.updates]


def rolling_items(area: Area) -> tuple[Problem | Measure, ...]:
    """The items an area's status rolls up from: its problems where the notice lists any, else its measures."""
    return area.problems or area.measures


def item_history(site: Site, item: Problem | Measure) -> tuple[ItemStatus | None, ...]:
    """The item's entry in each update, oldest first; None where an update states no status."""
    return tuple(statuses_in(site, update).get(item.id) for update in site.updates)


def has_history(site: Site, area: Area) -> bool:
    """Whether any update states the status of any of the area's items."""
    ids = {item.id for item in area.items()}
    return any(ids & statuses_in(site, update).keys() for update in site.updates)


def _roll_up(site: Site, items, given: dict[str, str]) -> RollUp:
    """The least advanced of the items' statuses (an area is as far along as its
    slowest item); it exists only when every item has a status: one left out could be behind."""
    stated = [site.status(given[item.id]) for item in items if item.id in given]
    counts = tuple((status, stated.count(status)) for status in site.statuses if status in stated)
    complete = counts and len(stated) == len(items)
    return RollUp(counts[0][0] if complete else None, counts, len(stated), len(items))


def roll_up(site: Site, area: Area, update: Update) -> RollUp:
    """The area's status as of an update."""
    given = {item_id: entry.status for item_id, entry in statuses_in(site, update).items()}
    return _roll_up(site, rolling_items(area), given)


def roll_up_now(site: Site, area: Area) -> Status | None:
    """The area's status from the statuses the notice gives its items."""
    given = {item.id: item.status for item in area.items() if item.status is not None}
    return _roll_up(site, rolling_items(area), given).status


@dataclass(frozen=True)
class Stale:
    """The newest update is older than the site's limit."""

    newest: Update
    age_days: int
    limit: int

    def message(self, lang: str) -> str:
        # The title in the message's language where the site has it, else in the notice's.
        title = self.newest.title.get(lang) or next(iter(self.newest.title.values()))
        if lang == "zh":
            return (f"最新一期进展“{title}”截至{format_date(self.newest.date, 'zh')}，距今已 {self.age_days} 天，"
                    f"超过 data/updates.yaml 中 stale_after_days 设定的 {self.limit} 天；有新的进展时请添加到 data/updates.yaml。")
        return (f"the newest update, “{title}” as of {self.newest.date}, is {self.age_days} days old, "
                f"more than stale_after_days ({self.limit}) in data/updates.yaml; add any newer update there.")


def staleness(site: Site, today: datetime.date) -> Stale | None:
    """Whether the newest update is older than `stale_after_days` on `today`."""
    if not site.updates:
        return None
    newest = site.updates[-1]
    age = (today - newest.date).days
    return Stale(newest, age, site.progress.stale_after_days) if age > site.progress.stale_after_days else None
