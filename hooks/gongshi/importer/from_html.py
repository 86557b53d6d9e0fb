"""The notice inside a page saved from a government site: the article body,
without the page's chrome (menus, breadcrumbs, font-size and print tools,
来源/浏览 lines, footers). Uses only the standard library's html.parser."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..numerals import fold
from ..punctuation import kept
from .lines import Line

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# Never part of an article: scripts, forms, menus and the page's head and footer.
_SKIPPED = {"script", "style", "noscript", "template", "head", "title", "nav", "header", "footer", "aside", "form",
            "select", "button", "iframe", "object", "svg", "canvas", "map"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "table", "tbody", "thead", "ul", "ol",
           "dl", "dt", "dd", "section", "article", "blockquote", "pre", "center", "main", "address", "figure", "hr"}
_TITLES = {"h1", "h2", "h3"}
_CJK = re.compile(r"[\u3400-\u9fff]")

# Lines of chrome that CMS templates put inside or next to the article. Only
# short lines are tested, so that a paragraph of the notice is never dropped.
_CHROME = re.compile(
    r"^(当前位置|您的位置|你的位置|所在位置|首页\s*>)"
    r"|(来源|信息来源|发布机构|发布时间|发布日期|发文日期|浏览次数|浏览量|浏览|点击数|点击量|点击|阅读次数|阅读量|访问量|作者|责任编辑|编辑)\s*[:：]"
    r"|字号|【\s*[大中小]\s*】|\[\s*[大中小]\s*\]|^[大中小](\s+[大中小]){2}$"
    r"|打印(本页|此页|文章)?\s*】|【\s*打印|关闭(窗口|本页)|返回顶部|分享到|加入收藏|上一篇|下一篇"
    r"|版权所有|ICP备|网站标识码|主办单位|承办单位|技术支持|公网安备|网站地图")
_SHORT = 80


@dataclass
class _Node:
    tag: str
    attrs: dict
    line: int
    children: list = field(default_factory=list)  # _Node, or (text, line)


# Deeper than any page a CMS makes (libxml2 stops at the same depth); the tree
# is walked recursively, so a page nested 100,000 deep must stop here.
MAX_DEPTH = 256


class TooDeep(Exception):
    """A page nested deeper than MAX_DEPTH, at `line` of its source."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


class _Tree(HTMLParser):
    """A forgiving tree: unclosed <p> and <li> close at the next of their kind,
    stray end tags are ignored."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "li") and self.stack[-1].tag == tag:
            self.stack.pop()
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            if len(self.stack) > MAX_DEPTH:
                raise TooDeep(node.line)
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Node(tag, dict(attrs), self.getpos()[0]))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append((data, self.getpos()[0]))


def _elements(node: _Node):
    yield node
    for child in node.children:
        if isinstance(child, _Node) and child.tag not in _SKIPPED:
            yield from _elements(child)


def _text(node: _Node) -> str:
    parts = []
    for child in node.children:
        if isinstance(child, tuple):
            parts.append(child[0])
        elif child.tag not in _SKIPPED:
            parts.append(_text(child))
    return "".join(parts)


def _has_blocks(node: _Node) -> bool:
    return any(isinstance(c, _Node) and c.tag not in _SKIPPED and (c.tag in _BLOCKS or _has_blocks(c)) for c in node.children)


def _paragraph_text(node: _Node) -> int:
    """How much Chinese text `node` holds as paragraphs of its own: its text, and
    that of children which hold no blocks (paragraphs, not containers)."""
    count = 0
    for child in node.children:
        if isinstance(child, tuple):
            count += len(_CJK.findall(child[0]))
        elif child.tag not in _SKIPPED and child.tag not in _TITLES and not _has_blocks(child):
            count += len(_CJK.findall(_text(child)))
    return count


def _blocks(node: _Node, out: list, current: list):
    """Walk `node`, adding one (line, text) per block or <br>-separated line."""
    for child in node.children:
        if isinstance(child, tuple):
            if not current:
                current.append(child[1])
            current.append(child[0])
        elif child.tag in _SKIPPED:
            continue
        elif child.tag == "br" or child.tag in _BLOCKS:
            _flush(out, current)
            if child.tag != "br":
                _blocks(child, out, current)
                _flush(out, current)
        else:
            _blocks(child, out, current)


def _flush(out: list, current: list):
    if current:
        out.append((current[0], "".join(current[1:])))
        current.clear()


def _is_chrome(text: str) -> bool:
    return len(text) <= _SHORT and _CHROME.search(fold(text)) is not None


def _looks_like_title(node: _Node) -> bool:
    names = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower()
    return node.tag in _TITLES or re.search(r"title|tit\b|biaoti|bt\b", names) is not None


def html_lines(html: str) -> list[Line]:
    """The article's lines, numbered by the HTML source line each starts on.
    Raises TooDeep for a page nested deeper than MAX_DEPTH."""
    tree = _Tree()
    tree.feed(html)
    tree.close()
    elements = list(_elements(tree.root))
    article = max(elements, key=_paragraph_text)
    found: list = []
    _blocks(article, found, [])
    lines = [Line(number, text) for number, raw in found if (text := kept(raw)) and not _is_chrome(text)]
    # The title is often a heading just before the article's container.
    if lines and (re.match(r"(根据|按照|依据)", lines[0].text) or re.search(r"[。：:]$", lines[0].text)):
        before = elements[: elements.index(article)]
        titles = [e for e in before if _looks_like_title(e) and kept(_text(e)) and not _is_chrome(kept(_text(e)))]
        if titles:
            title = titles[-1]
            lines.insert(0, Line(title.line, kept(_text(title))))
    return lines


_PUBLISHED = re.compile(r"(?:发布日期|发布时间|成文日期|日期)\s*[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def published(html: str) -> datetime.date | None:
    """The date the page says it was published (发布日期：2023-01-06), which
    its chrome holds and the article may not."""
    match = _PUBLISHED.search(re.sub(r"<[^>]+>", "", html))
    try:
        return datetime.date(*map(int, match.groups())) if match else None
    except ValueError:
        return None
