"""Read a notice file, whatever its format, into lines (see lines.py)."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from ..errors import Problem
from .from_html import MAX_DEPTH, TooDeep, html_lines, published
from .lines import Line, lines_of

_HTML = re.compile(r"\s*(<!doctype\s+html|<html|<\?xml|<(head|body|div|p|meta|title)\b)", re.IGNORECASE)


def decode(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else GB18030, which also reads GBK and GB2312."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as not_utf8:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            raise not_utf8 from None  # where UTF-8 fails is where an editor looks


# Far more than any notice, with the photos of a Word file; a file larger is a mistake.
MAX_BYTES = 32 * 2**20


def read_notice(path: Path) -> tuple[list[Line], list[Problem]]:
    """The lines of the notice at `path` (.docx, HTML or text), and the problems met reading it."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            mb, most = f"{size / 2**20:.0f}", MAX_BYTES // 2**20
            return [], [Problem(shown, 1, f"the notice is {mb} MB; a notice is at most {most} MB",
                                f"公告文件大小为 {mb} MB；公告文件最大只能是 {most} MB")]
        raw = path.read_bytes()
    except OSError as error:
        return [], [Problem(shown, 1, f"cannot read the notice ({error.strerror})", f"无法读取公告文件（{error.strerror}）")]
    if raw.startswith(b"PK\x03\x04"):  # a zip archive: a .docx
        # python-docx loads only for a .docx: every other command (`gongshi update`, `gongshi check`) starts without it.
        from .from_docx import docx_lines

        return docx_lines(path)
    try:
        text = decode(raw)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [], [Problem(shown, line, "the notice is neither UTF-8 nor GB18030 text; save it as UTF-8",
                            "公告既不是 UTF-8 也不是 GB18030 编码的文字；请以 UTF-8 编码保存")]
    if _is_html(path, text):
        try:
            return html_lines(text), []
        except TooDeep as error:
            return [], [Problem(shown, error.line, f"the page nests elements more than {MAX_DEPTH} deep here; "
                                                   "save the notice's own page again, or as text",
                                f"网页在这里的元素嵌套超过了 {MAX_DEPTH} 层；请重新保存公告原网页，或另存为文本")]
    return lines_of(enumerate(text.splitlines(), 1)), []


def _is_html(path: Path, text: str) -> bool:
    return path.suffix.lower() in (".html", ".htm") or _HTML.match(text) is not None


def page_date(path: Path) -> datetime.date | None:
    """Where the notice is a web page, the date the page says it was published."""
    try:
        text = decode(path.read_bytes())
    except (OSError, UnicodeDecodeError):
        return None
    return published(text) if _is_html(path, text) else None
