"""The model of a site: one dataclass per kind of thing the data describes.

These classes are the single description of the data. The validator reads
their fields and types to check a YAML file and build them (through
`field_kinds`, the one walker of field types that the validator, the schema and
the open data share); nothing else spells the schema out again. Field metadata
carries limits ("min", "max", "pattern"), with "doc"/"doc_zh" saying what a
pattern expects.

The notice is kept as it was printed, block by block (Notice.blocks). Everything
else that comes from the notice points into it by block id: areas, problems,
measures, statuses and figures. Nothing carries a second copy of its sentences.
"""
from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields

from .labels import LANGUAGES

# Text from data is plain text: the site escapes it, but a tag in the data is
# always a mistake (HTML pasted from a web page), so the validator refuses it.
HTML_TAG = r"<[A-Za-z/!?]"


class Id(str):
    """A stable identifier used in URLs and anchors: lowercase letters, digits and hyphens."""

    pattern = r"[a-z0-9]+(-[a-z0-9]+)*"


class UnitId(Id):
    """The id of a unit in data/units.yaml."""


class StatusId(Id):
    """The id of a status in data/statuses.yaml."""


class BlockId(Id):
    """The id of a block of the notice in data/notice.yaml."""


class Language(str):
    """A language the engine can show (it has labels for it in gongshi.labels)."""

    pattern = "|".join(LANGUAGES)


Date = datetime.date


def data_fields(cls) -> list:
    """The fields of a model class that hold data (all but those marked `"export": False`)."""
    return [f for f in fields(cls) if f.metadata.get("export", True)]


class Text(Mapping):
    """Text in the languages of the site: language → text. The first language
    of the site is the notice's own and authoritative; the others are translations."""

    __slots__ = ("_texts",)

    def __init__(self, texts: Mapping[str, str] = (), **by_language: str):
        """Text({"zh": …, "en": …}) or Text(zh=…, en=…)."""
        self._texts = {**dict(texts), **by_language}

    def __getitem__(self, lang: str) -> str:
        return self._texts[lang]

    def __iter__(self):
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __eq__(self, other) -> bool:
        return isinstance(other, Text) and self._texts == other._texts

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._texts.items())))

    def __repr__(self) -> str:
        return f"Text({self._texts!r})"


# --- the one walker of field types ------------------------------------------------------


RECORD, LIST, TEXT, CHOICE, SCALAR = "record", "list", "text", "choice", "scalar"


@dataclass(frozen=True)
class Kind:
    """What a field's type is, once `X | None` is unwrapped: a record (a
    dataclass), a list of something, Text, a choice between a text and a record
    (`str | Record`), or a scalar (str and its kinds of id, int, float, bool, date)."""

    name: str
    type: object  # the dataclass, the scalar type, or for a list the Kind of its items
    optional: bool
    choices: tuple = ()  # for CHOICE, the Kinds it may be


@functools.cache
def kind_of(tp) -> Kind:
    optional = False
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(tp))
        if len(args) > 1:
            return Kind(CHOICE, tp, optional, tuple(kind_of(arg) for arg in args))
        tp = args[0]
    if tp is Text:
        return Kind(TEXT, tp, optional)
    if dataclasses.is_dataclass(tp):
        return Kind(RECORD, tp, optional)
    if typing.get_origin(tp) is tuple:
        return Kind(LIST, kind_of(typing.get_args(tp)[0]), optional)
    return Kind(SCALAR, tp, optional)


@functools.cache
def field_kinds(cls) -> tuple[tuple[dataclasses.Field, Kind], ...]:
    """Every field of a model class with the Kind of its type. get_type_hints is
    slow, and at a hundred times the seed it would run for each of 30,000 records."""
    hints = typing.get_type_hints(cls)
    return tuple((f, kind_of(hints[f.name])) for f in fields(cls))


# --- the notice, as printed ---------------------------------------------------------------


BLOCK_KINDS = ("title", "heading", "paragraph", "signature", "date")


