"""Check loaded YAML against the model and build model objects from it.

Every problem is collected with its file and line; nothing stops at the first.
The checks come in two layers: the shape of each file (read from the model's
dataclasses) and the consistency of the site as a whole. Each message is
written in English and in Chinese.
"""
from __future__ import annotations

import dataclasses
import datetime
import functools
import math
import re
import types
import typing
from pathlib import Path

from . import model
from .errors import Problem, suggest
from .files import inner_path, own_file
from .format import format_value
from .load import Located, LocatedList
from .model import LANGUAGE_NAMES, LANGUAGE_NAMES_ZH, Id, Site, Text

_INVALID = object()
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters that XML (the feeds) cannot carry and no text needs: control
# characters but tab and line breaks, lone surrogates, U+FFFE and U+FFFF. YAML
# lets an editor write them as escapes ("\x01"), never by typing.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# The largest number the site shows: every whole number up to it is exact in a
# float (2**53 is about 9 × 10**15), which the open data and the charts use.
MAX_NUMBER = 10**15


def _describe(value) -> tuple[str, str]:
    if value is None:
        return "nothing", "空值"
    if isinstance(value, bool):
        return f"true/false ({value})", f"真假值（{value}）"
    if isinstance(value, (int, float)):
        return f"the number {value}", f"数字 {value}"
    if isinstance(value, str):
        return f"the text “{value[:40]}”", f"文字“{value[:40]}”"
    if isinstance(value, list):
        return "a list", "列表"
    return "a mapping", "映射（若干“键: 值”）"


def _expected(tp) -> tuple[str, str]:
    if dataclasses.is_dataclass(tp):
        keys = ", ".join(f"`{f.name}`" for f in dataclasses.fields(tp))
        return f"a mapping with {keys}", f"包含 {keys} 的映射"
    if typing.get_origin(tp) is tuple:
        return "a list (items start with “- ”)", "列表（每项以“- ”开头）"
    return {
        str: ("text", "文字"),
        bool: ("true or false", "true 或 false"),
        int: ("a whole number", "整数"),
        float: ("a number", "数字"),
        datetime.date: ("a date written YYYY-MM-DD", "日期，格式为 YYYY-MM-DD"),
        Id: ("an id (lowercase letters, digits and hyphens)", "标识（小写字母、数字和连字符）"),
        model.UnitId: ("a unit id from data/units.yaml", "data/units.yaml 中的单位标识"),
        model.StatusId: ("a status id from data/statuses.yaml", "data/statuses.yaml 中的状态标识"),
    }[tp]


class Locations:
    """Where each built object came from, for messages about the site as a whole."""

    def __init__(self):
        self._at: dict[int, tuple[str, Located]] = {}

    def remember(self, obj, path: str, node: Located):
        self._at[id(obj)] = (path, node)

    def where(self, obj, key: str | None = None) -> tuple[str, int, int]:
        """File, line and column of an object, or of one of its keys."""
        path, node = self._at[id(obj)]
        if key in node.key_lines:
            return path, node.key_lines[key], node.key_columns[key]
        return path, node.line, node.column

    def problem(self, obj, en: str, zh: str, key: str | None = None) -> Problem:
        path, line, column = self.where(obj, key)
        return Problem(path, line, en, zh, column)


@functools.cache
def _fields(cls) -> tuple[dict[str, dataclasses.Field], dict[str, type]]:
    """A model class's fields by name, and their types: get_type_hints is slow,
    and at a hundred times the seed it ran for each of 30,000 records."""
    return {f.name: f for f in dataclasses.fields(cls)}, typing.get_type_hints(cls)


