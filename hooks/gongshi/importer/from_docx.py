"""The paragraphs of a .docx, with the numbers Word draws itself.

A heading numbered by Word's automatic numbering (一、 （一） 1.) has no number
in its text: the number is computed from numbering.xml when the page is drawn.
Without it the importer could not see the heading levels, so the number is
rebuilt here from the paragraph's numbering level and written before its text."""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from ..errors import Problem
from ..format import chinese_numeral
from .lines import Line, lines_of

_LEVELS = 9  # Word numbers lists nine levels deep
_CHINESE = {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "ideographDigital"}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _number(n: int, style: str) -> str:
    if style in _CHINESE:
        return chinese_numeral(n)
    if style.startswith("decimalEnclosedCircle") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if style in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if style == "upperLetter" else letter.lower()
    if style == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _value(element, tag: str) -> str | None:
    found = element.find(qn(tag)) if element is not None else None
    return found.get(qn("w:val")) if found is not None else None


class _Numbering:
    """Counts the paragraphs of each list the way Word numbers them."""

    def __init__(self, document):
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # a document without lists has no numbering part
            root = None
        self.abstract = {}  # numId -> {level: lvl element}
        if root is not None:
            abstracts = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
            for num in root.findall(qn("w:num")):
                abstract = abstracts.get(_value(num, "w:abstractNumId"))
                if abstract is not None:
                    levels = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in abstract.findall(qn("w:lvl"))}
                    self.abstract[num.get(qn("w:numId"))] = levels
        self.styles = document.styles
        self.counters: dict[str, dict[int, int]] = {}

    def _numbering_of(self, paragraph: Paragraph) -> tuple[str | None, int]:
        """(numId, level) from the paragraph, else from its style or the styles it is based on."""
        elements = [paragraph._p.pPr]
        style, seen = paragraph.style, set()
        while style is not None and style.style_id not in seen:  # a file may base styles on each other in a circle
            seen.add(style.style_id)
            elements.append(style.element.pPr)
            style = style.base_style
        for pPr in elements:
            numPr = pPr.find(qn("w:numPr")) if pPr is not None else None
            if numPr is not None:
                return _value(numPr, "w:numId"), int(_value(numPr, "w:ilvl") or 0)
        return None, 0

    def prefix(self, paragraph: Paragraph) -> str:
        num_id, level = self._numbering_of(paragraph)
        levels = self.abstract.get(num_id)
        if not levels or level not in levels or not 0 <= level < _LEVELS or not paragraph.text.strip():
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = int(_value(levels[level], "w:start") or 1)
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        text = _value(levels[level], "w:lvlText") or ""
        if _value(levels[level], "w:numFmt") in ("bullet", "none"):
            return ""
        for k in range(level, -1, -1):  # %1 is level 0
            if f"%{k + 1}" in text:
                style = _value(levels.get(k), "w:numFmt") or "decimal"
                text = text.replace(f"%{k + 1}", _number(counters.get(k, 1), style))
        return text


def _paragraphs(document):
    """Every paragraph of the body in order, those in table cells included."""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            seen = set()  # a merged cell is listed once per column it spans
            for row in Table(child, document).rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from cell.paragraphs


# What a .docx may inflate to. Its XML becomes a tree some fifteen times its
# size in memory: 290 MB of it ran past 4 GB. A long notice's XML is a few MB.
MAX_XML = 16 * 2**20
MAX_INFLATED = 128 * 2**20  # with its pictures


def _inflation_problem(path: Path) -> Problem | None:
    """A problem if the archive says its parts inflate beyond the limits. It
    cannot lie: zipfile inflates no part beyond the size the archive gives it."""
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = [(info.filename.lower(), info.file_size) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # docx.Document says it is no Word file
    xml = sum(size for name, size in sizes if name.endswith((".xml", ".rels")))
    whole = sum(size for _, size in sizes)
    if xml <= MAX_XML and whole <= MAX_INFLATED:
        return None
    mb, most = (f"{xml / 2**20:.0f}", MAX_XML // 2**20) if xml > MAX_XML else (f"{whole / 2**20:.0f}", MAX_INFLATED // 2**20)
    return Problem(str(path), 1, f"this Word file inflates to {mb} MB; a notice's inflates to at most {most} MB, so it was not opened",
                   f"这个 Word 文件解压后有 {mb} MB；公告的 Word 文件解压后最多 {most} MB，因此没有打开它")


def docx_lines(path: Path) -> tuple[list[Line], list[Problem]]:
    """The lines of a .docx, numbered by paragraph (line breaks inside one keep its number)."""
    too_large = _inflation_problem(path)
    if too_large:
        return [], [too_large]
    numbered = []
    try:
        document = docx.Document(str(path))
        numbering = _Numbering(document)
        for number, paragraph in enumerate(_paragraphs(document), 1):
            prefix = numbering.prefix(paragraph)
            for part in (prefix + paragraph.text).split("\n"):
                numbered.append((number, part))
    # What python-docx and the numbering raise on a file that is broken or made
    # to break them (a part missing, an attribute that is no number).
    except (PackageNotFoundError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, IndexError, XMLSyntaxError,
            ValueError, TypeError, AttributeError, NotImplementedError):
        return [], [Problem(str(path), 1, "this is not a Word (.docx) file python-docx can open; save it again as .docx",
                            "无法作为 Word（.docx）文件打开；请重新另存为 .docx")]
    return lines_of(numbered), []
