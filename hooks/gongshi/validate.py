"""Check loaded YAML against the model and build model objects from it.

Every problem is collected with its file and line; nothing stops at the first.
The checks come in two layers: the shape of each file (read from the model's
dataclasses) and the consistency of the site as a whole.
"""
from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
import types
import typing

from . import model
from .errors import Problem
from .format import format_value
from .load import Located, LocatedList
from .model import LANGUAGE_NAMES, Id, Site, Text

_INVALID = object()


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text “{value[:40]}”"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _expected(tp) -> str:
    if dataclasses.is_dataclass(tp):
        return "a mapping with " + ", ".join(f"`{f.name}`" for f in dataclasses.fields(tp))
    if typing.get_origin(tp) is tuple:
        return "a list (items start with “- ”)"
    return {
        str: "text",
        int: "a whole number",
        float: "a number",
        datetime.date: "a date written YYYY-MM-DD",
        Id: "an id (lowercase letters, digits and hyphens)",
        model.UnitId: "a unit id from data/units.yaml",
    }[tp]


class Locations:
    """Where each built object came from, for messages about the site as a whole."""

    def __init__(self):
        self._at: dict[int, tuple[str, Located]] = {}

    def remember(self, obj, path: str, node: Located):
        self._at[id(obj)] = (path, node)

    def problem(self, obj, message: str, key: str | None = None) -> Problem:
        path, node = self._at[id(obj)]
        return Problem(path, node.key_lines.get(key, node.line), message)