class Builder:
    """Builds one file's model objects, collecting its problems."""

    def __init__(self, path: str, locations: Locations):
        self.path, self.locations, self.problems = path, locations, []

    def fail(self, at: tuple[int, int], en: str, zh: str):
        """Record a problem at (line, column)."""
        self.problems.append(Problem(self.path, at[0], en, zh, at[1]))
        return _INVALID

    def wrong_type(self, tp, value, at, name: str, hint: tuple[str, str] = ("", "")):
        (want_en, want_zh), (got_en, got_zh) = _expected(tp), _describe(value)
        return self.fail(at, f"`{name}` should be {want_en}, not {got_en}{hint[0]}",
                         f"`{name}` 应当是{want_zh}，而不是{got_zh}{hint[1]}")

    def build(self, tp, value, at, name: str):
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):  # `X | None`: optional
            (inner,) = [arg for arg in typing.get_args(tp) if arg is not type(None)]
            return None if value is None else self.build(inner, value, at, name)
        if dataclasses.is_dataclass(tp):
            return self.record(tp, value, at, name)
        if origin is tuple:
            return self.items(typing.get_args(tp)[0], value, at, name)
        return self.scalar(tp, value, at, name)

    def items(self, item_type, value, at, name):
        if not isinstance(value, LocatedList):
            return self.wrong_type(tuple[item_type, ...], value, at, name)
        built = [self.build(item_type, item, item_at, f"{name} item")
                 for item, item_at in zip(value, zip(value.item_lines, value.item_columns))]
        return _INVALID if _INVALID in built else tuple(built)

    def record(self, cls, value, at, name):
        if not isinstance(value, Located):
            return self.wrong_type(cls, value, at, name)
        key_at = {key: (value.key_lines[key], value.key_columns[key]) for key in value}
        fields, hints = _fields(cls)
        for key in value:
            if key not in fields:
                hint_en, hint_zh = suggest(key, list(fields), ("keys", "键"))
                self.fail(key_at[key], f"unknown key `{key}` in `{name}`; {hint_en}",
                          f"`{name}` 中有未知的键 `{key}`；{hint_zh}")
        built = {}
        for key, spec in fields.items():
            optional = spec.default is not dataclasses.MISSING
            if key not in value or (cls is Text and value[key] in (None, "")):
                if not optional:
                    # An empty value is reported on its own line, a missing key on its parent's.
                    self.missing(cls, key, name, key_at.get(key, at))
                    built[key] = _INVALID
                continue
            item = self.build(hints[key], value[key], key_at[key], key)
            if item is not _INVALID and item is not None:
                item = self.limits(spec, item, key_at[key], key)
            built[key] = item
        if _INVALID in built.values():
            return _INVALID
        obj = cls(**built)
        self.locations.remember(obj, self.path, value)
        return obj

    def missing(self, cls, key, name, at):
        if cls is Text:
            return self.fail(at, f"`{name}` has no {LANGUAGE_NAMES[key]} text; add `{key}: …`",
                             f"`{name}` 缺少{LANGUAGE_NAMES_ZH[key]}文字；请添加 `{key}: …`")
        return self.fail(at, f"`{name}` is missing the required key `{key}`", f"`{name}` 缺少必填的键 `{key}`")

    def scalar(self, tp, value, at, name):
        if issubclass(tp, str):  # text, or one of the kinds of id
            if not isinstance(value, str):
                quote = isinstance(value, (int, float)) and not isinstance(value, bool) and tp is str
                hint = ("; put it in quotes", "；请给它加上引号") if quote else ("", "")
                return self.wrong_type(tp, value, at, name, hint)
            if tp is not str and not re.fullmatch(Id.pattern, value):
                return self.wrong_type(tp, value, at, name)
            tag = re.search(model.HTML_TAG + r"[^>]*>?", value)
            if tag:
                return self.fail(at, f"`{name}` contains HTML ({tag.group(0)[:30]}); write plain text",
                                 f"`{name}` 中含有 HTML（{tag.group(0)[:30]}）；请只写纯文字")
            control = _UNWRITABLE.search(value)
            if control:
                code = f"U+{ord(control.group()):04X}"
                return self.fail(at, f"`{name}` contains the invisible character {code}, which pages and feeds cannot carry; delete it",
                                 f"`{name}` 中含有不可见字符 {code}，网页和订阅源无法容纳它；请删除它")
            return value if tp is str else tp(value)
        if tp is bool:
            return value if isinstance(value, bool) else self.wrong_type(tp, value, at, name)
        if tp in (int, float):
            kinds = (int,) if tp is int else (int, float)
            ok = isinstance(value, kinds) and not isinstance(value, bool)
            if ok and not abs(value) <= MAX_NUMBER:  # .inf, 400 digits, and .nan (which no comparison holds for)
                shown_en, shown_zh = _out_of_range(value)
                return self.fail(at, f"`{name}` is {shown_en}; a number here is at most {MAX_NUMBER:,}",
                                 f"`{name}` 是{shown_zh}；这里的数字最大只能是 {MAX_NUMBER:,}")
            return value if ok else self.wrong_type(tp, value, at, name)
        if tp is datetime.date:
            if not isinstance(value, str):
                return self.wrong_type(tp, value, at, name)
            try:
                if _DATE.fullmatch(value):
                    return datetime.date.fromisoformat(value)
            except ValueError:
                pass
            return self.fail(at, f"`{name}` is not a real date: {value}; write YYYY-MM-DD",
                             f"`{name}` 不是有效的日期：{value}；请写成 YYYY-MM-DD")
        raise TypeError(f"the model uses a type the validator does not know: {tp}")

    def limits(self, spec: dataclasses.Field, item, at, key):
        meta = spec.metadata
        if "min" in meta and item < meta["min"]:
            return self.fail(at, f"`{key}` is {item}; it cannot be less than {meta['min']}",
                             f"`{key}` 是 {item}；不能小于 {meta['min']}")
        if "max" in meta and item > meta["max"]:
            return self.fail(at, f"`{key}` is {item}; it cannot be more than {meta['max']}",
                             f"`{key}` 是 {item}；不能大于 {meta['max']}")
        if "pattern" in meta and not re.fullmatch(meta["pattern"], item):
            return self.fail(at, f"`{key}` is “{item}”, which does not look right; expected {meta['doc']}",
                             f"`{key}` 的值“{item}”格式不对；应当是{meta['doc_zh']}")
        return item