@dataclass(frozen=True, kw_only=True)
class Block:
    """One printed unit of the notice, in its order: its title, a heading, a
    paragraph, the signature or the date. What it printed is, in this order,
    its `number` (一、 （一） 1. 一是 问题1：), its `label` (整改情况： 完成情况：),
    its `lead` (a heading run into its paragraph: 强化……。) and its `text`,
    each exactly as the notice has them (full-width punctuation, see
    gongshi.punctuation). The id is the block's anchor on the notice page."""

    id: BlockId
    kind: str = field(default="paragraph", metadata={
        "pattern": "|".join(BLOCK_KINDS), "doc": "one of " + ", ".join(BLOCK_KINDS),
        "doc_zh": "以下之一：" + "、".join(BLOCK_KINDS)})
    level: int | None = field(default=None, metadata={"min": 1, "max": 6})  # a heading's depth, 1 the top
    number: Text | None = None
    label: Text | None = None
    lead: Text | None = None
    text: Text | None = None

    def parts(self) -> tuple[Text, ...]:
        return tuple(part for part in (self.number, self.label, self.lead, self.text) if part is not None)


@dataclass(frozen=True, kw_only=True)
class Notice:
    """The published notice, block by block, in its own order, and the date
    it was issued (the date its `date` block prints)."""

    date: Date
    blocks: tuple[Block, ...]


# --- figures, units and statuses ---------------------------------------------------------------


_WRITES_N = {"pattern": r"[^{}]*\{n\}[^{}]*", "doc": "a pattern with {n} once, where the number goes",
             "doc_zh": "含有一个 {n}（表示数字位置）的写法"}


@dataclass(frozen=True)
class Unit:
    """How a value is written in each language; {n} stands for the number."""

    id: Id
    writes: Text = field(metadata={"each": _WRITES_N})
    max: float | None = None


@dataclass(frozen=True)
class Units:
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Figure:
    """A number the notice states: value, unit and what it counts (the label,
    the site's words), and the block of the notice that states it. A figure of
    a measure is stated in the measure's block unless it names another."""

    value: float = field(metadata={"min": 0})
    unit: UnitId
    label: Text
    block: BlockId | None = None
    id: Id | None = None


@dataclass(frozen=True)
class Status:
    """A word of the status vocabulary. The colour is never shown without the
    label. `phrases` are the ways notices write it (已完成整改, 已整改到位 …):
    a status the notice gives must be written in its block as the label or one
    of these. `total` names the total in data/round.yaml that counts the
    problems with this status (completed, in_progress …), where there is one."""

    id: Id
    label: Text
    colour: str = field(metadata={"pattern": r"#[0-9a-fA-F]{6}", "doc": "a colour written #RRGGBB, like #2e7d32",
                                  "doc_zh": "形如 #2e7d32 的颜色（#RRGGBB）"})
    done: bool = False  # whether an item with this status counts as rectified
    phrases: tuple[str, ...] = ()
    total: str | None = None


@dataclass(frozen=True)
class Statuses:
    """The vocabulary, from the least to the most advanced status: an area's
    status is the least advanced of its items'."""

    statuses: tuple[Status, ...]


# --- structure: what points into the notice -----------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Measure:
    """A measure taken, in its block of the notice; `id` defaults to the block's."""

    block: BlockId
    id: Id | None = None
    status: StatusId | None = None  # the status the notice gives it, where it gives one
    status_block: BlockId | None = None  # the block that gives it; the measure's own by default
    figures: tuple[Figure, ...] = ()

    def __post_init__(self):
        if self.id is None:
            object.__setattr__(self, "id", Id(self.block))


@dataclass(frozen=True, kw_only=True)
class Problem:
    """A problem the notice lists (问题1：…, 1.…), in its block; `id` defaults to the block's."""

    block: BlockId
    id: Id | None = None
    status: StatusId | None = None  # the status the notice gives it (完成情况：已完成)
    status_block: BlockId | None = None  # the block that gives it; the problem's own by default
    measures: tuple[Measure, ...] = ()

    def __post_init__(self):
        if self.id is None:
            object.__setattr__(self, "id", Id(self.block))


@dataclass(frozen=True)
class AreaTotals:
    """Counts a notice declares for one area, where it gives them. When every
    area declares a count, they must add up to the round's total."""

    problems: int | None = field(default=None, metadata={"min": 0})
    completed: int | None = field(default=None, metadata={"min": 0})
    measures: int | None = field(default=None, metadata={"min": 0})


