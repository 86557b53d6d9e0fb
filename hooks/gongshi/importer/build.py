"""A notice's blocks and structure (parse.py) → the model's objects: the notice
as printed, and everything that points into it: the areas with their problems,
measures and statuses, the round's inspection, totals and figures, the one
update the notice is, the contact and the site's identity.

Text is the notice's own, in the site's first language; every other language
is left empty, for the editor to translate (write.py marks each). The labels of
totals and the update's title are the site's own words (labels.py), in every
language. A count the notice states is kept: where two of its totals disagree
by the check's rules, or a total disagrees with the problems listed, the total
stays as a figure of the round, and the report says so."""
from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass

from ..data import AREAS
from ..errors import Problem
from ..export import spreadsheet_text
from ..format import format_value
from ..labels import label as site_label
from ..model import (Area, Block, Contact, Counts, Figure, Inspection, Measure, Notice, Problem as ProblemItem, Round,
                     Site, SiteInfo, Source, Text, Totals, Update, Updates)
from ..validate import listed_counts, quotes, total_conflicts
from . import quantities, totals
from .contact import read_contact
from .dates import as_of
from .lines import Line
from .opening import kind_of, read_opening
from .pages import nav
from .parse import AreaRead, ProblemRead, Structure

DATA = "data"  # the folder of data files in a project, as Site.area_files names them
REPORT = "report"  # the id of the update a notice makes
_QUOTED = re.compile(r"[“\"「](.+?)[”\"」]")
_SENTENCE = re.compile(r"[^。；;]+[。；;]?")


@dataclass
class Imported:
    """What the importer made of a notice: the site, the report of what it could
    not place or parse, the lines it read, and the line each block, area,
    problem and measure came from (id(object) → line number)."""

    site: Site
    report: list[Problem]
    lines: list[Line]
    origins: dict[int, int]
    excerpts: dict  # "approach", "next-steps" → the first and last block they show (pages.py)


