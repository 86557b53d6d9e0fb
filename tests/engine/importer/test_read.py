"""read.py and lines.py: any file to lines as printed, read folded."""
from __future__ import annotations

from gongshi.importer.from_html import MAX_DEPTH
from gongshi.importer.lines import Line
from gongshi.punctuation import kept
from gongshi.importer.read import MAX_BYTES, read_notice


def test_a_line_keeps_its_characters_but_the_punctuation_rule():
    assert kept("　　（一）加强监管,共１２个;①项\u200b  ～ ") == "（一）加强监管，共１２个；①项 ～"
    line = Line(1, "（一）加强监管，共１２个；①项")
    assert line.folded == "(一)加强监管,共12个;①项" and len(line.folded) == len(line.text)


def test_text_in_utf8_with_a_byte_order_mark_and_in_gb18030(tmp_path):
    text = "标题\n\n　　根据部署，进行了巡察。\n"
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(text.encode("gb18030"))
    for name in ("a.txt", "b.txt"):
        lines, problems = read_notice(tmp_path / name)
        assert [(line.number, line.text) for line in lines] == [(1, "标题"), (3, "根据部署，进行了巡察。")]
        assert problems == []


def test_html_is_recognised_without_its_suffix(tmp_path):
    (tmp_path / "page").write_text("<!DOCTYPE html><html><body><div><p>根据部署。</p><p>二。</p></div></body></html>")
    assert [line.text for line in read_notice(tmp_path / "page")[0]] == ["根据部署。", "二。"]


def test_a_gb2312_page(tmp_path):
    html = '<html><head><meta charset="gb2312"></head><body><div><p>根据部署。</p><p>二段。</p></div></body></html>'
    (tmp_path / "p.htm").write_bytes(html.encode("gb2312"))
    assert [line.text for line in read_notice(tmp_path / "p.htm")[0]] == ["根据部署。", "二段。"]


def test_what_cannot_be_read_is_a_problem(tmp_path):
    lines, problems = read_notice(tmp_path / "missing.txt")
    assert lines == [] and problems[0].message.startswith("cannot read the notice") and "无法读取" in problems[0].zh
    (tmp_path / "bad.txt").write_bytes("第一行\n".encode("utf-8") + b"\x81\x20\xff\n")
    lines, problems = read_notice(tmp_path / "bad.txt")
    assert lines == [] and (problems[0].line, "neither UTF-8 nor GB18030" in problems[0].message) == (2, True)


def test_a_page_nested_too_deep_is_a_problem_at_its_line(tmp_path):
    page = "<html><body>\n<div><p>根据部署。</p></div>\n" + "<div>" * 100_000 + "正文" + "</div>" * 100_000 + "\n</body></html>"
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    lines, [problem] = read_notice(tmp_path / "deep.html")
    assert lines == [] and problem.line == 3
    assert f"nests elements more than {MAX_DEPTH} deep" in problem.message and "嵌套" in problem.zh


def test_a_page_nested_as_deep_as_a_cms_makes_is_read(tmp_path):
    page = "<html><body>" + "<div>" * 200 + "<p>根据部署。</p><p>二段。</p>" + "</div>" * 200 + "</body></html>"
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert [line.text for line in read_notice(tmp_path / "p.html")[0]] == ["根据部署。", "二段。"]


def test_a_notice_larger_than_any_is_not_read(tmp_path):
    with (tmp_path / "huge.txt").open("wb") as file:
        file.truncate(MAX_BYTES + 1)
    lines, [problem] = read_notice(tmp_path / "huge.txt")
    assert lines == [] and "a notice is at most 32 MB" in problem.message