def _out_of_range(value) -> tuple[str, str]:
    """A number too large to show, as a message says it (str() of a huge int is itself refused)."""
    if isinstance(value, int):
        digits = int(math.log10(abs(value))) + 1
        return f"a whole number of {digits} digits", f"一个 {digits} 位的整数"
    if math.isnan(value):
        return "not a number (.nan)", "“非数字”（.nan）"
    return (f"{value:g}", f" {value:g}") if math.isfinite(value) else ("infinite (.inf)", "无穷大（.inf）")


def build_file(cls, data, path: str, locations: Locations):
    """Build one file's top-level object. Returns (object or None, problems)."""
    builder = Builder(path, locations)
    at = (getattr(data, "line", 1), getattr(data, "column", 1))
    obj = builder.record(cls, data, at, path.rsplit("/", 1)[-1])
    return (None if obj is _INVALID else obj), builder.problems


# --- the site as a whole -----------------------------------------------------


def check_site(site: Site, at: Locations) -> list[Problem]:
    """Consistency across files: ids, references, dates, totals, figures."""
    problems: list[Problem] = []
    problems += _unique(site.units, "id", "unit id", "单位标识", at)
    problems += _unique(site.areas, "id", "area id", "方面标识", at)
    problems += _unique(site.areas, "number", "area number", "方面序号", at)
    numbers = sorted(a.number for a in site.areas)
    if numbers != list(range(1, len(site.areas) + 1)) and len(set(numbers)) == len(numbers):
        last = max(site.areas, key=lambda a: a.number)
        problems.append(at.problem(
            last, f"areas are numbered {numbers}; number them 1 to {len(numbers)} without gaps",
            f"各方面的序号是 {numbers}；请从 1 到 {len(numbers)} 连续编号", "number"))
    for area in site.areas:
        problems += _unique(area.measures, "id", "measure id", "措施标识", at)
    for group in (site.notice.approach, site.notice.next_steps):
        problems += _unique(group, "id", "id", "标识", at)
    for group in (site.round.accountability, site.round.meetings):
        problems += _unique(group, "id", "figure id", "数字标识", at)
    for figure, owner in _figures_with_text(site):
        problems += _check_figure(site, figure, owner, at)
    problems += _check_dates(site, at)
    problems += _check_totals(site, at)
    problems += _check_progress(site, at)
    problems += _check_declared(site, at)
    return problems