@dataclass(frozen=True, kw_only=True)
class Area:
    """A part of the notice about one problem or group of problems, headed by
    its `block`; it gets a page of its own. `quote` is what the site calls it,
    quoted from that block (the problem in its “…”), where the whole heading is
    too long for a title; `summary` is the site's own plain-language account,
    shown marked as such, never as the notice's."""

    id: Id
    block: BlockId
    quote: Text | None = None
    aspect: BlockId | None = None  # the heading of the group of problems it is under, where the notice groups them
    summary: Text | None = None
    status: StatusId | None = None
    status_block: BlockId | None = None
    problems: tuple[Problem, ...] = ()
    measures: tuple[Measure, ...] = ()
    declared: AreaTotals | None = None

    def items(self) -> Iterator[Problem | Measure]:
        """Its problems, each followed by its measures, then its own measures."""
        for problem in self.problems:
            yield problem
            yield from problem.measures
        yield from self.measures

    def all_measures(self) -> tuple[Measure, ...]:
        return tuple(m for problem in self.problems for m in problem.measures) + self.measures


# --- the round: who inspected whom, and what the notice counts ------------------------------------


INSPECTION_KINDS = ("xuncha", "xunshi", "shenji")  # 巡察 (city or county), 巡视 (province or centre), 审计 (audit)


@dataclass(frozen=True)
class Inspection:
    """Who inspected whom and when, as far as the notice says."""

    kind: str = field(default="xuncha", metadata={
        "pattern": "|".join(INSPECTION_KINDS), "doc": "xuncha (巡察), xunshi (巡视) or shenji (审计)",
        "doc_zh": "xuncha（巡察）、xunshi（巡视）或 shenji（审计）"})
    directed_by: Text | None = None
    team: Text | None = None
    unit: Text | None = None
    start: Date | None = None
    end: Date | None = None
    feedback: Date | None = None


@dataclass(frozen=True)
class Totals:
    """The round's totals, as the notice declares them, each with the block that
    states it. Notices declare different totals; one it does not state is left
    out, never worked out. Each name counts one thing: `completed` counts
    problems, `measures_completed` measures. The check compares a part with its
    whole only where both count the same thing, and compares `problems` (and
    the totals a status names) with the problems listed in data/areas/."""

    aspects: Figure | None = None
    problems: Figure | None = None
    measures: Figure | None = None  # 整改举措 / 整改措施
    tasks: Figure | None = None  # 整改任务
    completed: Figure | None = None  # problems rectified
    basically_completed: Figure | None = None  # 基本完成
    in_progress: Figure | None = None  # 阶段性完成
    not_completed: Figure | None = None  # 未完成
    completion_rate: Figure | None = None  # 完成率
    immediate: Figure | None = None  # 立行立改
    immediate_completed: Figure | None = None
    measures_completed: Figure | None = None  # 整改措施已完成
    rules_revised: Figure | None = None  # 新修订完善制度
    as_of: Date | None = None  # the day the notice counts to (截至…), when it says; the date of the `figures_as_of` update

    def declared(self) -> list[Figure]:
        """The totals the notice states, in this order."""
        values = (getattr(self, f.name) for f in fields(self))
        return [value for value in values if isinstance(value, Figure)]

    def named(self) -> dict[str, Figure]:
        """name → figure, for the totals the notice states."""
        return {f.name: getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), Figure)}


@dataclass(frozen=True)
class Round:
    inspection: Inspection = Inspection()
    totals: Totals = Totals()
    accountability: tuple[Figure, ...] = ()
    meetings: tuple[Figure, ...] = ()
    figures: tuple[Figure, ...] = ()  # other figures the notice states, shown beside their blocks


# --- contact, the site itself ------------------------------------------------------------


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


_URL = {"pattern": r"https?://[^\s<>\"]+", "doc": "a web address starting with https:// or http://",
        "doc_zh": "以 https:// 或 http:// 开头的网址"}
_PAGE = {"pattern": r"[A-Za-z0-9_-][A-Za-z0-9_./-]*\.md", "doc": "a page under docs/, e.g. progress.md",
         "doc_zh": "docs/ 下的页面，如 progress.md"}


@dataclass(frozen=True)
class PoliceRecord:
    """The public-security filing (公安机关互联网站安全备案) and the page that confirms it."""

    number: str = field(metadata={"pattern": r"\S+公网安备 ?[0-9]+号", "doc": "the number as issued, e.g. 浙公网安备 33110202000001号",
                                  "doc_zh": "备案号原文，如“浙公网安备 33110202000001号”"})
    link: str = field(metadata=_URL)


