"""The lines of a notice → its structure (build.py makes the model's objects
of it), and a report of what could not be placed or parsed.

A notice reads, in order: its title; the opening sentence; how the rectification
was run (paragraphs, 一是… points or numbered items, sometimes under a heading
一、整改工作开展情况); a summary with the totals; the areas, one per problem
(关于“…”问题的整改情况, or 问题N：), perhaps grouped under aspects, each with its
measures; the next steps (下一步…); a closing paragraph with the contact block;
the signature and the date. Every line lands in one of these; what lands only by
a guess is reported, with its line, for the editor to check.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from ..errors import Problem
from . import quantities, totals
from .contact import has_contact
from .dates import Calendar
from .lines import Line
from .opening import OPENING, Opening, read_opening
from .outline import Marked, mark, split_points, title_and_text

_DAY_LINE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_QUOTED = re.compile(r"[“\"「](.+)[”\"」]")  # the problem, in whichever quotation marks the notice uses
_PROBLEM_HEADING = re.compile(r"关于.*[“\"「].+[”\"」]|问题.*整改|整改.*问题")
_NEXT_PART = re.compile(r"下一步|下步|今后|工作打算|后续工作|工作计划")
_AREAS_PART = re.compile(r"反馈(?:的)?(?:意见|问题)|^(?:问题)?整改(?:落实)?情况$")
_APPROACH_PART = re.compile(r"整改工作|主要做法|工作开展情况|组织领导|整改(?:的)?(?:总体|基本)?情况$")
_NEXT_PARAGRAPH = re.compile(r"^(?:下一步|下步|今后|接下来)")
_CLOSING = re.compile(r"^(?:欢迎|特此)")
_INTRO_END = re.compile(r"予以公布|予以公开|公布如下|报告如下|通报如下|如下[:。]?$")
_SIGNATURE_LINES = 3
_SHORT = 40


@dataclass
class Item:
    """A measure, a point (一是) or a next step: its title and paragraphs."""

    line: int
    title: str
    paragraphs: list[str] = field(default_factory=list)
    sentence: str = ""  # the item as written, when it is one sentence: title and text may be split from it


@dataclass
class Section:
    """An area: one problem and what was done about it."""

    line: int
    title: str
    problem: str
    aspect: str | None = None
    status: str | None = None
    items: list[Item] = field(default_factory=list)
    measure_level: int | None = None


@dataclass
class Structure:
    """The notice's parts, still as normalised text; None or empty where the notice has no such part."""

    report: list[Problem]
    calendar: Calendar  # holds the year the last date was in
    title: str | None = None
    intro: list[Line] = field(default_factory=list)
    opening: Opening = field(default_factory=Opening)
    approach_heading: str | None = None
    commitment: list[Line] = field(default_factory=list)
    approach: list[Item] = field(default_factory=list)
    summary: list[Line] = field(default_factory=list)
    areas_heading: str | None = None
    areas: list[Section] = field(default_factory=list)
    next_steps_heading: str | None = None
    next_steps_intro: list[Line] = field(default_factory=list)
    next_steps: list[Item] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)
    signature: str | None = None
    date: datetime.date | None = None


def read_structure(lines: list[Line], units, shown: str) -> Structure:
    """The structure of a notice read as `lines`; `units` are those figures can be
    in, `shown` is the notice's name in the report."""
    return _Reader(lines, units, shown).read()