def check_files(site: Site, docs: Path, at: Locations) -> list[Problem]:
    """Files that the data names and the site must publish."""
    mark = site.info.gov_site_mark
    if mark is not None and not inner_path(mark.image):
        return [at.problem(mark, f"`{mark.image}` is not a path inside docs/; write where the image is in docs/, "
                                 "like assets/images/dzjg.png, so that no page loads it from another host",
                           f"`{mark.image}` 不是 docs/ 中的路径；请写出图片在 docs/ 中的位置，如 assets/images/dzjg.png，"
                           "页面才不会从其他网站加载它", "image")]
    if mark is not None and not own_file(docs / mark.image, docs.parent):
        return [at.problem(mark, f"the image `{mark.image}` is not in docs/; put the 党政机关网站标识 image there",
                           f"docs/ 中没有图片 `{mark.image}`；请把党政机关网站标识图片放在那里", "image")]
    return []


def _unique(items, key: str, what: str, what_zh: str, at: Locations) -> list[Problem]:
    seen, problems = {}, []
    for item in items:
        value = getattr(item, key)
        if value is None:
            continue
        if value in seen:
            path, line, _ = at.where(seen[value], key)
            problems.append(at.problem(item, f"{what} `{value}` is used twice (first in {path}:{line}); it must be unique",
                                       f"{what_zh} `{value}` 重复使用（第一次在 {path}:{line}）；不能重复", key))
        else:
            seen[value] = item
    return problems


def _check_figure(site: Site, figure, owner, at: Locations) -> list[Problem]:
    unit = site.unit(figure.unit)
    if unit is None:
        hint_en, hint_zh = suggest(figure.unit, [u.id for u in site.units], ("units", "单位"))
        return [at.problem(figure, f"unknown unit `{figure.unit}`; {hint_en}", f"未知的单位 `{figure.unit}`；{hint_zh}", "unit")]
    value = format_value(figure.value, "zh")
    if unit.max is not None and figure.value > unit.max:
        most = format_value(unit.max, "zh")
        return [at.problem(figure, f"value {value} is more than {most}, the most a figure in `{unit.id}` can be",
                           f"数值 {value} 大于 {most}，而单位 `{unit.id}` 的数字最大只能是 {most}", "value")]
    written = unit.zh.replace("{n}", value)
    if owner is not None and not quotes(unit.zh, value, owner.text.zh):
        return [at.problem(figure, f"the figure “{written}” does not occur in the Chinese text of `{owner.id}`; a figure must quote its text",
                           f"数字“{written}”没有出现在 `{owner.id}` 的中文正文中；数字必须与正文一致", "value")]
    return []


def quotes(pattern: str, number: str, text: str) -> bool:
    """Whether `text` writes `number` in the unit `pattern` as a whole number:
    "6项" is not in "36项", nor "第3" in "第36"."""
    before, _, after = pattern.partition("{n}")
    whole = rf"{re.escape(before)}(?<![\d.]){re.escape(number)}(?!\.?\d){re.escape(after)}"
    return re.search(whole, text) is not None


def _check_dates(site: Site, at: Locations) -> list[Problem]:
    problems = []
    inspection = site.round.inspection
    order = [("start", inspection.start), ("end", inspection.end), ("feedback", inspection.feedback)]
    for (first, a), (then, b) in zip(order, order[1:]):
        if b < a:
            problems.append(at.problem(inspection, f"`{then}` ({b}) is before `{first}` ({a}); check the dates",
                                       f"`{then}`（{b}）早于 `{first}`（{a}）；请核对日期", then))
    feedback = inspection.feedback
    if site.notice.date < feedback:
        problems.append(at.problem(
            site.notice, f"the notice `date` ({site.notice.date}) is before the feedback ({feedback}) in data/round.yaml",
            f"公告日期 `date`（{site.notice.date}）早于 data/round.yaml 中的反馈日期（{feedback}）", "date"))
    updated = site.info.updated
    if updated is not None and updated < site.notice.date:
        problems.append(at.problem(
            site.info, f"`updated` ({updated}) is before the notice `date` ({site.notice.date}) in data/notice.yaml; content cannot change before it is published",
            f"`updated`（{updated}）早于 data/notice.yaml 中的公告日期 `date`（{site.notice.date}）；内容不会在发布之前更新", "updated"))
    as_of = site.round.totals.as_of
    if as_of is not None and not feedback <= as_of <= site.notice.date:
        problems.append(at.problem(
            site.round.totals, f"`as_of` ({as_of}) should fall between the feedback ({feedback}) and the notice ({site.notice.date})",
            f"`as_of`（{as_of}）应当在反馈日期（{feedback}）与公告日期（{site.notice.date}）之间", "as_of"))
    return problems