@dataclass(frozen=True)
class GovSiteMark:
    """The 党政机关网站标识 image, kept in docs/, and the page it links to."""

    image: str = field(metadata={"pattern": r"[A-Za-z0-9_./-]+\.(?:png|gif|jpg|svg)", "doc": "a path under docs/, e.g. assets/images/dzjg.png",
                                 "doc_zh": "docs/ 下的图片路径，如 assets/images/dzjg.png"})
    link: str | None = field(default=None, metadata=_URL)


@dataclass(frozen=True)
class NavSection:
    """A titled group of pages in the site's navigation."""

    title: Text
    pages: tuple[str, ...] = field(metadata={"each": _PAGE})


@dataclass(frozen=True, kw_only=True)
class SiteInfo:
    """The site itself (data/site.yaml): its languages, its name and who
    publishes it, its navigation, and what Chinese government websites show
    about themselves (政府网站发展指引), each shown only when set."""

    languages: tuple[Language, ...]  # the first is the notice's own and authoritative; the others are translations
    name: Text  # the site's name: page titles, feeds, meta tags
    short_name: Text | None = None  # in the header, where the name is too long; the name when unset
    description: Text | None = None
    issuer: Text  # who published the notice
    nav: tuple[str | NavSection, ...] = field(metadata={"each": _PAGE})
    host: Text | None = None  # 主办单位
    operator: Text | None = None  # 承办单位
    site_id_code: str | None = field(default=None, metadata={"pattern": r"[0-9A-Za-z]{10}", "doc": "the ten-character 网站标识码",
                                                              "doc_zh": "十位的网站标识码"})
    icp: str | None = field(default=None, metadata={"pattern": r"\S+ICP备[0-9]+号(?:-[0-9]+)?", "doc": "the ICP number as issued, e.g. 浙ICP备12345678号",
                                                     "doc_zh": "ICP 备案号原文，如“浙ICP备12345678号”"})
    police_record: PoliceRecord | None = None
    gov_site_mark: GovSiteMark | None = None
    domain: str | None = field(default=None, metadata={"pattern": r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", "doc": "a host name, e.g. jtj.example.gov.cn",
                                                        "doc_zh": "域名，如 jtj.example.gov.cn"})
    updated: Date | None = None  # when the content was last changed; the notice date when unset

    def __post_init__(self):
        # Plain strings: they key every Text of the site.
        object.__setattr__(self, "languages", tuple(str(lang) for lang in self.languages))


