"""The model of a site: one dataclass per kind of thing the data describes.

These classes are the single description of the data. The validator reads
their fields and types to check a YAML file and build them; nothing else
spells the schema out again. Field metadata carries limits ("min", "max",
"pattern"), with "doc"/"doc_zh" saying what a pattern expects.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field, fields

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


@dataclass(frozen=True, kw_only=True)
class Area:
    """One numbered section of the notice: a problem the inspection raised."""

    id: Id
    number: int = field(metadata={"min": 1})
    aspect: Text | None = None  # the heading of the group of problems it is under, when the notice groups them
    title: Text  # the section heading as the notice words it
    problem: Text  # the problem as the inspection worded it (the quoted part)
    status: Text | None = None  # how far its rectification has got, in the notice's words (完成情况)
    measures: tuple[Measure, ...]


INSPECTION_KINDS = ("xuncha", "xunshi")  # 巡察 (by a city or county committee) and 巡视 (by a province or the centre)


@dataclass(frozen=True)
class Inspection:
    directed_by: Text
    team: Text
    unit: Text
    start: Date
    end: Date
    feedback: Date
    kind: str = field(default="xuncha", metadata={
        "pattern": "|".join(INSPECTION_KINDS), "doc": "xuncha (巡察) or xunshi (巡视)", "doc_zh": "xuncha（巡察）或 xunshi（巡视）"})


@dataclass(frozen=True)
class Totals:
    """The round's totals, as the notice declares them. Notices declare
    different totals; one it does not state is left out, never worked out."""

    aspects: Figure | None = None
    problems: Figure | None = None
    measures: Figure | None = None  # 整改举措
    tasks: Figure | None = None  # 整改任务
    completed: Figure | None = None
    basically_completed: Figure | None = None  # 基本完成
    in_progress: Figure | None = None  # 阶段性完成
    not_completed: Figure | None = None  # 未完成
    completion_rate: Figure | None = None  # 完成率
    immediate: Figure | None = None  # 立行立改
    immediate_completed: Figure | None = None
    rules_revised: Figure | None = None  # 新修订完善制度
    as_of: Date | None = None  # the day the notice counts to (截至…), when it says

    def declared(self) -> list[Figure]:
        """The totals the notice states, in this order."""
        values = (getattr(self, f.name) for f in fields(self))
        return [value for value in values if isinstance(value, Figure)]


@dataclass(frozen=True)
class Round:
    inspection: Inspection
    totals: Totals
    accountability: tuple[Figure, ...] = ()
    meetings: tuple[Figure, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Notice:
    """The published notice, paragraph by paragraph, in its own order.
    The areas (data/areas/) stand between `areas_heading` and `next_steps_heading`.
    The parts a notice may lack are optional; the headings are those of notices
    in three numbered parts (一、整改工作开展情况 …)."""

    title: Text
    intro: Text
    approach_heading: Text | None = None
    commitment: Text | None = None
    approach: tuple[Measure, ...] = ()
    summary: Text | None = None
    areas_heading: Text | None = None
    next_steps_heading: Text | None = None
    next_steps_intro: Text | None = None
    next_steps: tuple[Measure, ...] = ()
    closing: Text
    signature: Text
    date: Date


@dataclass(frozen=True)
class Contact:
    """How the public reaches the unit; a notice gives some of these, not always all."""

    organisation: Text
    phone: str | None = field(default=None, metadata={
        "pattern": r"\+?[0-9][0-9 -]*", "doc": "digits, spaces and hyphens", "doc_zh": "数字、空格或连字符"})
    address: Text | None = None
    postcode: str | None = field(default=None, metadata={"pattern": r"[0-9]{6}", "doc": "six digits", "doc_zh": "六位数字"})
    email: str | None = field(default=None, metadata={
        "pattern": r"[^@\s]+@[^@\s]+\.[^@\s]+", "doc": "an address like name@example.cn", "doc_zh": "形如 name@example.cn 的地址"})
    mailbox: Text | None = None  # 邮政信箱


@dataclass(frozen=True)
class Site:
    round: Round
    notice: Notice
    contact: Contact
    units: tuple[Unit, ...]
    areas: tuple[Area, ...]  # in the notice's order

    def unit(self, unit_id: str) -> Unit | None:
        return next((unit for unit in self.units if unit.id == unit_id), None)