# Counts that are part of another: (part, whole).
_PARTS = (("completed", "problems"), ("basically_completed", "problems"), ("in_progress", "problems"),
          ("not_completed", "problems"), ("immediate", "problems"), ("immediate_completed", "immediate"))
# How far the problems have got: each problem is in at most one, so together they are at most the whole.
_STAGES = ("completed", "basically_completed", "in_progress", "not_completed")
_COMPLETION_SLACK = 0.5  # percentage points: notices round their rates


def _parts_within_wholes(owner, values: dict, at: Locations) -> list[Problem]:
    """No part is more than its whole; a count that is not stated (None) is not compared."""
    problems = []
    for part, whole in _PARTS:
        a, b = values.get(part), values.get(whole)
        if a is not None and b is not None and a > b:
            a, b = format_value(a, "zh"), format_value(b, "zh")
            problems.append(at.problem(owner, f"`{part}` ({a}) is more than `{whole}` ({b})",
                                       f"`{part}`（{a}）大于 `{whole}`（{b}）", part))
    return problems


def _check_totals(site: Site, at: Locations) -> list[Problem]:
    """The round's totals agree with one another, where the notice states them."""
    totals = site.round.totals
    values = {f.name: getattr(totals, f.name).value for f in dataclasses.fields(totals)
              if isinstance(getattr(totals, f.name), model.Figure)}
    problems = _parts_within_wholes(totals, values, at)
    stages = [name for name in _STAGES if name in values]
    if "problems" in values and len(stages) > 1:
        added = sum(values[name] for name in stages)
        if added > values["problems"]:
            names, whole = " + ".join(f"`{name}`" for name in stages), format_value(values["problems"], "zh")
            problems.append(at.problem(totals, f"{names} make {format_value(added, 'zh')}, more than the {whole} `problems`",
                                       f"{names} 合计 {format_value(added, 'zh')}，超过了问题总数 `problems`（{whole}）", stages[-1]))
    rate, done, whole = (values.get(name) for name in ("completion_rate", "completed", "problems"))
    if rate is not None and done is not None and whole:
        worked_out = 100 * done / whole
        if abs(rate - worked_out) > _COMPLETION_SLACK:
            stated, exact = format_value(rate, "zh"), f"{worked_out:.1f}"
            problems.append(at.problem(
                totals, f"`completion_rate` is {stated}%, but `completed`/`problems` makes {exact}%",
                f"`completion_rate` 是 {stated}%，而 `completed`/`problems` 算得 {exact}%", "completion_rate"))
    return problems


def _check_declared(site: Site, at: Locations) -> list[Problem]:
    """Where the areas declare counts, they add up to the round's totals."""
    problems = []
    for key in ("problems", "completed", "measures"):
        declaring = [a for a in site.areas if a.declared is not None and getattr(a.declared, key) is not None]
        if not declaring:
            continue
        if len(declaring) < len(site.areas):
            missing = next(a for a in site.areas if a not in declaring)
            problems.append(at.problem(
                missing, f"{len(declaring)} of {len(site.areas)} areas declare `declared.{key}`, but not this one; declare it for every area or for none",
                f"{len(site.areas)} 个方面中有 {len(declaring)} 个填写了 `declared.{key}`，本方面没有；请全部填写或全部不填", "id"))
            continue
        listed = sum(getattr(a.declared, key) for a in declaring)
        total = getattr(site.round.totals, key)
        if total is not None and listed != total.value:  # a total the notice does not state has nothing to add up to
            declared = format_value(total.value, "zh")
            path, line, _ = at.where(declaring[0].declared)
            problems.append(at.problem(
                total, f"declared {declared} {key}, but the areas list {listed} (`declared.{key}` in data/areas/, e.g. {path}:{line})",
                f"声明了 {declared} 个{_TOTAL_NAMES_ZH[key]}，但各方面合计为 {listed}（见 data/areas/ 中的 `declared.{key}`，如 {path}:{line}）",
                "value"))
    return problems


_TOTAL_NAMES_ZH = {"problems": "问题", "completed": "已完成整改的问题", "measures": "整改举措"}