# --- progress over time --------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """An update's totals as of its date. A count its source does not state is left out.
    Each is named like a total in data/round.yaml, and shown with that total's label and
    unit (with the site's own word for it, and no unit, where the notice declares no such total)."""

    problems: int | None = field(default=None, metadata={"min": 0})
    completed: int | None = field(default=None, metadata={"min": 0})
    in_progress: int | None = field(default=None, metadata={"min": 0})
    immediate: int | None = field(default=None, metadata={"min": 0})
    immediate_completed: int | None = field(default=None, metadata={"min": 0})


@dataclass(frozen=True)
class Source:
    """Where an update's facts are published: blocks of the notice, named by
    their id, or another document, named by its title and, where it is online,
    its address."""

    notice: tuple[BlockId, ...] = ()
    title: Text | None = None
    url: str | None = field(default=None, metadata={"pattern": r"https?://\S+", "doc": "an address starting with https://",
                                                    "doc_zh": "以 https:// 开头的网址"})


@dataclass(frozen=True)
class ItemStatus:
    """The status of one problem or measure, named by its id, as an update states it."""

    item: Id
    status: StatusId
    note: Text | None = None


@dataclass(frozen=True)
class Update:
    """A reporting round: what its source states, as of its date."""

    id: Id
    date: Date
    title: Text
    text: Text
    source: Source
    totals: Counts = Counts()
    statuses: tuple[ItemStatus, ...] = ()  # an item left out has no status stated in this update


@dataclass(frozen=True)
class Updates:
    """The reporting rounds, oldest first."""

    updates: tuple[Update, ...] = ()
    # The update that the figures in round.yaml and areas/ (and the statuses
    # the items there carry) belong to; none where no update holds them.
    figures_as_of: Id | None = None
    stale_after_days: int = field(default=183, metadata={"min": 1})


# --- the site -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    info: SiteInfo
    notice: Notice
    round: Round
    contact: Contact
    units: tuple[Unit, ...]
    areas: tuple[Area, ...]  # in the notice's order
    statuses: tuple[Status, ...]  # from the least to the most advanced
    progress: Updates
    # area id → its data file, e.g. "data/areas/02-industry-oversight.yaml"; not data, so never exported
    area_files: dict = field(metadata={"export": False})

    @property
    def languages(self) -> tuple[str, ...]:
        return self.info.languages

    @property
    def updates(self) -> tuple[Update, ...]:
        return self.progress.updates

    @property
    def figures_update(self) -> Update | None:
        """The update that the notice's figures belong to."""
        return None if self.progress.figures_as_of is None else self.update(self.progress.figures_as_of)

    @property
    def published(self) -> Date:
        """Every page's publish date: the notice's."""
        return self.notice.date

    @property
    def updated(self) -> Date:
        """The date the content last changed, as the data records it (never the
        build's): the newest of the notice, the newest update and site.yaml's `updated`."""
        dates = [self.published, self.info.updated or self.published] + [u.date for u in self.updates]
        return max(dates)

    def unit(self, unit_id: str) -> Unit | None:
        return next((unit for unit in self.units if unit.id == unit_id), None)

    def status(self, status_id: str) -> Status | None:
        return next((status for status in self.statuses if status.id == status_id), None)

    def update(self, update_id: str) -> Update | None:
        return next((update for update in self.updates if update.id == update_id), None)

    def area(self, area_id: str) -> Area | None:
        return self.areas_by_id.get(area_id)

    def block(self, block_id: str) -> Block | None:
        return self.blocks_by_id.get(block_id)

    @functools.cached_property
    def areas_by_id(self) -> dict[str, Area]:
        """The areas by id, in order. Each area page and its marker look up its
        area: a scan would cost areas × pages (1,100 × 2,200 at 100× the seed)."""
        return {area.id: area for area in self.areas}

    @functools.cached_property
    def area_positions(self) -> dict[str, int]:
        """Each area's place among the areas, from 0, by id: areas.index() compares
        whole areas, field by field, areas × areas at 1,100 areas."""
        return {area.id: n for n, area in enumerate(self.areas)}

    @functools.cached_property
    def blocks_by_id(self) -> dict[str, Block]:
        return {block.id: block for block in self.notice.blocks}

    @functools.cached_property
    def block_order(self) -> dict[str, int]:
        """Each block's place in the notice, from 0."""
        return {block.id: n for n, block in enumerate(self.notice.blocks)}

    @functools.cached_property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem the notice lists, in its order."""
        return tuple(problem for area in self.areas for problem in area.problems)

    @functools.cached_property
    def items(self) -> dict[str, tuple[Area, Problem | Measure]]:
        """Every problem and measure by id, with its area, in the notice's order."""
        return {item.id: (area, item) for area in self.areas for item in area.items()}

    def stated_figures(self) -> Iterator[tuple[Figure, str | None]]:
        """Every figure with the block that must state it: its own `block`, or
        for a figure of a measure, the measure's (None where a figure names none)."""
        round_ = self.round
        for figure in round_.totals.declared() + list(round_.accountability + round_.meetings + round_.figures):
            yield figure, figure.block
        for area in self.areas:
            for measure in area.all_measures():
                for figure in measure.figures:
                    yield figure, figure.block or measure.block

    @functools.cached_property
    def stated_statuses(self) -> dict[str, Mapping[str, ItemStatus]]:
        """The statuses each update states, by update id, then item id (read-only):
        its own entries, and for the update the figures belong to, the statuses
        the notice's items carry. Each area page asks for every update: built
        anew each time, that was areas × items (1,100 × 2,900 at 100× the seed)."""
        stated = {}
        for update in self.updates:
            given = {entry.item: entry for entry in update.statuses}
            if update.id == self.progress.figures_as_of:
                for item_id, (_, item) in self.items.items():
                    if item.status is not None:
                        given.setdefault(item_id, ItemStatus(item_id, item.status))
            stated[update.id] = types.MappingProxyType(given)
        return stated

    @functools.cached_property
    def figures_by_block(self) -> dict[str, list[Figure]]:
        """The round's other figures (Round.figures), by the block that states them."""
        found: dict[str, list[Figure]] = {}
        for figure in self.round.figures:
            found.setdefault(figure.block, []).append(figure)
        return found
