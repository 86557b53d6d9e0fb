"""A notice's structure (parse.py) → the model's objects: the areas and measures
with their figures, the totals, accountability and meetings the notice declares,
the inspection, the contact.

Chinese text keeps the notice's wording, with Chinese punctuation restored
(punctuation.py). English is left empty, for the editor to translate; only the
labels of totals, which are the site's own words, come in both languages. What
the notice does not give is left as None: the writer leaves it out, and loading
the data then says what is missing.

A notice is one reporting round: it becomes the site's one update (data/updates.yaml),
dated the day it counts to, with the counts of problems it states and the
paragraphs that state them as its source. It gives no status of single measures,
so the update gives none either."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..data import AREAS
from ..errors import Problem
from ..export import spreadsheet_text
from ..format import format_value
from ..labels import label as site_label
from ..model import (Area, Contact, Counts, Figure, Inspection, Measure, Notice, Round, Site, SiteInfo, Source, Text, Totals,
                     Update, Updates)
from ..validate import quotes
from . import quantities, totals
from .contact import read_contact
from .dates import as_of
from .lines import Line
from .outline import first_clause
from .parse import Item, Structure
from .punctuation import chinese


@dataclass
class Imported:
    """What the importer made of a notice: the site, the report of what it could
    not place or parse, the lines it read, and the line each area and measure
    came from (id(object) → line number)."""

    site: Site
    report: list[Problem]
    lines: list[Line]
    origins: dict[int, int]


def _zh(text: str | None) -> Text | None:
    return Text(chinese(text), "") if text else None


def _paragraphs(lines: list[Line]) -> Text | None:
    return _zh("\n".join(line.text for line in lines))


DATA = "data"  # the folder of data files in a project, as Site.area_files names them
REPORT = "report"  # the id of the update a notice makes
# The paragraphs of the notice where it states its counts, in its order.
_COUNTED_IN = ("intro", "commitment", "summary")
_SENTENCE = re.compile(r"[^。]+(?:。|$)")


def area_file(area: Area) -> str:
    """Where an imported area is written, as Site.area_files names it."""
    return f"{DATA}/{AREAS}/{area.number:02d}-{area.id}.yaml"


class _Builder:
    def __init__(self, structure: Structure, units, statuses, shown: str):
        self.s, self.units, self.statuses, self.shown = structure, units, statuses, shown
        self.report = structure.report
        self.origins: dict[int, int] = {}
        self.found: dict[str, Figure] = {}  # totals by name
        self.counted_to = None  # the day of 截至…
        self.where: dict[str, int] = {}  # the line each total was found on
        self.accountability: list[Figure] = []
        self.meetings: list[Figure] = []
        self.kind = structure.opening.kind

    def note(self, line: int, en: str, zh: str):
        self.report.append(Problem(self.shown, line, en, zh))

    def site(self) -> Site:
        s = self.s
        # The round's own paragraphs, in the notice's order: where totals are declared.
        self.declarations(s.intro + s.commitment, report=True)
        approach = [self.measure(item, f"approach-{n}", round_level=True) for n, item in enumerate(s.approach, 1)]
        self.declarations(s.summary, report=True)
        self.as_of(s.intro + s.commitment + s.summary)
        areas = [self.area(section, n) for n, section in enumerate(s.areas, 1)]
        next_steps = [self.measure(item, f"next-step-{n}") for n, item in enumerate(s.next_steps, 1)]
        notice = Notice(
            title=_zh(s.title), intro=_paragraphs(s.intro), approach_heading=_zh(s.approach_heading),
            commitment=_paragraphs(s.commitment), approach=tuple(approach), summary=_paragraphs(s.summary),
            areas_heading=_zh(s.areas_heading), next_steps_heading=_zh(s.next_steps_heading),
            next_steps_intro=_paragraphs(s.next_steps_intro), next_steps=tuple(next_steps),
            closing=_paragraphs(s.closing), signature=_zh(s.signature), date=s.date)
        opening = s.opening
        inspection = Inspection(_zh(opening.directed_by), _zh(opening.team), _zh(opening.unit),
                                opening.start, opening.end, opening.feedback, self.kind)
        declared = Totals(**self.found, as_of=self.counted_to)
        round_ = Round(inspection, declared, tuple(self.accountability), tuple(self.meetings))
        # A notice says nothing of the website's own registrations: all unset.
        return Site(round_, notice, self.contact(), tuple(self.units), tuple(areas), info=SiteInfo(),
                    area_files={area.id: area_file(area) for area in areas}, statuses=tuple(self.statuses),
                    progress=self.progress(notice))

    def progress(self, notice: Notice) -> Updates:
        """The notice as the site's one update: the counts of problems it states in its
        own paragraphs (intro, summary …), which it cites. Without the number of
        problems there is no update: the writer leaves `figures_as_of` out, and
        loading the data asks for it."""
        stated, cited = {}, []
        for name in (f.name for f in dataclasses.fields(Counts)):
            figure = self.found.get(name)
            if figure is None:
                continue
            unit = next(u for u in self.units if u.id == figure.unit)
            value = format_value(figure.value, "zh")
            where = next((key for key in _COUNTED_IN
                          if getattr(notice, key) is not None and quotes(unit.zh, value, getattr(notice, key).zh)), None)
            if where is not None:
                stated[name] = (figure.value, unit.zh)
                cited += [] if where in cited else [where]
        if "problems" not in stated:
            return Updates(updates=(), figures_as_of=None)
        cited.sort(key=_COUNTED_IN.index)
        # Its text: the sentences of those paragraphs that state a count.
        sentences = [sentence for key in cited for sentence in _SENTENCE.findall(getattr(notice, key).zh)
                     if any(quotes(unit, format_value(value, "zh"), sentence) for value, unit in stated.values())]
        update = Update(
            id=REPORT, date=self.counted_to or notice.date,
            title=Text(site_label("zh", "report"), site_label("en", "report")), text=_zh("".join(sentences)),
            totals=Counts(**{name: int(value) for name, (value, _) in stated.items()}), source=Source(notice=tuple(cited)))
        return Updates(updates=(update,), figures_as_of=REPORT)

    # --- figures -------------------------------------------------------------------

    def declarations(self, lines: list[Line], report: bool) -> set[int]:
        """Read the totals, accountability and meetings in round-level paragraphs.
        Returns the positions (in the Chinese text) of the numbers so used."""
        used = set()
        for line in lines:
            used |= self.declared_in(chinese(line.text), line.number, report)
        return used

    def declared_in(self, text: str, line: int, report: bool) -> set[int]:
        used = set()
        found = quantities.find(text, self.units)
        for quantity in found:
            words = quantities.label(text, quantity, found)
            kinds = totals.kinds(text, quantity, words)
            for kind in kinds:
                if kind in ("accountability", "meetings"):
                    group = self.accountability if kind == "accountability" else self.meetings
                    group.append(Figure(quantity.value, quantity.unit.id, Text(words, "")))
                else:
                    self.total(kind, quantity, line)
            if kinds:
                used.add(quantity.start)
            elif report:
                self.note(line, f"“{text[quantity.start:quantity.end]}” ({words}) is not one of the totals the importer knows; "
                                "it stays in the text", f"“{text[quantity.start:quantity.end]}”（{words}）不是能识别的总数；保留在正文中")
        return used

    def total(self, name: str, quantity: quantities.Quantity, line: int):
        figure = Figure(quantity.value, quantity.unit.id, Text(site_label("zh", f"total_{name}", kind=site_label("zh", self.kind)),
                                                               site_label("en", f"total_{name}", kind=site_label("en", self.kind))))
        held = self.found.get(name)
        if held is None:
            self.found[name], self.where[name] = figure, line
        elif held.value != figure.value:
            first, then = format_value(held.value, "zh"), format_value(figure.value, "zh")
            self.note(line, f"`{name}` is {then} here but {first} on line {self.where[name]}; kept {first}",
                      f"`{name}` 在此处是 {then}，而第 {self.where[name]} 行是 {first}；保留了 {first}")

    def as_of(self, lines: list[Line]):
        for line in lines:
            day, words = as_of(line.text, self.s.calendar)
            if day is not None and self.counted_to is None:
                self.counted_to = day
            elif words is not None and day is None:
                self.note(line.number, f"截至{words} names no day; `as_of` left out", f"截至{words} 没有具体到日；未填写 `as_of`")

    def figures(self, text: str, line: int, claimed: set[int]) -> tuple[Figure, ...]:
        """The figures of a measure's Chinese text: every number in a unit, except
        those declared as totals (`claimed`), those in a name (“3大工程7项行动”) and
        thresholds (超过180天), which are reported."""
        figures = []
        found = quantities.find(text, self.units)
        for quantity in found:
            written = text[quantity.start:quantity.end]
            if quantity.start in claimed:
                continue
            if quantities.quoted(text, quantity.start):
                self.note(line, f"“{written}” is inside a name in quotes; not made a figure", f"“{written}”位于引号或书名号内的名称中；未作为数字列出")
            elif quantities.threshold(text, quantity):
                self.note(line, f"“{written}” reads as a threshold (超过, 连续…); not made a figure", f"“{written}”是限定条件（超过、连续…）；未作为数字列出")
            else:
                figures.append(Figure(quantity.value, quantity.unit.id, Text(quantities.label(text, quantity, found), "")))
        return tuple(figures)

    # --- areas and measures --------------------------------------------------------

    def measure(self, item: Item, id_: str, round_level: bool = False) -> Measure:
        title, paragraphs = item.title, list(item.paragraphs)
        if not paragraphs:  # one sentence: its first clause is the title
            clause, rest = first_clause(item.sentence or title)
            if clause:
                title, paragraphs = clause, [rest]
                self.note(item.line, "an item of one sentence: its first clause taken as its title",
                          "该项只有一句：以第一个分句作为标题")
            else:
                self.note(item.line, "an item with no text after its title", "该项只有标题，没有正文")
        text = chinese("\n".join(paragraphs))
        claimed = self.declared_in(text, item.line, report=False) if round_level else set()
        measure = Measure(id_, _zh(title), _zh(text), self.figures(text, item.line, claimed))
        self.origins[id(measure)] = item.line
        return measure

    def area(self, section, number: int) -> Area:
        measures = [self.measure(item, f"measure-{n}") for n, item in enumerate(section.items, 1)]
        if not measures:
            self.note(section.line, "an area with no measures", "该方面没有任何整改措施")
        area = Area(id=f"area-{number}", number=number, aspect=_zh(section.aspect), title=_zh(section.title),
                    problem=_zh(section.problem), status=_zh(section.status), measures=tuple(measures))
        self.origins[id(area)] = section.line
        return area

    def contact(self) -> Contact:
        found, notes = read_contact(self.s.closing)
        for line, en, zh in notes:
            self.note(line, en, zh)
        value = {name: text for name, (text, _) in found.items()}
        return Contact(organisation=_zh(self.s.signature), phone=value.get("phone"), address=_zh(value.get("address")),
                       postcode=value.get("postcode"), email=value.get("email"), mailbox=_zh(value.get("mailbox")))


def build_site(structure: Structure, units, statuses, shown: str, lines: list[Line]) -> Imported:
    builder = _Builder(structure, units, statuses, shown)
    site = builder.site()
    for line in lines:
        if spreadsheet_text(line.text) != line.text:
            builder.note(line.number, f"the line starts with “{line.text[0]}”, which a spreadsheet runs as a formula: the open "
                                      "data writes it as text ('…), but check that the notice says it so",
                         f"该行以“{line.text[0]}”开头，电子表格会把它当作公式执行：开放数据中会作为文字写出（'…），请核对公告原文是否如此")
    return Imported(site, sorted(set(builder.report)), lines, builder.origins)  # a note twice on one line is said once
