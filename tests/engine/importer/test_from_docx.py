"""from_docx.py: paragraphs of a .docx, with the numbers Word draws."""
from __future__ import annotations

import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from gongshi.importer.from_docx import MAX_XML, docx_lines


def _numbering(document, num_id: str, levels: list[tuple[str, str]]):
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text) in enumerate(levels))
    numbering = document.part.numbering_part.element
    numbering.find(qn("w:num")).addprevious(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def _numbered(document, text: str, num_id: str, level: int):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_word_numbering_in_its_formats(tmp_path):
    document = docx.Document()
    _numbering(document, "77", [("chineseCountingThousand", "%1、"), ("decimal", "%2."), ("decimalEnclosedCircle", "%3"),
                                ("bullet", "•")])
    for text, level in [("甲", 0), ("子", 1), ("丑", 1), ("圈", 2), ("点", 3), ("乙", 0), ("寅", 1)]:
        _numbered(document, text, "77", level)
    document.add_paragraph("正文", style="List Number")  # numbered by its style, decimal "%1."
    document.save(tmp_path / "n.docx")
    lines, problems = docx_lines(tmp_path / "n.docx")
    assert problems == []
    assert [line.text for line in lines] == ["一、甲", "1.子", "2.丑", "①圈", "点", "二、乙", "1.寅", "1.正文"]


def test_tables_breaks_and_paragraph_numbers(tmp_path):
    document = docx.Document()
    document.add_paragraph("标题")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "合并的单元格"
    table.cell(0, 2).text = "联系电话:0571-1"
    ending = document.add_paragraph()
    ending.add_run("中共某局委员会").add_break()
    ending.add_run("2024年9月20日")
    document.save(tmp_path / "t.docx")
    lines, _ = docx_lines(tmp_path / "t.docx")
    assert [(line.number, line.text) for line in lines] == [
        (1, "标题"), (3, "合并的单元格"), (4, "联系电话：0571-1"), (5, "中共某局委员会"), (5, "2024年9月20日")]


def test_a_zip_that_is_no_word_file(tmp_path):
    import zipfile
    with zipfile.ZipFile(tmp_path / "x.docx", "w") as archive:
        archive.writestr("hello.txt", "hi")
    lines, problems = docx_lines(tmp_path / "x.docx")
    assert lines == [] and "not a Word (.docx) file" in problems[0].message and "Word" in problems[0].zh


def test_a_file_that_inflates_beyond_the_limit_is_not_opened(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<a>" + " " * (2 * MAX_XML) + "</a>")
    assert bomb.stat().st_size < MAX_XML // 100  # small on disk, large when inflated
    lines, [problem] = docx_lines(bomb)
    assert lines == [] and "this Word file inflates to 32 MB; a notice's inflates to at most 16 MB" in problem.message
    assert "解压后" in problem.zh


def test_a_file_made_to_break_the_numbering_is_no_word_file(tmp_path):
    document = docx.Document()
    _numbering(document, "77", [("decimal", "%1.")])
    paragraph = document.add_paragraph("甲")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="first"/><w:numId w:val="77"/></w:numPr>'))
    document.save(tmp_path / "bad.docx")
    lines, [problem] = docx_lines(tmp_path / "bad.docx")
    assert lines == [] and "this is not a Word (.docx) file python-docx can open" in problem.message


def test_styles_based_on_each_other_in_a_circle_end(tmp_path):
    document = docx.Document()
    first, second = document.styles.add_style("Circle A", WD_STYLE_TYPE.PARAGRAPH), document.styles.add_style("Circle B", WD_STYLE_TYPE.PARAGRAPH)
    first.base_style, second.base_style = second, first
    document.add_paragraph("正文", style="Circle A")
    document.save(tmp_path / "circle.docx")
    lines, problems = docx_lines(tmp_path / "circle.docx")
    assert (problems, [line.text for line in lines]) == ([], ["正文"])