def _figures_with_text(site: Site):
    """Every figure with the measure whose text it quotes (None for totals)."""
    for figure in site.round.totals.declared():
        yield figure, None
    for figure in site.round.accountability + site.round.meetings:
        yield figure, None
    measures = [m for area in site.areas for m in area.measures]
    for measure in measures + list(site.notice.approach + site.notice.next_steps):
        for figure in measure.figures:
            yield figure, measure


# --- the reporting rounds ----------------------------------------------------------


def _check_progress(site: Site, at: Locations) -> list[Problem]:
    problems = _unique(site.statuses, "id", "status id", "状态标识", at)
    problems += _unique(site.updates, "id", "update id", "进展标识", at)
    feedback, previous = site.round.inspection.feedback, None
    for update in site.updates:
        if update.date < feedback:
            problems.append(at.problem(
                update, f"update `{update.id}` is dated {update.date}, before the feedback ({feedback}) in data/round.yaml; "
                        "an update reports on the rectification that follows the feedback",
                f"进展 `{update.id}` 的日期 {update.date} 早于 data/round.yaml 中的反馈日期（{feedback}）；进展报告的是反馈之后的整改",
                "date"))
        elif previous is not None and update.date <= previous.date:
            problems.append(at.problem(
                update, f"update `{update.id}` ({update.date}) is not after `{previous.id}` ({previous.date}); "
                        "list the updates oldest first, one per date",
                f"进展 `{update.id}`（{update.date}）不晚于 `{previous.id}`（{previous.date}）；请按日期从早到晚排列，每个日期一条",
                "date"))
        previous = update
        problems += _parts_within_wholes(update.totals, dataclasses.asdict(update.totals), at)
        problems += _check_source(site, update, at)
        problems += _check_item_statuses(site, update, at)
    return problems + _check_figures_as_of(site, at)


def _notice_paragraphs() -> list[str]:
    """The keys of data/notice.yaml that hold a paragraph a source can cite."""
    hints = typing.get_type_hints(model.Notice)
    return [f.name for f in dataclasses.fields(model.Notice) if hints[f.name] in (Text, Text | None)]


def _check_source(site: Site, update, at: Locations) -> list[Problem]:
    source = update.source
    if bool(source.notice) == (source.title is not None):
        return [at.problem(source, f"the `source` of update `{update.id}` must name either paragraphs of the notice "
                                   "(`notice: [summary]`) or another document (`title:` and `url:`), and not both",
                           f"进展 `{update.id}` 的 `source` 应当要么列出公告中的段落（`notice: [summary]`），"
                           "要么写明另一份文件（`title:` 和 `url:`），不能两者都有或都没有")]
    known, problems = _notice_paragraphs(), []
    for name in source.notice:
        if name not in known:
            hint_en, hint_zh = suggest(name, known, ("paragraphs", "段落"))
            problems.append(at.problem(source, f"data/notice.yaml has no paragraph `{name}`; {hint_en}",
                                       f"data/notice.yaml 中没有段落 `{name}`；{hint_zh}", "notice"))
        elif getattr(site.notice, name) is None:  # a part this notice does not have
            present = [key for key in known if getattr(site.notice, key) is not None]
            hint_en, hint_zh = suggest(name, present, ("paragraphs", "段落"))
            problems.append(at.problem(source, f"update `{update.id}` cites `{name}`, which data/notice.yaml leaves out; {hint_en}",
                                       f"进展 `{update.id}` 引用了 `{name}`，但 data/notice.yaml 中没有这一段；{hint_zh}", "notice"))
    if problems or not source.notice:
        return problems
    # A count taken from the notice must be written in the paragraphs cited for it.
    cited = "".join(getattr(site.notice, name).zh for name in source.notice)
    for key, value in dataclasses.asdict(update.totals).items():
        if value is not None and not quotes("{n}", format_value(value, "zh"), cited):
            names = ", ".join(source.notice)
            problems.append(at.problem(
                update.totals, f"`{key}` ({value}) is not stated in the paragraphs of data/notice.yaml that update "
                               f"`{update.id}` cites ({names}); a count must be stated by its source",
                f"`{key}`（{value}）没有出现在进展 `{update.id}` 所引用的 data/notice.yaml 段落（{names}）中；数字必须有出处", key))
    return problems


