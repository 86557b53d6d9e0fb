"""Make a .docx from a notice in text form, the way a Word user writes one:
一、 and （一） headings numbered by Word's automatic numbering (their numbers
are in numbering.xml, not in the text), body paragraphs indented with
full-width spaces, the closing paragraph in a table cell, and the signature and
the date in one right-aligned paragraph split by a line break."""
from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

NUM_ID = "90"
_NUMBERING = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="{NUM_ID}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""
_LEVELS = [(0, re.compile(r"^[一二三四五六七八九十]+、")), (1, re.compile(r"^（[一二三四五六七八九十]+）"))]


def _add_numbering(document):
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(_NUMBERING)
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))


def _number(paragraph, level: int):
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'))


def build_docx(source: Path, target: Path) -> Path:
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    document = docx.Document()
    _add_numbering(document)
    body, (signature, date) = lines[:-2], lines[-2:]
    for line in body:
        for level, mark in _LEVELS:
            if mark.match(line):
                _number(document.add_paragraph(mark.sub("", line)), level)
                break
        else:
            if line.startswith("欢迎"):
                document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run(line)
            else:
                document.add_paragraph(("　　" if line.startswith(("根据", "市", "巡察", "下一步")) else "") + line)
    ending = document.add_paragraph()
    ending.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    ending.add_run(signature).add_break()
    ending.add_run(date)
    document.save(target)
    return target
