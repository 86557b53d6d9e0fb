"""Check loaded YAML against the model and build model objects from it.

Every problem is collected with its file and line; nothing stops at the first.
The checks come in two layers: the shape of each file (read from the model's
dataclasses) and the consistency of the site as a whole. Each message is
written in English and in Chinese.
"""
from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import re
import types
import typing

from . import model
from .errors import Problem, suggest
from .format import format_value
from .load import Located, LocatedList
from .model import Id, Site, Text

_INVALID = object()
_LANGUAGE_NAMES_ZH = {"zh": "中文", "en": "英文"}
_LANGUAGE_NAMES_EN = {"zh": "Chinese", "en": "English"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
        int: ("a whole number", "整数"),
        float: ("a number", "数字"),
        datetime.date: ("a date written YYYY-MM-DD", "日期，格式为 YYYY-MM-DD"),
        Id: ("an id (lowercase letters, digits and hyphens)", "标识（小写字母、数字和连字符）"),
        model.UnitId: ("a unit id from data/units.yaml", "data/units.yaml 中的单位标识"),
    }[tp]


class Locations:
    """Where each built object came from, for messages about the site as a whole."""

    def __init__(self):
        self._at: dict[int, tuple[str, Located]] = {}

    def remember(self, obj, path: str, node: Located):
        self._at[id(obj)] = (path, node)

    def where(self, obj, key: str | None = None) -> tuple[str, int]:
        path, node = self._at[id(obj)]
        return path, node.key_lines.get(key, node.line)

    def problem(self, obj, en: str, zh: str, key: str | None = None) -> Problem:
        return Problem(*self.where(obj, key), en, zh)


@functools.cache
def _fields(cls) -> tuple[dict[str, dataclasses.Field], dict[str, type]]:
    """A model class's fields by name, and their types: get_type_hints is slow,
    and at a hundred times the seed it ran for each of 30,000 records."""
    return {f.name: f for f in dataclasses.fields(cls)}, typing.get_type_hints(cls)