class _Builder:
    def __init__(self, structure: Structure, units, statuses, languages, shown: str, published: datetime.date | None):
        self.s, self.units, self.statuses, self.languages, self.shown = structure, units, statuses, languages, shown
        self.published = published
        self.report = structure.report
        self.origins: dict[int, int] = {}
        self.pieces = structure.pieces
        self.totals: dict[str, Figure] = {}
        self.accountability: list[Figure] = []
        self.meetings: list[Figure] = []
        self.figures: list[Figure] = []

    def note(self, index: int, en: str, zh: str):
        self.report.append(Problem(self.shown, self.pieces[index].line.number, en, zh))

    def text(self, words: str | None) -> Text | None:
        """Text in the site's first language; the others left to translate."""
        if words is None:
            return None
        return Text({lang: words if n == 0 else "" for n, lang in enumerate(self.languages)})

    def own_words(self, key: str, kind: str = "xuncha") -> Text:
        """The site's own words (labels.py), in every language of the site, for a round of `kind`."""
        return Text({lang: site_label(lang, key, kind=site_label(lang, kind)) for lang in self.languages})

    def at(self, obj, index: int):
        self.origins[id(obj)] = self.pieces[index].line.number
        return obj

    # --- the notice ------------------------------------------------------------------

    def block(self, index: int) -> Block:
        piece = self.pieces[index]
        return self.at(Block(id=piece.id, kind=piece.kind, level=piece.level, number=self.text(piece.part("number")),
                             label=self.text(piece.part("label")), lead=self.text(piece.part("lead")),
                             text=self.text(piece.part("text"))), index)

    def notice_date(self) -> datetime.date | None:
        if self.s.date is not None:
            return self.s.date
        if self.published is not None:
            self.note(len(self.pieces) - 1, f"the notice's date is taken as {self.published.isoformat()}, the date its web page "
                                            "says it was published", f"公告日期取网页所载的发布日期 {self.published.isoformat()}")
            return self.published
        days = [d for found in self.s.dates.values() for f in found for d in (f.first, f.last) if d is not None]
        if days:
            self.note(len(self.pieces) - 1, f"the notice's date is taken as {max(days).isoformat()}, the latest it states; "
                                            "check it in data/notice.yaml",
                      f"公告日期取其中最晚的日期 {max(days).isoformat()}；请在 data/notice.yaml 中核对")
        return max(days, default=None)

    # --- figures ------------------------------------------------------------------

    def round_figures(self):
        """The totals, accountability, meetings and other figures of the blocks that state the round's."""
        kind = kind_of(self.title_text() + self.intro_text())
        for index in self.s.round_blocks:
            piece = self.pieces[index]
            folded, printed = piece.line.folded, piece.line.text
            found = quantities.find(folded, self.units, chinese=True)
            for quantity in found:
                if self.skipped(index, folded, quantity):
                    continue
                words = quantities.label(printed, quantity, found)
                names = totals.kinds(folded, quantity, words, found)
                if quantity.number == "一" and not set(names) & set(totals.TOTALS):
                    continue  # a lone 一 is a count only where it completes a total (阶段性完成一个), else a word: 一次性
                for name in names:
                    if name in ("accountability", "meetings"):
                        group = self.accountability if name == "accountability" else self.meetings
                        group.append(Figure(quantity.value, quantity.unit.id, self.text(words), piece.id))
                    else:
                        self.total(name, quantity, index, kind, words)
                if not names and quantity.number.isascii():  # a number in words that is no total stays words
                    self.figures.append(Figure(quantity.value, quantity.unit.id, self.text(words), piece.id))

    def total(self, name: str, quantity: quantities.Quantity, index: int, kind: str, words: str):
        figure = Figure(quantity.value, quantity.unit.id, self.own_words(f"total_{name}", kind), self.pieces[index].id)
        held = self.totals.get(name)
        if held is None:
            self.totals[name] = self.at(figure, index)
        elif held.value != figure.value:
            first, then = format_value(held.value, "zh"), format_value(figure.value, "zh")
            self.note(index, f"`{name}` is {then} here but {first} in block `{held.block}`; kept {first} as the total, "
                             f"and {then} as a figure", f"`{name}` 在此处是 {then}，而段落 `{held.block}` 中是 {first}；"
                                                       f"总数保留 {first}，{then} 作为一般数字")
            self.figures.append(dataclasses.replace(figure, label=self.text(words)))

    def skipped(self, index: int, folded: str, quantity) -> bool:
        """A number in a name in quotes (“3大工程7项行动”) or a threshold (超过180天) is no figure; said in the report."""
        written = folded[quantity.start:quantity.end]
        if quantities.quoted(folded, quantity.start):
            self.note(index, f"“{written}” is inside a name in quotes; not made a figure", f"“{written}”位于引号或书名号内的名称中；未作为数字列出")
            return True
        if quantities.threshold(folded, quantity):
            self.note(index, f"“{written}” reads as a threshold (超过, 连续…); not made a figure", f"“{written}”是限定条件（超过、连续…）；未作为数字列出")
            return True
        return False

    def measure_figures(self, index: int) -> tuple[Figure, ...]:
        """The figures a measure's block states, in Arabic numerals."""
        piece = self.pieces[index]
        found = quantities.find(piece.line.folded, self.units)
        return tuple(Figure(q.value, q.unit.id, self.text(quantities.label(piece.line.text, q, found)))
                     for q in found if not self.skipped(index, piece.line.folded, q))

    def agreed_totals(self, problems_listed: dict[str, int]) -> Totals:
        """The totals, less those that disagree with one another or with the
        problems listed; those stay as figures of the round."""
        values = {name: figure.value for name, figure in self.totals.items()}
        while conflicts := total_conflicts(values):
            name, en, zh = conflicts[0]
            self.demote(name, en, zh)
            del values[name]
        for name, count in problems_listed.items():
            if name in values and values[name] != count:
                self.demote(name, f"`{name}` ({format_value(values[name], 'zh')}) is not the {count} such problems the notice lists",
                            f"`{name}`（{format_value(values[name], 'zh')}）与公告列出的这类问题数（{count}）不一致")
                del values[name]
        return Totals(**{name: figure for name, figure in self.totals.items() if name in values})

    def demote(self, name: str, en: str, zh: str):
        figure = self.totals[name]
        self.figures.append(figure)
        index = next(i for i, p in enumerate(self.pieces) if p.id == figure.block)
        self.note(index, f"{en}; kept as a figure of the round, not as the total `{name}`",
                  f"{zh}；作为一般数字保留，不作为总数 `{name}`")

    # --- areas ------------------------------------------------------------------------

    def status(self, given: tuple[str, int] | None) -> tuple[str | None, int | None]:
        """The status of the vocabulary that the notice's words name first (已完成, 阶段性完成 …)."""
        if given is None:
            return None, None
        words, index = given
        first = self.languages[0]
        named = [(words.find(word), -len(word), status.id) for status in self.statuses
                 for word in (status.label[first], *status.phrases) if word in words]
        if not named:
            self.note(index, f"the status “{words}” is no word of data/statuses.yaml; not given",
                      f"状态“{words}”不在 data/statuses.yaml 的词表中；未填写")
            return None, None
        return min(named)[2], index

    def measure(self, index: int) -> Measure:
        return self.at(Measure(block=self.pieces[index].id, figures=self.measure_figures(index)), index)

    def problem(self, read: ProblemRead) -> ProblemItem:
        status, status_at = self.status(read.status)
        return self.at(ProblemItem(block=self.pieces[read.block].id, status=status, status_block=self.other_block(status_at, read.block),
                                   measures=tuple(self.measure(i) for i in read.measures)), read.block)

    def other_block(self, index: int | None, own: int) -> str | None:
        return None if index is None or index == own else self.pieces[index].id

    def area(self, read: AreaRead, number: int) -> Area:
        head = self.pieces[read.block]
        quoted = _QUOTED.search(head.line.text)
        status, status_at = self.status(read.status)
        area = Area(id=f"area-{number}", block=head.id, quote=self.text(quoted.group(1) if quoted else None),
                    aspect=self.pieces[read.aspect].id if read.aspect is not None else None,
                    status=status, status_block=self.other_block(status_at, read.block),
                    problems=tuple(self.problem(p) for p in read.problems), measures=tuple(self.measure(i) for i in read.measures))
        if not area.problems and not area.measures:
            self.note(read.block, "an area with no problems or measures under it", "该方面下没有任何问题或措施")
        return self.at(area, read.block)

    # --- the round ---------------------------------------------------------------------

    def title_text(self) -> str:
        return next((p.line.folded for p in self.pieces if p.kind == "title"), "")

    def intro_text(self) -> str:
        return self.pieces[self.s.intro].line.folded if self.s.intro is not None else ""

    def inspection(self, date: datetime.date | None) -> Inspection:
        intro = self.s.intro
        if intro is None:
            return Inspection(kind=kind_of(self.title_text()))
        piece = self.pieces[intro]
        opening = read_opening(piece.line.text, piece.line.folded, self.s.dates[intro], self.title_text())
        for en, zh in opening.notes:
            self.note(intro, en, zh)
        days = {"start": opening.start, "end": opening.end, "feedback": opening.feedback}
        # Dates the check would refuse (an end before the start, a feedback after the notice) are misread: left out.
        for key, day in list(days.items()):
            later = [d for k, d in days.items() if d is not None and list(days).index(k) > list(days).index(key)]
            if day is not None and (any(day > d for d in later) or (date is not None and day > date)):
                self.note(intro, f"`{key}` read as {day.isoformat()} comes after a later date of the round; left out",
                          f"`{key}` 读作 {day.isoformat()}，晚于其后的日期；未填写")
                days[key] = None
        return Inspection(kind=opening.kind, directed_by=self.text(opening.directed_by), team=self.text(opening.team),
                          unit=self.text(opening.unit), **days)

    def counted_to(self, feedback: datetime.date | None, date: datetime.date | None) -> datetime.date | None:
        """The day the notice counts to (截至…), in the blocks that state the round's figures."""
        for index in self.s.round_blocks:
            piece = self.pieces[index]
            day, words = as_of(piece.line.folded, self.s.dates[index])
            if day is not None:
                if (feedback and day < feedback) or (date and day > date):
                    self.note(index, f"截至{words} is not between the feedback and the notice; `as_of` left out",
                              f"截至{words} 不在反馈日期与公告日期之间；未填写 `as_of`")
                    return None
                return day
        return None

    def progress(self, round_: Round, date: datetime.date | None) -> Updates:
        """The notice as the site's one update: the counts of problems it states
        (Counts), citing the blocks that state them. None where it states none."""
        names = [f.name for f in dataclasses.fields(Counts) if getattr(round_.totals, f.name) is not None]
        if not names or date is None:
            return Updates()
        stated = {name: getattr(round_.totals, name) for name in names}
        cited = sorted({figure.block for figure in stated.values()}, key=[p.id for p in self.pieces].index)
        units = {unit.id: unit for unit in self.units}
        sentences = [sentence for piece in self.pieces if piece.id in cited for sentence in _SENTENCE.findall(piece.line.text)
                     if any(quotes(quantities.written(units[f.unit]), format_value(f.value, "zh"), sentence) for f in stated.values())]
        update = Update(id=REPORT, date=round_.totals.as_of or date, title=self.own_words("report", round_.inspection.kind), text=self.text("".join(sentences)),
                        totals=Counts(**{name: int(figure.value) for name, figure in stated.items()}), source=Source(notice=tuple(cited)))
        return Updates(updates=(update,), figures_as_of=REPORT)

    def contact(self, issuer: Text | None) -> Contact:
        dated = next((i for i, p in enumerate(self.pieces) if p.kind == "date"), len(self.pieces))
        # The contact is in the closing paragraphs, or, in some notices, after the date.
        lines = [self.pieces[i].line for i in self.s.closing + list(range(dated + 1, len(self.pieces)))]
        found, notes = read_contact([Line(line.number, line.folded) for line in lines])
        for line, en, zh in notes:
            self.report.append(Problem(self.shown, line, en, zh))
        value = {name: text for name, (text, _) in found.items()}
        return Contact(organisation=issuer, phone=value.get("phone"), address=self.text(value.get("address")),
                       postcode=value.get("postcode"), email=value.get("email"), mailbox=self.text(value.get("mailbox")))

    def issuer(self, inspection: Inspection) -> Text | None:
        """Who published the notice: its signature, else the unit inspected, else its title."""
        signature = " ".join(p.line.text for p in self.pieces if p.kind == "signature")
        if signature:
            return self.text(signature)
        if inspection.unit is not None:
            return inspection.unit
        title = next((p.line.text for p in self.pieces if p.kind == "title"), None)
        return self.text(title)

    def excerpts(self) -> dict[str, tuple[str, str]]:
        ranges = {"approach": self.s.approach, "next-steps": self.s.next_steps}
        return {name: (self.pieces[span[0]].id, self.pieces[span[1]].id) for name, span in ranges.items() if span}

    def site(self) -> Site:
        s = self.s
        blocks = tuple(self.block(i) for i in range(len(self.pieces)))
        date = self.notice_date()
        inspection = self.inspection(date)
        self.round_figures()
        areas = tuple(self.area(read, n) for n, read in enumerate(s.areas, 1))
        draft = Site(info=None, notice=Notice(date=date, blocks=blocks), round=Round(), contact=None, units=tuple(self.units),
                     areas=areas, statuses=tuple(self.statuses), progress=Updates(), area_files={})
        agreed = self.agreed_totals(listed_counts(draft))
        agreed = dataclasses.replace(agreed, as_of=self.counted_to(inspection.feedback, date))
        round_ = Round(inspection=inspection, totals=agreed, accountability=tuple(self.accountability),
                       meetings=tuple(self.meetings), figures=tuple(self.figures))
        issuer = self.issuer(inspection)
        kind = inspection.kind
        title = next((p.line.text for p in self.pieces if p.kind == "title"), "")
        name = self.text(title) if "整改" in title else None
        if name is None and issuer is not None:
            name = Text({lang: site_label(lang, "site_name", issuer=issuer[lang], kind=site_label(lang, kind))
                         if issuer[lang] else "" for lang in self.languages})
        site = dataclasses.replace(draft, round=round_, contact=self.contact(issuer), progress=self.progress(round_, date),
                                   area_files={area.id: area_file(area, n) for n, area in enumerate(areas, 1)})
        info = SiteInfo(languages=tuple(self.languages), name=name, issuer=issuer, nav=nav(site, self.excerpts(), self.languages[0]))
        return dataclasses.replace(site, info=info)


def area_file(area: Area, number: int) -> str:
    """Where an imported area is written, as Site.area_files names it."""
    return f"{DATA}/{AREAS}/{number:02d}-{area.id}.yaml"


def build_site(structure: Structure, units, statuses, languages, shown: str, lines: list[Line],
               published: datetime.date | None = None) -> Imported:
    """`published` is the date a web page says it was published: the notice's where it prints none."""
    builder = _Builder(structure, units, statuses, languages, shown, published)
    site = builder.site()
    for line in lines:
        if spreadsheet_text(line.text) != line.text:
            builder.report.append(Problem(
                shown, line.number, f"the line starts with “{line.text[0]}”, which a spreadsheet runs as a formula: the open "
                                    "data writes it as text ('…), but check that the notice says it so",
                f"该行以“{line.text[0]}”开头，电子表格会把它当作公式执行：开放数据中会作为文字写出（'…），请核对公告原文是否如此"))
    return Imported(site, sorted(set(builder.report)), lines, builder.origins, builder.excerpts())  # a note twice on one line is said once