def _check_item_statuses(site: Site, update, at: Locations) -> list[Problem]:
    problems, seen = [], {}
    for item in update.statuses:
        area = site.area(item.area)
        if area is None:
            hint_en, hint_zh = suggest(item.area, [a.id for a in site.areas], ("areas", "方面"))
            problems.append(at.problem(item, f"unknown area `{item.area}`; {hint_en}", f"未知的方面 `{item.area}`；{hint_zh}", "area"))
        elif item.measure not in [m.id for m in area.measures]:
            hint_en, hint_zh = suggest(item.measure, [m.id for m in area.measures], ("measures of this area", "该方面的措施"))
            problems.append(at.problem(item, f"area `{area.id}` has no measure `{item.measure}`; {hint_en}",
                                       f"方面 `{area.id}` 中没有措施 `{item.measure}`；{hint_zh}", "measure"))
        if site.status(item.status) is None:
            hint_en, hint_zh = suggest(item.status, [s.id for s in site.statuses], ("statuses", "状态"))
            problems.append(at.problem(item, f"unknown status `{item.status}`; {hint_en}",
                                       f"未知的状态 `{item.status}`；{hint_zh}", "status"))
        key = (item.area, item.measure)
        if key in seen:
            path, line, _ = at.where(seen[key])
            problems.append(at.problem(
                item, f"update `{update.id}` gives the status of `{item.area}` / `{item.measure}` twice (first at {path}:{line})",
                f"进展 `{update.id}` 两次给出 `{item.area}` / `{item.measure}` 的状态（第一次在 {path}:{line}）"))
        seen.setdefault(key, item)
    return problems


def _check_figures_as_of(site: Site, at: Locations) -> list[Problem]:
    """The update that the notice's figures belong to exists, cites the notice and agrees with it."""
    progress, update = site.progress, site.figures_update
    if update is None:
        hint_en, hint_zh = suggest(progress.figures_as_of, [u.id for u in site.updates], ("updates", "进展"))
        return [at.problem(progress, f"`figures_as_of` names no update `{progress.figures_as_of}`; {hint_en}",
                           f"`figures_as_of` 所指的进展 `{progress.figures_as_of}` 不存在；{hint_zh}", "figures_as_of")]
    if not update.source.notice:
        return [at.problem(progress, f"`figures_as_of` names update `{update.id}`, which does not cite data/notice.yaml; "
                                     "the figures on the site are the notice's",
                           f"`figures_as_of` 所指的进展 `{update.id}` 没有引用 data/notice.yaml；本站的数字来自公告", "figures_as_of")]
    problems = []
    if update.date > site.notice.date:
        problems.append(at.problem(update, f"update `{update.id}` holds the notice's figures, so it cannot be dated after the notice "
                                           f"({site.notice.date})",
                                   f"进展 `{update.id}` 对应公告中的数字，日期不能晚于公告日期（{site.notice.date}）", "date"))
    as_of, feedback = site.round.totals.as_of, site.round.inspection.feedback
    # An `as_of` outside its range is reported on its own (_check_dates): one mistake, one message.
    if as_of is not None and feedback <= as_of <= site.notice.date and update.date != as_of:
        problems.append(at.problem(
            update, f"update `{update.id}` holds the notice's figures, which data/round.yaml counts to `as_of` ({as_of}); "
                    f"date the update {as_of}",
            f"进展 `{update.id}` 对应公告中的数字，而 data/round.yaml 中这些数字截至 `as_of`（{as_of}）；请将进展日期写为 {as_of}",
            "date"))
    # Both say what the notice states, so they agree; a count neither states is not compared.
    for key, value in dataclasses.asdict(update.totals).items():
        figure = getattr(site.round.totals, key)
        stated = None if figure is None else figure.value
        if value != stated:
            shown, shown_zh = _stated(value)
            in_round, in_round_zh = _stated(stated)
            problems.append(at.problem(
                update.totals, f"`{key}` is {shown} here but {in_round} in data/round.yaml; "
                               f"update `{update.id}` holds the notice's figures, so they must agree",
                f"`{key}` 在这里是 {shown_zh}，在 data/round.yaml 中是 {in_round_zh}；"
                f"进展 `{update.id}` 对应公告中的数字，两者必须一致", key))
    return problems


def _stated(value) -> tuple[str, str]:
    """A count as a message shows it, in English and Chinese: "nothing" where it is not stated."""
    return ("nothing", "未填写") if value is None else (format_value(value, "zh"),) * 2
