"""The lines of a notice → its blocks, and the structure that points into them
(build.py makes the model's objects of both).

Every line becomes one block, printed as it was: a title, a heading, a
paragraph, the signature or the date; a number (一、 （一） 1. 问题1： 一是), a
label (整改情况：) and a run-in heading (强化监管。) are split off it, never
changed. On top of the blocks the reader finds, by their numbering and words:

- the parts of the notice (一、组织整改落实情况 / 二、…整改进展情况 / 三、下一步…),
- the areas (the headings at the shallowest level that mostly name a problem:
  关于“…”问题, …方面), and the aspect they are grouped under,
- the problems within an area (问题N：, or numbered items that name a problem or
  are followed by 整改情况：), with the status the notice gives each (完成情况：),
- the measures (every other block of an area),
- the opening, the blocks that state the round's totals, the next steps, the
  closing paragraph with the contact, the signature and the date.

A line placed in none of these stays on the notice page, and is reported.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from ..errors import Problem
from .contact import has_contact
from .dates import Calendar, date_line
from .lines import Line
from .outline import RANKED, STATUS_IN_TEXT, Marked, mark

_TITLE_MOST = 80  # characters: a longer first line is a paragraph, not a title
_HEADING_MOST = 50  # characters after the number: a longer single sentence is a paragraph
_SIGNATURE_LINES = 3
_SHORT = 40
_QUOTED = re.compile(r"[“\"「](.+?)[”\"」]")
# Words that name a problem or a group of them (not those that count problems found: 发现问题37个).
_NAMES_PROBLEM = re.compile(r"关于|方面|[“\"「].+[”\"」]|问题(?:的|整改|$)|(?:存在|反馈)(?:的)?问题")
_NEXT_PART = re.compile(r"下一步|下步|今后|工作打算|后续工作|工作计划|下阶段")
_AREAS_PART = re.compile(r"(?:反馈|交办|指出)(?:的)?(?:意见|问题)|整改进展情况|^(?:问题)?整改(?:落实)?情况[。.]?$")
_APPROACH_PART = re.compile(r"组织|整改工作|主要做法|工作开展|总体|主体责任|举措|成效")
_NEXT_PARAGRAPH = re.compile(r"^(?:下一步|下步|今后|接下来|下阶段)")
_CLOSING = re.compile(r"^(?:欢迎|特此|如有意见|如对)")
_OPENING = re.compile(r"^(?:根据|按照|依据|遵照)")
_SENTENCE_END = re.compile(r"[。！？!?;；:：]$")


@dataclass
class Piece:
    """One block as read: its line, its marks, and what it prints."""

    line: Line
    marked: Marked
    kind: str = "paragraph"
    level: int | None = None
    id: str = ""

    def part(self, name: str) -> str | None:
        """The printed text of the number, label, lead or text; None where it has none."""
        m, text = self.marked, self.line.text
        bounds = {"number": (0, m.number_end), "label": (m.number_end, m.label_end),
                  "lead": (m.label_end, m.lead_end), "text": (m.lead_end, len(text))}[name]
        return text[slice(*bounds)] or None

    @property
    def words(self) -> str:
        """The folded line without its number and label: what it says."""
        return self.line.folded[self.marked.label_end:]

    @property
    def names_a_problem(self) -> bool:
        """Whether its label or its head names a problem: （一）反馈问题：…, 关于“…”方面, …问题的整改情况."""
        m = self.marked
        return bool(_NAMES_PROBLEM.search(self.line.folded[m.number_end:m.label_end] + self.head))

    @property
    def head(self) -> str:
        """What names the block: its run-in heading, else its first sentence (folded)."""
        m = self.marked
        if m.lead_end > m.label_end:
            return self.line.folded[m.label_end:m.lead_end]
        return re.split(r"[。!?;]", self.words, maxsplit=1)[0]


@dataclass
class ProblemRead:
    block: int
    status: tuple[str, int] | None = None  # the status words as printed, and the block that gives them
    measures: list[int] = field(default_factory=list)


@dataclass
class AreaRead:
    block: int
    aspect: int | None = None
    status: tuple[str, int] | None = None
    problems: list[ProblemRead] = field(default_factory=list)
    measures: list[int] = field(default_factory=list)

    def blocks(self) -> list[int]:
        return ([self.block] + [p.block for p in self.problems] + [i for p in self.problems for i in p.measures]
                + self.measures + [s[1] for s in (self.status, *(p.status for p in self.problems)) if s])


@dataclass
class Structure:
    """The blocks of a notice and what points into them, by index into `pieces`."""

    report: list[Problem]
    pieces: list[Piece]
    calendar: Calendar
    dates: dict[int, list] = field(default_factory=dict)  # block → the dates found in it, in order (dates.Found)
    intro: int | None = None
    round_blocks: list[int] = field(default_factory=list)  # where the round's totals and figures are read
    approach: tuple[int, int] | None = None  # the first and last block of how the rectification was run
    areas: list[AreaRead] = field(default_factory=list)
    next_steps: tuple[int, int] | None = None
    closing: list[int] = field(default_factory=list)
    date: datetime.date | None = None


def read_structure(lines: list[Line], shown: str) -> Structure:
    """The blocks and structure of a notice read as `lines`; `shown` names it in the report."""
    return _Reader(lines, shown).read()


class _Reader:
    def __init__(self, lines: list[Line], shown: str):
        self.shown = shown
        self.pieces = [Piece(line, mark(line.folded)) for line in lines]
        self.found = Structure([], self.pieces, Calendar())

    def note(self, index: int, en: str, zh: str):
        line = self.pieces[min(index, len(self.pieces) - 1)].line.number if self.pieces else 1
        self.found.report.append(Problem(self.shown, line, en, zh))

    # --- the blocks ------------------------------------------------------------

    def read(self) -> Structure:
        found, pieces = self.found, self.pieces
        if not pieces:
            found.report.append(Problem(self.shown, 1, "the notice has no text", "公告中没有文字"))
            return found
        first = self.title()
        date_at, end = self.ending(first)
        self.headings(range(first, end))
        self.read_dates()
        if date_at is not None:
            found.date = date_line(pieces[date_at].line.folded)
        self.structure(first, end)
        self.name_blocks()
        return found

    def title(self) -> int:
        """Marks the first line a title where it reads as one; returns where the body starts."""
        head = self.pieces[0]
        text = head.line.folded
        if (len(self.pieces) > 1 and head.marked.style is None and len(text) <= _TITLE_MOST
                and not _SENTENCE_END.search(text) and not _OPENING.match(text)):
            head.kind = "title"
            return 1
        self.note(0, "no title on the first line", "第一行不是标题")
        return 0

    def ending(self, first: int) -> tuple[int | None, int]:
        """Marks the date and the signature at the end. Returns (the date's
        block, where the signature begins: the end of the body)."""
        pieces = self.pieces
        date_at = next((i for i in range(len(pieces) - 1, max(first, len(pieces) - 5) - 1, -1)
                        if date_line(pieces[i].line.folded)), None)
        if date_at is None:
            self.note(len(pieces) - 1, "no date (2024年9月12日) on the last lines: the notice's date is needed",
                      "最后几行没有日期（如 2024年9月12日）：需要公告日期")
            end = len(pieces)
        else:
            pieces[date_at].kind = "date"
            end = date_at
            for i in range(date_at + 1, len(pieces)):
                self.note(i, "after the date; kept on the notice page, not placed", "位于日期之后；保留在公告原文页，未归入结构")
        start = end
        while start - 1 >= first and end - start < _SIGNATURE_LINES and self.signature_like(start - 1):
            start -= 1
        for i in range(start, end):
            pieces[i].kind = "signature"
        if start == end:
            self.note(end - 1, "no signature (the issuing organisation) before the date", "日期之前没有落款（发布单位）")
        return date_at, start

    def signature_like(self, i: int) -> bool:
        piece = self.pieces[i]
        text = piece.line.folded
        return (len(text) <= _SHORT and piece.marked.style is None and not re.search(r"[。;:,!?]", text)
                and not has_contact(text) and not _CLOSING.match(text) and not date_line(text))

    def headings(self, body: range):
        """A numbered line of one short sentence is a heading; its level is the
        rank of its numbering among those the notice's headings use."""
        candidates = []
        for i in body:
            piece = self.pieces[i]
            m = piece.marked
            if m.style is None or m.lead_end != m.label_end or (m.label and not m.other_label):
                continue
            words = piece.words.rstrip("。.")
            if len(words) <= _HEADING_MOST and not re.search(r"[。!?;]", words):
                candidates.append(i)
        used = [style for style in RANKED + ["problem", "point"]
                if any(self.pieces[i].marked.style == style for i in candidates)]
        for i in candidates:
            self.pieces[i].kind, self.pieces[i].level = "heading", used.index(self.pieces[i].marked.style) + 1

    def read_dates(self):
        """Every date of the notice, in its order, so that one without its year takes the year before it."""
        for index, piece in enumerate(self.pieces):
            self.found.dates[index] = self.found.calendar.read(piece.line.folded)
            for found in self.found.dates[index]:
                for en, zh in found.notes:
                    self.note(index, en, zh)

    def name_blocks(self):
        named = {self.found.intro: "intro"} | {i: "closing" for i in self.found.closing[:1]}
        for index, piece in enumerate(self.pieces):
            if piece.kind in ("title", "signature", "date") and not any(p.id == piece.kind for p in self.pieces):
                piece.id = piece.kind
            else:
                piece.id = named.get(index) or f"p{index + 1}"

    # --- the structure ------------------------------------------------------------

    def rank(self, i: int) -> int | None:
        style = self.pieces[i].marked.style
        return RANKED.index(style) if style in RANKED else None

    def part(self, i: int, top: int | None) -> str | None:
        """Which part a top-level heading opens: "approach", "areas", "next", or None."""
        piece = self.pieces[i]
        if top is None or self.rank(i) != top or piece.kind != "heading":
            return None
        words = piece.words
        if _NEXT_PART.search(words):
            return "next"
        if _QUOTED.search(words):  # an area names its problem in quotes
            return None
        if _AREAS_PART.search(words):
            return "areas"
        if _APPROACH_PART.search(words):
            return "approach"
        return None

    def structure(self, first: int, end: int):
        found, pieces = self.found, self.pieces
        body = range(first, end)
        found.intro = next((i for i in body if _OPENING.match(pieces[i].line.folded)), None)
        if found.intro is None:
            found.intro = next((i for i in body if pieces[i].marked.style is None), None)
            self.note(found.intro or first, "no opening sentence (根据…统一部署，…对…进行了巡察): who inspected whom is not read",
                      "没有找到开头一句（根据…统一部署，…对…进行了巡察）：未能读出谁对谁进行了巡察")
        ranks = [self.rank(i) for i in body if pieces[i].kind == "heading" and self.rank(i) is not None]
        top = min(ranks, default=None)
        parts = {i: self.part(i, top) for i in body}
        part_ends = [i for i in body if parts[i] is not None or (top is not None and self.rank(i) == top)]

        def part_range(i: int) -> range:
            following = [j for j in part_ends if j > i]
            return range(i + 1, min(following, default=end))

        start = (found.intro if found.intro is not None else first - 1) + 1
        closing_at = self.closing_start(start, end)
        # The next steps: their part, or a paragraph 下一步… after the last heading.
        next_at = next((i for i in body if parts[i] == "next"), None)
        if next_at is None:
            after = max((i for i in body if pieces[i].kind == "heading"), default=start)
            next_at = next((i for i in range(after, closing_at) if pieces[i].marked.style is None
                            and _NEXT_PARAGRAPH.match(pieces[i].line.folded)), None)
        areas_part = next((i for i in body if parts[i] == "areas"), None)
        region = part_range(areas_part) if areas_part is not None else range(start, closing_at)
        outside = {j for i in body if parts[i] in ("approach", "next") for j in [i, *part_range(i)]}
        region = range(region.start, min(region.stop, closing_at, next_at if next_at is not None else end))
        self.read_areas([i for i in region if i not in outside], areas_part)

        # Before the areas, how the rectification was run and what it counts.
        areas_at = [i for area in found.areas for i in area.blocks()]
        areas_start = min(areas_at + ([areas_part] if areas_part is not None and found.areas else []), default=None)
        areas_end = max(areas_at, default=None)
        approach_end = min(i for i in (areas_start, next_at, closing_at) if i is not None)
        if start < approach_end:
            found.approach = (start, approach_end - 1)
        found.round_blocks = ([found.intro] if found.intro is not None else []) + list(range(start, approach_end))
        if areas_part is not None and areas_at and areas_part < min(areas_at):
            # The areas' part may open with what it counts (截至…，反馈的3个方面6个问题，已完成整改5个) before its first area.
            found.round_blocks += [i for i in range(areas_part + 1, min(areas_at)) if pieces[i].kind == "paragraph"]
        if next_at is not None and next_at < closing_at:
            found.next_steps = (next_at, closing_at - 1)
        found.closing = list(range(closing_at, end))
        placed = set(areas_at) | set(found.round_blocks) | set(found.closing)
        if found.next_steps:
            placed |= set(range(found.next_steps[0], found.next_steps[1] + 1))
        if areas_end is not None:
            placed |= set(range(areas_start, areas_end + 1))
        for i in body:
            if i not in placed and pieces[i].kind == "paragraph":
                self.note(i, "kept on the notice page, but placed in no part of the site (areas, how the rectification was run, next steps)",
                          "保留在公告原文页，但未归入本站的任何部分（各方面、整改工作、下一步）")

    def closing_start(self, start: int, end: int) -> int:
        """The closing paragraphs: from the last that invites the public's
        supervision or gives the contact, back over those before it that do too."""
        pieces = self.pieces
        closing = end
        while closing - 1 >= start and pieces[closing - 1].marked.style is None and (
                _CLOSING.match(pieces[closing - 1].line.folded) or has_contact(pieces[closing - 1].line.folded)):
            closing -= 1
        if closing == end:
            self.note(max(end - 1, 0), "no closing paragraph (欢迎…监督, the contact) before the signature",
                      "落款之前没有结束语（欢迎…监督、联系方式）")
        return closing

    def read_areas(self, region: list[int], part_heading: int | None):
        """The areas of `region`: at the shallowest level of numbering whose
        items mostly name a problem; or, where only problems are numbered, the
        part's heading over all of them; or each problem an area of its own."""
        pieces = self.pieces
        problems = [i for i in region if pieces[i].marked.style == "problem"]
        by_rank: dict[int, list[int]] = {}
        for i in region:
            if self.rank(i) is not None:
                by_rank.setdefault(self.rank(i), []).append(i)
        # Where the notice numbers its problems (问题1：), its areas are the headings above them.
        by_rank = {rank: items for rank, items in by_rank.items() if not problems or items[0] < problems[0]}
        level = next((rank for rank, items in sorted(by_rank.items())
                      if 2 * sum(pieces[i].names_a_problem for i in items) >= len(items)), None)
        if level is not None:
            heads = by_rank[level]
            for head in heads:
                stop = next((j for j in region if j > head and self.rank(j) is not None and self.rank(j) <= level), None)
                inside = [j for j in region if head < j and (stop is None or j < stop)]
                aspect = self.aspect(head, level, part_heading)
                self.found.areas.append(self.area(head, inside, aspect))
            return
        if not problems:
            return
        if part_heading is not None:
            self.found.areas.append(self.area(part_heading, [j for j in region if j > part_heading], None))
            return
        for head, stop in zip(problems, problems[1:] + [None]):
            inside = [j for j in region if head < j and (stop is None or j < stop)]
            self.found.areas.append(self.area(head, inside, None))

    def aspect(self, head: int, level: int, part_heading: int | None) -> int | None:
        """The heading an area is grouped under: the nearest before it of a
        shallower level that is not a part's heading."""
        for j in range(head - 1, -1, -1):
            rank = self.rank(j)
            if rank is not None and rank < level:
                return j if j != part_heading and self.pieces[j].kind == "heading" else None
        return None

    def area(self, head: int, inside: list[int], aspect: int | None) -> AreaRead:
        area = AreaRead(head, aspect)
        marks = {j: self.pieces[j].marked for j in inside}
        ranks = [self.rank(j) for j in inside if self.rank(j) is not None]
        shallowest = min(ranks, default=None)
        problem_heads = [j for j in inside if marks[j].style == "problem"]
        if not problem_heads and shallowest is not None:
            items = [j for j in inside if self.rank(j) == shallowest]
            labelled = any(marks[j].label and not marks[j].other_label for j in inside if marks[j].style is None)
            if labelled or 2 * sum(self.pieces[j].names_a_problem for j in items) >= len(items):
                problem_heads = items
        first_problem = problem_heads[0] if problem_heads else None
        for j in inside:
            if first_problem is None or j < first_problem:
                self.item(j, area)
        for head, stop in zip(problem_heads, problem_heads[1:] + [None]):
            problem = ProblemRead(head)
            self.status_in(head, problem)
            for j in inside:
                if head < j and (stop is None or j < stop):
                    self.item(j, problem)
            area.problems.append(problem)
        return area

    def item(self, j: int, owner: AreaRead | ProblemRead):
        """A block within an area or problem: the status it gives, or a measure.
        Lines saying when and who (整改时限：, 责任单位：) are neither."""
        if self.status_in(j, owner) or self.pieces[j].marked.other_label:
            return
        owner.measures.append(j)

    def status_in(self, j: int, owner: AreaRead | ProblemRead) -> bool:
        """Reads the status a block gives (完成情况：已完成), for `owner`. Whether
        the block is only that."""
        piece = self.pieces[j]
        if piece.marked.is_status:
            if owner.status is None:
                owner.status = (piece.line.text[piece.marked.label_end:], j)
            return True
        given = STATUS_IN_TEXT.search(piece.line.folded)
        if given and owner.status is None:
            owner.status = (piece.line.text[given.end():], j)
        return False
