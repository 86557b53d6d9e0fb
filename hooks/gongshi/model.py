"""The model of a site: one dataclass per kind of thing the data describes.

These classes are the single description of the data. The validator reads
their fields and types to check a YAML file and build them; nothing else
spells the schema out again. Field metadata carries limits ("min", "max",
"pattern"), with "doc"/"doc_zh" saying what a pattern expects.
"""
from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field, fields

LANGUAGES = ("zh", "en")  # the first is the site's default and authoritative language
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}  # in English messages
LANGUAGE_NAMES_ZH = {"zh": "中文", "en": "英文"}  # in Chinese messages


# Text from data is plain text: the site escapes it, but a tag in the data is
# always a mistake (HTML pasted from a web page), so the validator refuses it.
HTML_TAG = r"<[A-Za-z/!?]"


class Id(str):
    """A stable identifier used in URLs: lowercase letters, digits and hyphens."""

    pattern = r"[a-z0-9]+(-[a-z0-9]+)*"


class UnitId(Id):
    """The id of a unit in data/units.yaml."""


class StatusId(Id):
    """The id of a status in data/statuses.yaml."""


Date = datetime.date


def data_fields(cls) -> list:
    """The fields of a model class that hold data (all but those marked `"export": False`)."""
    return [f for f in fields(cls) if f.metadata.get("export", True)]


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
class AreaTotals:
    """Counts a notice declares for one area, where it gives them. When every
    area declares a count, they must add up to the round's total."""

    problems: int | None = field(default=None, metadata={"min": 0})
    completed: int | None = field(default=None, metadata={"min": 0})
    measures: int | None = field(default=None, metadata={"min": 0})


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
    declared: AreaTotals | None = None


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
    as_of: Date | None = None  # the day the notice counts to (截至…), when it says; the date of the `figures_as_of` update

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


_URL = {"pattern": r"https?://[^\s<>\"]+", "doc": "a web address starting with https:// or http://",
        "doc_zh": "以 https:// 或 http:// 开头的网址"}


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
class SiteInfo:
    """What Chinese government websites show about themselves (政府网站发展指引).
    Every item is optional and shown only when set; leave unknown ones empty."""

    host: Text | None = None  # 主办单位
    operator: Text | None = None  # 承办单位
    site_id_code: str | None = field(default=None, metadata={"pattern": r"[0-9A-Za-z]{10}", "doc": "the ten-character 网站标识码",
                                                              "doc_zh": "十位的网站标识码"})
    icp: str | None = field(default=None, metadata={"pattern": r"\S+ICP备[0-9]+号(?:-[0-9]+)?", "doc": "the ICP number as issued, e.g. 浙ICP备12345678号",
                                                     "doc_zh": "ICP 备案号原文，如“浙ICP备12345678号”"})
    police_record: PoliceRecord | None = None
    gov_site_mark: GovSiteMark | None = None
    domain: str | None = field(default=None, metadata={"pattern": r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", "doc": "a host name, e.g. jtj.lishui.gov.cn",
                                                        "doc_zh": "域名，如 jtj.lishui.gov.cn"})
    updated: Date | None = None  # when the content was last changed; the notice date when unset


@dataclass(frozen=True)
class Status:
    """A word of the status vocabulary. The colour is never shown without the label."""

    id: Id
    label: Text
    colour: str = field(metadata={"pattern": r"#[0-9a-fA-F]{6}", "doc": "a colour written #RRGGBB, like #2e7d32",
                                  "doc_zh": "形如 #2e7d32 的颜色（#RRGGBB）"})
    done: bool = False  # whether an item with this status counts as rectified


@dataclass(frozen=True)
class Statuses:
    """The vocabulary, from the least to the most advanced status: an area's
    status is the least advanced of its measures'."""

    statuses: tuple[Status, ...]


@dataclass(frozen=True)
class Counts:
    """An update's totals as of its date. A count its source does not state is left out.
    Each is named like a figure in Totals, and shown with that figure's label and unit
    (with the site's own word for it, and no unit, where the notice declares no such total)."""

    problems: int = field(metadata={"min": 0})
    completed: int | None = field(default=None, metadata={"min": 0})
    immediate: int | None = field(default=None, metadata={"min": 0})
    immediate_completed: int | None = field(default=None, metadata={"min": 0})


@dataclass(frozen=True)
class Source:
    """Where an update's facts are published: paragraphs of the notice in
    data/notice.yaml, named by their key (`intro`, `summary`, …), or another
    document, named by its title and, where it is online, its address."""

    notice: tuple[str, ...] = ()
    title: Text | None = None
    url: str | None = field(default=None, metadata={"pattern": r"https?://\S+", "doc": "an address starting with https://",
                                                    "doc_zh": "以 https:// 开头的网址"})


@dataclass(frozen=True)
class ItemStatus:
    """The status of one measure, as an update states it."""

    area: Id
    measure: Id
    status: StatusId
    note: Text | None = None


@dataclass(frozen=True)
class Update:
    """A reporting round: what its source states, as of its date."""

    id: Id
    date: Date
    title: Text
    text: Text
    totals: Counts
    source: Source
    statuses: tuple[ItemStatus, ...] = ()  # a measure left out has no status stated in this update


@dataclass(frozen=True)
class Updates:
    """The reporting rounds, oldest first."""

    updates: tuple[Update, ...]
    figures_as_of: Id  # the update that the figures in round.yaml and areas/ belong to
    stale_after_days: int = field(default=183, metadata={"min": 1})


@dataclass(frozen=True)
class Site:
    round: Round
    notice: Notice
    contact: Contact
    units: tuple[Unit, ...]
    areas: tuple[Area, ...]  # in the notice's order
    info: SiteInfo
    # area id → its data file, e.g. "data/areas/02-industry-oversight.yaml"; not data, so never exported
    area_files: dict = field(metadata={"export": False})
    statuses: tuple[Status, ...]  # from the least to the most advanced
    progress: Updates

    @property
    def updates(self) -> tuple[Update, ...]:
        return self.progress.updates

    @property
    def figures_update(self) -> Update | None:
        """The update that the notice's figures belong to."""
        return self.update(self.progress.figures_as_of)

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

    @functools.cached_property
    def areas_by_id(self) -> dict[str, Area]:
        """The areas by id, in order. Each area page and its marker look up its
        area: a scan would cost areas × pages (1,100 × 2,200 at 100× the seed)."""
        return {area.id: area for area in self.areas}