class _Reader:
    def __init__(self, lines: list[Line], units, shown: str):
        self.lines, self.units, self.shown = lines, units, shown
        self.marks = [mark(line.text) for line in lines]
        self.found = Structure([], Calendar())

    def note(self, line: int, en: str, zh: str):
        self.found.report.append(Problem(self.shown, line, en, zh))

    # --- where each part begins ------------------------------------------------

    def opening_index(self) -> int | None:
        return next((i for i, line in enumerate(self.lines) if OPENING.match(line.text)), None)

    def ending(self, first: int) -> tuple[int, int | None]:
        """(index of the first signature line, index of the date line) at the end."""
        date_at = None
        for i in range(len(self.lines) - 1, max(first, len(self.lines) - 4), -1):
            if _DAY_LINE.fullmatch(self.lines[i].text):
                date_at = i
                break
        end = date_at if date_at is not None else len(self.lines)
        start = end
        while (start - 1 > first and end - start < _SIGNATURE_LINES and self._signature_like(start - 1)):
            start -= 1
        return start, date_at

    def _signature_like(self, i: int) -> bool:
        text, marked = self.lines[i].text, self.marks[i]
        return (len(text) <= _SHORT and marked.kind == "plain" and not re.search(r"[。;:,]", text)
                and not has_contact(text) and not _CLOSING.match(text))  # 特此公告 closes, it does not sign

    def part(self, i: int) -> str | None:
        """Which part a 一、 heading opens: "approach", "areas", "next", or None."""
        marked = self.marks[i]
        if marked.kind != "heading" or marked.level != 1:
            return None
        text = marked.rest.rstrip("。")
        if _NEXT_PART.search(text):
            return "next"
        if _QUOTED.search(text):  # an area names its problem in quotes
            return None
        if _AREAS_PART.search(text):
            return "areas"
        if _APPROACH_PART.search(text) and not _PROBLEM_HEADING.search(text):
            return "approach"
        return None

    def area_level(self, body: range) -> int | None:
        """The heading level of the areas: the deepest level most of whose headings
        name a problem (关于“…”问题); 0 for the 问题N： form."""
        if any(self.marks[i].kind == "problem" for i in body):
            return 0
        counts: dict[int, list[int]] = {}
        for i in body:
            marked = self.marks[i]
            if marked.kind == "heading" and self.part(i) is None:
                counts.setdefault(marked.level, [0, 0])
                counts[marked.level][0] += 1
                counts[marked.level][1] += bool(_PROBLEM_HEADING.search(marked.rest))
        levels = [level for level, (all_, named) in counts.items() if named and named * 2 >= all_]
        if levels:
            return max(levels)
        after_part = [i for i in body if self.part(i) == "areas"]
        if after_part:
            following = [self.marks[i].level for i in body if i > after_part[0] and self.marks[i].kind == "heading"]
            if following:
                return following[0]
        return None

    def is_area(self, i: int, level: int) -> bool:
        marked = self.marks[i]
        if level == 0:
            return marked.kind == "problem"
        return marked.kind == "heading" and marked.level == level and self.part(i) is None

    # --- the parts --------------------------------------------------------------

    def read(self) -> Structure:
        found, lines = self.found, self.lines
        if not lines:
            self.note(1, "the notice has no text", "公告中没有文字")
            return found
        opening = self.opening_index()
        if opening is None:
            self.note(lines[0].number, "no opening sentence (根据/按照…统一部署，…组对…进行了巡察): "
                      "the notice's structure could not be read", "没有找到开头一句（根据/按照…统一部署，…组对…进行了巡察），无法识别公告结构")
            opening = min(1, len(lines) - 1)
        found.title = "".join(line.text for line in lines[:opening]) or None
        if not found.title:
            self.note(lines[opening].number, "no title before the opening sentence", "开头一句之前没有标题")
        first = opening + 1
        while first < len(lines) and self.marks[first].kind == "plain" and _INTRO_END.search(lines[first].text):
            first += 1
        found.intro = lines[opening:first]
        found.opening = read_opening(lines[opening].text, found.calendar)
        for en, zh in found.opening.notes:
            self.note(lines[opening].number, en, zh)

        signature_at, date_at = self.ending(first)
        self.signature_and_date(signature_at, date_at)
        body = range(first, signature_at)
        level = self.area_level(body)
        area_indices = [i for i in body if level is not None and self.is_area(i, level)]
        if not area_indices:
            self.note(lines[min(first, len(lines) - 1)].number,
                      "no areas found: no heading names a problem (关于“…”问题的整改情况, 问题1：)",
                      "没有找到各方面：没有标题写明问题（关于“…”问题的整改情况、问题1：）")
        areas_start = area_indices[0] if area_indices else signature_at
        while areas_start - 1 >= first and self.marks[areas_start - 1].kind == "heading" and (
                level == 0 or self.marks[areas_start - 1].level < level) and self.part(areas_start - 1) != "approach":
            areas_start -= 1
        last_area = area_indices[-1] if area_indices else first - 1
        next_start = next((i for i in range(last_area + 1, signature_at) if self.part(i) == "next"), None)
        if next_start is None:
            next_start = next((i for i in range(last_area + 1, signature_at)
                               if self.marks[i].kind == "plain" and _NEXT_PARAGRAPH.match(lines[i].text)), None)
        after_areas = next_start if next_start is not None else last_area + 1
        closing_start = next((i for i in range(after_areas, signature_at)
                              if _CLOSING.match(lines[i].text) or has_contact(lines[i].text)), signature_at)
        if next_start is None:
            next_start = closing_start

        self.round_part(range(first, areas_start))
        self.areas_part(range(areas_start, next_start), level)
        self.next_part(range(next_start, closing_start))
        found.closing = lines[closing_start:signature_at]
        if not found.closing:
            self.note(lines[signature_at - 1].number, "no closing paragraph (欢迎…监督) before the signature",
                      "落款之前没有结束语（欢迎…监督）")
        return found

    def signature_and_date(self, signature_at: int, date_at: int | None):
        found, lines = self.found, self.lines
        signed = lines[signature_at: date_at if date_at is not None else len(lines)]
        found.signature = " ".join(line.text for line in signed) or None
        if not found.signature:
            self.note(lines[-1].number, "no signature (the issuing organisation) at the end", "末尾没有落款（发布单位）")
        if date_at is None:
            self.note(lines[-1].number, "no date (2024年9月12日) on the last lines", "最后几行没有日期（如 2024年9月12日）")
            return
        day = found.calendar.read(lines[date_at].text)[0]
        found.date = day.first
        for en, zh in day.notes:
            self.note(lines[date_at].number, en, zh)
        for line in lines[date_at + 1:]:
            self.note(line.number, f"after the date, not placed: “{line.text[:30]}”", f"位于日期之后，未能归位：“{line.text[:30]}”")

    def _items(self, indices: range):
        """Read numbered items and 一是 points from `indices`. Yields ("item", Item);
        ("heading", index) for a 一、 part heading; ("plain", Line) for a paragraph
        that belongs to no item (before the items, after points, or stating totals)."""
        levels = [self.marks[i].level for i in indices if self.marks[i].kind == "heading" and self.part(i) is None]
        item_level = min(levels) if levels else None
        current, by_heading = None, False
        for i in indices:
            marked, line = self.marks[i], self.lines[i]
            if self.part(i) is not None:
                yield "heading", i
                current = None
            elif marked.kind == "heading" and marked.level == item_level:
                current, by_heading = self.item(line.number, marked.rest), True
                yield "item", current
            elif marked.kind == "heading" and current is not None:
                current.paragraphs.append(line.text)
            elif marked.kind == "point" or (marked.kind == "plain" and split_points(line.text)[1]):
                lead, points = split_points(line.text, marked.number or 1)
                if lead:
                    yield "plain", Line(line.number, lead)
                for point in points:
                    current, by_heading = self.item(line.number, point), False
                    yield "item", current
            elif current is not None and by_heading and not self.declares(line.text):
                current.paragraphs.append(line.text)
            else:
                yield "plain", line

    def item(self, number: int, text: str) -> Item:
        title, rest = title_and_text(text)
        return Item(number, title, [rest]) if rest else Item(number, title, sentence=text)

    def declares(self, text: str) -> bool:
        """Whether a paragraph states one of the round's totals."""
        found = quantities.find(text, self.units)
        return any(totals.kinds(text, q, quantities.label(text, q, found)) for q in found)

    def round_part(self, indices: range):
        found = self.found
        for kind, value in self._items(indices):
            if kind == "item":
                found.approach.append(value)
            elif kind == "heading":
                self.part_heading(value, "areas_heading" if self.part(value) == "areas" else "approach_heading")
            elif found.approach or self.declares(value.text):
                found.summary.append(value)
            else:
                found.commitment.append(value)

    def part_heading(self, i: int, key: str):
        line = self.lines[i]
        if getattr(self.found, key) is not None:
            self.note(line.number, "a second heading for the same part; kept in the summary", "同一部分出现第二个标题；已放入总体情况段落")
            self.found.summary.append(line)
        else:
            setattr(self.found, key, self.marks[i].rest.rstrip("。"))

    def areas_part(self, indices: range, level: int | None):
        aspect, area, current = None, None, None
        for i in indices:
            marked, line = self.marks[i], self.lines[i]
            if self.part(i) == "areas" and area is None:
                self.part_heading(i, "areas_heading")
            elif level is not None and self.is_area(i, level):
                area, current = self.area(marked, line, aspect), None
                self.found.areas.append(area)
            elif marked.kind == "heading" and self.groups_areas(i, area, level):
                aspect, area, current = marked.rest.rstrip("。"), None, None
            elif area is None:
                self.found.summary.append(line)
            elif marked.is_status:
                area.status = marked.rest.rstrip("。")
            elif marked.kind == "heading" and area.measure_level in (None, marked.level):
                area.measure_level = marked.level
                current = self.item(line.number, marked.rest)
                area.items.append(current)
            elif marked.introduces_measures:
                current = self.points(area, line, marked.rest, title=marked.label)
            elif marked.kind in ("point", "plain") and split_points(line.text, marked.number or 1)[1]:
                current = self.points(area, line, line.text, first=marked.number or 1)
            elif marked.kind == "label":  # 整改时限：长期坚持 is a paragraph of its own, titled by its label
                current = Item(line.number, marked.label, [marked.rest] if marked.rest else [])
                area.items.append(current)
            elif current is not None:
                current.paragraphs.append(line.text)
            else:
                current = self.item(line.number, line.text)
                area.items.append(current)
                self.note(line.number, "a paragraph without a number under an area: made a measure, its first sentence the title",
                          "方面下的段落没有序号：作为一项措施，以第一句为标题")

    def groups_areas(self, i: int, area: Section | None, level: int | None) -> bool:
        """Whether a heading among the areas is an aspect they are grouped under
        (（一）…方面 above 1.关于“…”问题) rather than a measure of the area before."""
        if area is None:
            return True
        if level == 0:  # 问题N： has no level: a heading groups when a 问题N： follows it
            following = next((m for m in self.marks[i + 1:] if m.kind != "heading"), None)
            return following is not None and following.kind == "problem"
        return level is not None and self.marks[i].level < level

    def area(self, marked: Marked, line: Line, aspect: str | None) -> Section:
        title, rest = title_and_text(marked.rest)
        if marked.kind == "problem":  # 问题1：the problem, in one or more sentences
            return Section(line.number, title, marked.rest.rstrip("。"), aspect)
        quoted = _QUOTED.search(title)
        problem = quoted.group(1) if quoted else re.sub(r"^关于|(?:问题)?(?:的)?整改(?:落实)?情况$|的?问题$", "", title)
        area = Section(line.number, title, problem, aspect)
        if rest:
            self.note(line.number, "text after the area heading: made a measure, its first sentence the title",
                      "方面标题后还有正文：作为一项措施，以第一句为标题")
            area.items.append(self.item(line.number, rest))
        return area

    def points(self, area: Section, line: Line, text: str, title: str = "", first: int = 1) -> Item | None:
        """The measures of a paragraph of 一是…二是… points (or of 整改情况：…)."""
        lead, points = split_points(text, first)
        if lead and title:  # 整改情况：what was done, without points
            area.items.append(Item(line.number, title, [lead]))
        elif lead:
            area.items.append(self.item(line.number, lead))
            self.note(line.number, "text before 一是 made a measure of its own", "“一是”之前的文字单独作为一项措施")
        area.items += [self.item(line.number, point) for point in points]
        return area.items[-1] if area.items else None

    def next_part(self, indices: range):
        found = self.found
        for kind, value in self._items(indices):
            if kind == "item":
                found.next_steps.append(value)
            elif kind == "heading":
                self.part_heading(value, "next_steps_heading")
            elif found.next_steps:
                found.next_steps[-1].paragraphs.append(value.text)
            else:
                found.next_steps_intro.append(value)