class Builder:
    """Builds one file's model objects, collecting its problems."""

    def __init__(self, path: str, locations: Locations):
        self.path, self.locations, self.problems = path, locations, []

    def fail(self, line: int, en: str, zh: str):
        self.problems.append(Problem(self.path, line, en, zh))
        return _INVALID

    def wrong_type(self, tp, value, line: int, name: str, hint: tuple[str, str] = ("", "")):
        (want_en, want_zh), (got_en, got_zh) = _expected(tp), _describe(value)
        return self.fail(line, f"`{name}` should be {want_en}, not {got_en}{hint[0]}",
                         f"`{name}` 应当是{want_zh}，而不是{got_zh}{hint[1]}")

    def build(self, tp, value, line: int, name: str):
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):  # `X | None`: optional
            (inner,) = [arg for arg in typing.get_args(tp) if arg is not type(None)]
            return None if value is None else self.build(inner, value, line, name)
        if dataclasses.is_dataclass(tp):
            return self.record(tp, value, line, name)
        if origin is tuple:
            return self.items(typing.get_args(tp)[0], value, line, name)
        return self.scalar(tp, value, line, name)

    def items(self, item_type, value, line, name):
        if not isinstance(value, LocatedList):
            return self.wrong_type(tuple[item_type, ...], value, line, name)
        built = [self.build(item_type, item, item_line, f"{name} item")
                 for item, item_line in zip(value, value.item_lines)]
        return _INVALID if _INVALID in built else tuple(built)

    def record(self, cls, value, line, name):
        if not isinstance(value, Located):
            return self.wrong_type(cls, value, line, name)
        fields, hints = _fields(cls)
        for key in value:
            if key not in fields:
                hint_en, hint_zh = suggest(key, list(fields), ("keys", "键"))
                self.fail(value.key_lines[key], f"unknown key `{key}` in `{name}`; {hint_en}",
                          f"`{name}` 中有未知的键 `{key}`；{hint_zh}")
        built = {}
        for key, spec in fields.items():
            optional = spec.default is not dataclasses.MISSING
            if key not in value or (cls is Text and value[key] in (None, "")):
                if not optional:
                    self.missing(cls, key, name, value.key_lines.get(key, value.line))
                    built[key] = _INVALID
                continue
            item = self.build(hints[key], value[key], value.key_lines[key], key)
            if item is not _INVALID and item is not None:
                item = self.limits(spec, item, value.key_lines[key], key)
            built[key] = item
        if _INVALID in built.values():
            return _INVALID
        obj = cls(**built)
        self.locations.remember(obj, self.path, value)
        return obj

    def missing(self, cls, key, name, line):
        if cls is Text:
            return self.fail(line, f"`{name}` has no {_LANGUAGE_NAMES_EN[key]} text; add `{key}: …`",
                             f"`{name}` 缺少{_LANGUAGE_NAMES_ZH[key]}文字；请添加 `{key}: …`")
        return self.fail(line, f"`{name}` is missing the required key `{key}`", f"`{name}` 缺少必填的键 `{key}`")

    def scalar(self, tp, value, line, name):
        if tp in (str, Id, model.UnitId):
            if not isinstance(value, str):
                quote = isinstance(value, (int, float)) and not isinstance(value, bool) and tp is str
                hint = ("; put it in quotes", "；请给它加上引号") if quote else ("", "")
                return self.wrong_type(tp, value, line, name, hint)
            if tp is not str and not re.fullmatch(Id.pattern, value):
                return self.wrong_type(tp, value, line, name)
            return value if tp is str else tp(value)
        if tp in (int, float):
            kinds = (int,) if tp is int else (int, float)
            ok = isinstance(value, kinds) and not isinstance(value, bool)
            return value if ok else self.wrong_type(tp, value, line, name)
        if tp is datetime.date:
            if not isinstance(value, str):
                return self.wrong_type(tp, value, line, name)
            try:
                if _DATE.fullmatch(value):
                    return datetime.date.fromisoformat(value)
            except ValueError:
                pass
            return self.fail(line, f"`{name}` is not a real date: {value}; write YYYY-MM-DD",
                             f"`{name}` 不是有效的日期：{value}；请写成 YYYY-MM-DD")
        raise TypeError(f"the model uses a type the validator does not know: {tp}")

    def limits(self, spec: dataclasses.Field, item, line, key):
        meta = spec.metadata
        if "min" in meta and item < meta["min"]:
            return self.fail(line, f"`{key}` is {item}; it cannot be less than {meta['min']}",
                             f"`{key}` 是 {item}；不能小于 {meta['min']}")
        if "max" in meta and item > meta["max"]:
            return self.fail(line, f"`{key}` is {item}; it cannot be more than {meta['max']}",
                             f"`{key}` 是 {item}；不能大于 {meta['max']}")
        if "pattern" in meta and not re.fullmatch(meta["pattern"], item):
            return self.fail(line, f"`{key}` is “{item}”, which does not look right; expected {meta['doc']}",
                             f"`{key}` 的值“{item}”格式不对；应当是{meta['doc_zh']}")
        return item


def build_file(cls, data, path: str, locations: Locations):
    """Build one file's top-level object. Returns (object or None, problems)."""
    builder = Builder(path, locations)
    line = getattr(data, "line", 1)
    obj = builder.record(cls, data, line, path.rsplit("/", 1)[-1])
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
    return problems


def _unique(items, key: str, what: str, what_zh: str, at: Locations) -> list[Problem]:
    seen, problems = {}, []
    for item in items:
        value = getattr(item, key)
        if value is None:
            continue
        if value in seen:
            path, line = at.where(seen[value], key)
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
    return problems


def _check_totals(site: Site, at: Locations) -> list[Problem]:
    problems = []
    totals = site.round.totals
    for part, whole in (("completed", "problems"), ("immediate", "problems"), ("immediate_completed", "immediate")):
        a, b = getattr(totals, part).value, getattr(totals, whole).value
        if a > b:
            a, b = format_value(a, "zh"), format_value(b, "zh")
            problems.append(at.problem(totals, f"`{part}` ({a}) is more than `{whole}` ({b})",
                                       f"`{part}`（{a}）大于 `{whole}`（{b}）", part))
    return problems


def _figures_with_text(site: Site):
    """Every figure with the measure whose text it quotes (None for totals)."""
    totals = site.round.totals
    for f in dataclasses.fields(totals):
        yield getattr(totals, f.name), None
    for figure in site.round.accountability + site.round.meetings:
        yield figure, None
    measures = [m for area in site.areas for m in area.measures]
    for measure in measures + list(site.notice.approach + site.notice.next_steps):
        for figure in measure.figures:
            yield figure, measure