class Builder:
    """Builds one file's model objects, collecting its problems."""

    def __init__(self, path: str, locations: Locations):
        self.path, self.locations, self.problems = path, locations, []

    def fail(self, line: int, message: str):
        self.problems.append(Problem(self.path, line, message))
        return _INVALID

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
            return self.fail(line, f"`{name}` should be {_expected(tuple[item_type, ...])}, not {_describe(value)}")
        built = [self.build(item_type, item, item_line, f"{name} item")
                 for item, item_line in zip(value, value.item_lines)]
        return _INVALID if _INVALID in built else tuple(built)

    def record(self, cls, value, line, name):
        if not isinstance(value, Located):
            return self.fail(line, f"`{name}` should be {_expected(cls)}, not {_describe(value)}")
        fields = {f.name: f for f in dataclasses.fields(cls)}
        hints = typing.get_type_hints(cls)
        for key in value:
            if key not in fields:
                guess = difflib.get_close_matches(str(key), fields, n=1, cutoff=0.6)
                hint = f"did you mean `{guess[0]}`?" if guess else "known keys: " + ", ".join(f"`{k}`" for k in fields)
                self.fail(value.key_lines[key], f"unknown key `{key}` in `{name}`; {hint}")
        built = {}
        for key, spec in fields.items():
            optional = spec.default is not dataclasses.MISSING
            if key not in value or (cls is Text and value[key] in (None, "")):
                if not optional:
                    self.fail(value.key_lines.get(key, value.line), self._missing(cls, key, name))
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

    @staticmethod
    def _missing(cls, key, name) -> str:
        if cls is Text:
            return f"`{name}` has no {LANGUAGE_NAMES[key]} text; add `{key}: …`"
        return f"`{name}` is missing the required key `{key}`"

    def scalar(self, tp, value, line, name):
        wrong = lambda: self.fail(line, f"`{name}` should be {_expected(tp)}, not {_describe(value)}")  # noqa: E731
        if tp in (str, Id, model.UnitId):
            if not isinstance(value, str):
                hint = "; put it in quotes" if isinstance(value, (int, float)) and tp is str else ""
                return self.fail(line, f"`{name}` should be {_expected(tp)}, not {_describe(value)}{hint}")
            if tp is not str and not re.fullmatch(Id.pattern, value):
                return wrong()
            return tp(value) if tp is not str else value
        if tp is int:
            return value if isinstance(value, int) and not isinstance(value, bool) else wrong()
        if tp is float:
            return value if isinstance(value, (int, float)) and not isinstance(value, bool) else wrong()
        if tp is datetime.date:
            try:
                return datetime.date.fromisoformat(value) if isinstance(value, str) else wrong()
            except ValueError:
                return self.fail(line, f"`{name}` is not a real date: {value}; write YYYY-MM-DD")
        raise TypeError(f"the model uses a type the validator does not know: {tp}")

    def limits(self, spec: dataclasses.Field, item, line, key):
        meta = spec.metadata
        if "min" in meta and item < meta["min"]:
            return self.fail(line, f"`{key}` is {item}; it cannot be less than {meta['min']}")
        if "max" in meta and item > meta["max"]:
            return self.fail(line, f"`{key}` is {item}; it cannot be more than {meta['max']}")
        if "pattern" in meta and not re.fullmatch(meta["pattern"], item):
            return self.fail(line, f"`{key}` is “{item}”, which does not look right; expected {spec.metadata.get('doc', 'the pattern ' + meta['pattern'])}")
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
    problems += _unique(site.units, "id", "unit id", at)
    problems += _unique(site.areas, "id", "area id", at)
    problems += _unique(site.areas, "number", "area number", at)
    expected = list(range(1, len(site.areas) + 1))
    if sorted(a.number for a in site.areas) != expected and not problems:
        worst = max(site.areas, key=lambda a: a.number)
        problems.append(at.problem(worst, f"areas are numbered {sorted(a.number for a in site.areas)}; number them 1 to {len(site.areas)} without gaps", "number"))
    for area in site.areas:
        problems += _unique(area.measures, "id", "measure id", at)
    for group in (site.notice.approach, site.notice.next_steps):
        problems += _unique(group, "id", "id", at)
    for group in (site.round.accountability, site.round.meetings):
        problems += _unique(group, "id", "figure id", at)

    for figure, owner in _figures_with_text(site):
        unit = site.unit(figure.unit)
        if unit is None:
            unit_ids = [u.id for u in site.units]
            known = ", ".join(f"`{u}`" for u in unit_ids)
            guess = difflib.get_close_matches(figure.unit, unit_ids, n=1)
            hint = f"did you mean `{guess[0]}`?" if guess else f"known units: {known}"
            problems.append(at.problem(figure, f"unknown unit `{figure.unit}`; {hint}", "unit"))
            continue
        if unit.max is not None and figure.value > unit.max:
            problems.append(at.problem(figure, f"value {format_value(figure.value, 'zh')} is more than {format_value(unit.max, 'zh')}, the most a figure in `{unit.id}` can be", "value"))
        written = unit.zh.replace("{n}", format_value(figure.value, "zh"))
        if owner is not None and written not in owner.text.zh:
            problems.append(at.problem(figure, f"the figure “{written}” does not occur in the Chinese text of `{owner.id}`; a figure must quote its text", "value"))

    inspection = site.round.inspection
    order = [("start", inspection.start), ("end", inspection.end), ("feedback", inspection.feedback)]
    for (first, a), (then, b) in zip(order, order[1:]):
        if b < a:
            problems.append(at.problem(inspection, f"`{then}` ({b}) is before `{first}` ({a}); check the dates", then))
    if site.notice.date < inspection.feedback:
        problems.append(at.problem(site.notice, f"the notice `date` ({site.notice.date}) is before the feedback ({inspection.feedback}) in data/round.yaml", "date"))

    totals = site.round.totals
    for part, whole in (("completed", "problems"), ("immediate", "problems"), ("immediate_completed", "immediate")):
        if getattr(totals, part).value > getattr(totals, whole).value:
            problems.append(at.problem(totals, f"`{part}` ({format_value(getattr(totals, part).value, 'zh')}) is more than `{whole}` ({format_value(getattr(totals, whole).value, 'zh')})", part))
    return problems


def _unique(items, key: str, what: str, at: Locations) -> list[Problem]:
    seen, problems = {}, []
    for item in items:
        value = getattr(item, key)
        if value is None:
            continue
        if value in seen:
            first = at.problem(seen[value], "")
            problems.append(at.problem(item, f"{what} `{value}` is used twice (first in {first.path}:{first.line}); ids must be unique", key))
        else:
            seen[value] = item
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
