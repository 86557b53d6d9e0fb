"""The model of a site: one dataclass per kind of thing the data describes.

These classes are the single description of the data. The validator reads
their fields and types to check a YAML file and build them; nothing else
spells the schema out again. Field metadata carries limits ("min", "max",
"pattern"), with "doc"/"doc_zh" saying what a pattern expects.
"""
from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field

LANGUAGES = ("zh", "en")  # the first is the site's default and authoritative language
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}


class Id(str):
    """A stable identifier used in URLs: lowercase letters, digits and hyphens."""

    pattern = r"[a-z0-9]+(-[a-z0-9]+)*"


class UnitId(Id):
    """The id of a unit in data/units.yaml."""


Date = datetime.date


@dataclass(frozen=True)
class Text:
    """Text in every language of the site."""

    zh: str
    en: str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


_WRITES_N = {"pattern": r"[^{}]*\{n\}[^{}]*", "doc": "a pattern with {n} once, where the number goes",
             "doc_zh": "含有一个 {n}（表示数字位置）的写法"}


@dataclass(frozen=True)
class Unit:
    """How a value is written in each language; {n} stands for the number."""

    id: Id
    zh: str = field(metadata=_WRITES_N)
    en: str = field(metadata=_WRITES_N)
    max: float | None = None


@dataclass(frozen=True)
class Units:
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Figure:
    """A number the notice states: value, unit and what it counts."""

    value: float = field(metadata={"min": 0})
    unit: UnitId
    label: Text
    id: Id | None = None


@dataclass(frozen=True)
class Measure:
    """A titled paragraph of the notice: a measure taken, a point or a next step."""

    id: Id
    title: Text
    text: Text
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Area:
    """One numbered section of the notice: a problem the inspection raised."""

    id: Id
    number: int = field(metadata={"min": 1})
    title: Text  # the section heading as the notice words it
    problem: Text  # the problem as the inspection worded it (the quoted part)
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Inspection:
    directed_by: Text
    team: Text
    unit: Text
    start: Date
    end: Date
    feedback: Date


@dataclass(frozen=True)
class Totals:
    """The round's totals, as the notice declares them."""

    aspects: Figure
    problems: Figure
    measures: Figure
    completed: Figure
    immediate: Figure
    immediate_completed: Figure
    rules_revised: Figure


@dataclass(frozen=True)
class Round:
    inspection: Inspection
    totals: Totals
    accountability: tuple[Figure, ...]
    meetings: tuple[Figure, ...]


@dataclass(frozen=True)
class Notice:
    """The published notice, paragraph by paragraph, in its own order.
    The areas (data/areas/) stand between `summary` and `next_steps_intro`."""

    title: Text
    intro: Text
    commitment: Text
    approach: tuple[Measure, ...]
    summary: Text
    next_steps_intro: Text
    next_steps: tuple[Measure, ...]
    closing: Text
    signature: Text
    date: Date


@dataclass(frozen=True)
class Contact:
    organisation: Text
    phone: str = field(metadata={"pattern": r"\+?[0-9][0-9 -]*", "doc": "digits, spaces and hyphens", "doc_zh": "数字、空格或连字符"})
    address: Text
    postcode: str = field(metadata={"pattern": r"[0-9]{6}", "doc": "six digits", "doc_zh": "六位数字"})
    email: str = field(metadata={"pattern": r"[^@\s]+@[^@\s]+\.[^@\s]+", "doc": "an address like name@example.cn",
                                 "doc_zh": "形如 name@example.cn 的地址"})


@dataclass(frozen=True)
class Site:
    round: Round
    notice: Notice
    contact: Contact
    units: tuple[Unit, ...]
    areas: tuple[Area, ...]  # in the notice's order

    def unit(self, unit_id: str) -> Unit | None:
        return next((unit for unit in self.units if unit.id == unit_id), None)

    def area(self, area_id: str) -> Area | None:
        return self._areas_by_id.get(area_id)

    @functools.cached_property
    def _areas_by_id(self) -> dict[str, Area]:
        # Each area page looks up its area: a scan would cost areas × pages.
        return {area.id: area for area in self.areas}
