"""What the files in docs/ may put on a page: links to anywhere, but nothing
that loads from another host or runs script.

Editors write Markdown, which lets raw HTML through, and may add files that are
published as they are (.html, .svg, .css). A pull request is untrusted until
reviewed: a page that fetches from another host tells that host who reads it
(and hangs where the host is blocked), and script on a page runs with the
site's own rights. So the check refuses, at its file and line:

- anything the browser fetches by itself from another host: an image, frame,
  object, stylesheet or font, in HTML (src, srcset, poster, data, href of
  <link>), in Markdown (images and the references they use), in attr_list
  attributes ({: src=… }) and in CSS (url(), @import);
- script: <script>, event attributes (onerror=…), links and attributes with
  javascript: (or another scheme that runs code), <base>, meta refresh, srcdoc;
- either, in the values of a page's front matter, which the templates show
  unescaped.

Links to other sites stay allowed: <a href="https://…"> and [text](https://…).

Each construct is read the way a browser would read it: entities decoded,
tabs and line breaks dropped from URLs, backslashes taken as slashes, comments
ended where a browser ends them. Where Markdown and a browser could disagree
(raw HTML inside `code`), the check takes the stricter reading.
"""
from __future__ import annotations

import html
import re
import xml.parsers.expat
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import yaml

from .errors import Problem


class Finding(NamedTuple):
    line: int
    en: str
    zh: str


# --- URLs as a browser reads them ---------------------------------------------------

# Schemes a link may use; a fragment or a relative path has none.
LINK_SCHEMES = {"http", "https", "mailto", "tel", "sms", "ftp"}
# Schemes whose URL is code that the page runs.
SCRIPT_SCHEMES = {"javascript", "vbscript", "livescript", "mocha"}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Elements that load a document of their own: a data: URL there is a page that may run script.
_EMBEDDING = {"iframe", "frame", "object", "embed", "applet", "portal"}


def _browser_url(value: str) -> str:
    """A URL as the browser resolves it: entities decoded, control characters
    and spaces trimmed, tabs and line breaks dropped, backslashes as slashes."""
    url = html.unescape(value).strip("".join(map(chr, range(0x21))))
    return re.sub(r"[\t\n\r]", "", url).replace("\\", "/")


def _scheme(url: str) -> str | None:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def _shown(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "…"


def _loading(url: str, what: str, line: int, embedding: bool = False) -> list[Finding]:
    """What fetching `url` would do; `embedding` for a frame or object, where a data: URL is a page of its own."""
    url = _browser_url(url)
    scheme = _scheme(url)
    if scheme in SCRIPT_SCHEMES:
        return [_script_url(url, what, line)]
    if scheme == "data" and embedding:
        return [Finding(line, f"{what} would open a document written into the page ({_shown(url)}), which may run script; "
                              "put the file in docs/ and write its path there",
                        f"{what} 会打开写在页面中的文档（{_shown(url)}），它可能运行脚本；请把文件放进 docs/ 并在这里写它的路径")]
    if scheme not in (None, "data") or url.startswith("//"):
        return [Finding(line, f"{what} would make the page load {_shown(url)} from another host; put the file in docs/ "
                              "and write its path there (a link to another site is fine)",
                        f"{what} 会让页面从其他网站加载 {_shown(url)}；请把文件放进 docs/ 并在这里写它的路径（链接到其他网站是可以的）")]
    return []


def _linking(url: str, what: str, line: int) -> list[Finding]:
    url = _browser_url(url)
    scheme = _scheme(url)
    if scheme in SCRIPT_SCHEMES:
        return [_script_url(url, what, line)]
    if scheme is not None and scheme not in LINK_SCHEMES:
        allowed = ", ".join(f"{name}:" for name in sorted(LINK_SCHEMES))
        return [Finding(line, f"{what} leads to a `{scheme}:` address; a link may lead to a page of the site or to {allowed} addresses",
                        f"{what} 指向 `{scheme}:` 地址；链接只能指向本站页面或 {allowed} 地址")]
    return []


def _script_url(url: str, what: str, line: int) -> Finding:
    return Finding(line, f"{what} holds `{_shown(url)}`, which would run a script; link to a page or an https:// address instead",
                   f"{what} 中的 `{_shown(url)}` 会运行脚本；请改为链接到页面或 https:// 地址")


def _srcset(value: str, what: str, line: int) -> list[Finding]:
    candidates = (part.split()[0] for part in value.split(",") if part.split())
    return [finding for url in candidates for finding in _loading(url, what, line)]


# --- CSS ----------------------------------------------------------------------------------

_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
# url(…), and every quoted string (@import "…", image-set("…")): a fetch is always one of them.
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))|"([^"]*)"|'([^']*)'""", re.IGNORECASE)


def _css_unescaped(css: str) -> str:
    """CSS with its escapes (\\75 rl, \\:) written out, as the browser reads it."""
    css = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(min(int(m.group(1), 16), 0x10FFFF) or 0xFFFD), css)
    return re.sub(r"\\(.)", r"\1", css)


def css_findings(css: str, what: str, first_line: int) -> list[Finding]:
    css = _CSS_COMMENT.sub(" ", _css_unescaped(css))
    findings = []
    for match in _CSS_URL.finditer(css):
        url = next(group for group in match.groups() if group is not None)
        line = first_line + css.count("\n", 0, match.start())
        findings += _loading(url, what, line)
    if re.search(r"expression\s*\(|-moz-binding|behavior\s*:", css, re.IGNORECASE):
        findings.append(Finding(first_line, f"{what} holds CSS that runs a script (expression(), -moz-binding, behavior)",
                                f"{what} 中的 CSS 会运行脚本（expression()、-moz-binding、behavior）"))
    return findings


# --- HTML ---------------------------------------------------------------------------------

# Attributes whose URL the browser fetches by itself, on any element.
_FETCHED = {"src", "srcset", "imagesrcset", "poster", "background", "data", "codebase", "archive", "lowsrc", "dynsrc",
            "manifest", "ping", "icon", "profile", "classid", "longdesc"}
# Elements whose href is a link to follow; on any other (link, use, image, feImage) it is fetched.
_LINKING = {"a", "area"}
# Attributes that name where a form or button sends the reader.
_SENDS_TO = {"action", "formaction"}


def _attribute_findings(tag: str, name: str, value: str | None, line: int) -> list[Finding]:
    """What one attribute would do; `tag` is None for attr_list, where the element is not known."""
    value = value or ""
    what = f"`{name}` of <{tag}>" if tag else f"`{name}`"
    if name.startswith("on"):
        return [Finding(line, f"{what} would run a script; write no on… attributes",
                        f"{what} 会运行脚本；请不要写 on… 属性")]
    if name == "srcdoc":
        return [Finding(line, f"{what} holds a page of its own, which may run script; link to a page instead",
                        f"{what} 中是一个独立的网页，可能运行脚本；请改为链接到页面")]
    if name == "style":
        return css_findings(value, what, line)
    if name in ("srcset", "imagesrcset"):
        return _srcset(value, what, line)
    if name in _FETCHED:
        return _loading(value, what, line, embedding=tag in _EMBEDDING)
    if name in ("href", "xlink:href"):
        return _linking(value, what, line) if tag in _LINKING or tag is None else _loading(value, what, line)
    if name in _SENDS_TO:
        return _linking(value, what, line)
    # Any other attribute may still be made a URL (SVG <set to=…>, <animate values=…>).
    if re.search(r"(?:^|[\s;,])(?:%s):" % "|".join(SCRIPT_SCHEMES), _browser_url(value), re.IGNORECASE):
        return [_script_url(_browser_url(value), what, line)]
    return []


def _tag_findings(tag: str, attributes: dict, line: int) -> list[Finding]:
    if tag == "script":
        return [Finding(line, "<script> would run a script on the page; the site's pages run no script from docs/",
                        "<script> 会在页面上运行脚本；docs/ 中的页面不能运行脚本")]
    if tag == "base":
        return [Finding(line, "<base> would send every relative link of the page elsewhere; delete it",
                        "<base> 会让页面上所有相对链接指向别处；请删除它")]
    if tag == "meta" and (attributes.get("http-equiv") or "").strip().lower() == "refresh":
        return [Finding(line, '<meta http-equiv="refresh"> would send readers to another page; link to it instead',
                        '<meta http-equiv="refresh"> 会把读者转到另一个页面；请改为链接')]
    if tag in _ANIMATIONS and (attributes.get("attributename") or "").strip().lower() in _ANIMATED_URLS:
        return [Finding(line, f"<{tag}> would change a link or a source while the page shows; write the address as an attribute",
                        f"<{tag}> 会在页面显示时改变链接或来源地址；请直接把地址写成属性")]
    return []


# SVG animations, which can set any attribute of their element, URLs included.
_ANIMATIONS = {"set", "animate", "animatemotion", "animatetransform", "animatecolor"}
_ANIMATED_URLS = {"href", "xlink:href", "src", "srcset", "data", "poster", "action", "formaction", "style"}


class _Scanner(HTMLParser):
    """Collects the findings of every tag and attribute, and of CSS in <style>."""

    def __init__(self, first_line: int):
        super().__init__(convert_charrefs=True)
        self.first_line, self.findings, self.in_style = first_line, [], 0

    def _line(self) -> int:
        return self.getpos()[0] + self.first_line - 1

    def handle_starttag(self, tag, attrs):
        line = self._line()
        self.findings += _tag_findings(tag, dict(attrs), line)
        for name, value in attrs:
            self.findings += _attribute_findings(tag, name, value, line)
        self.in_style += tag == "style"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "style" and self.in_style:
            self.in_style -= 1

    def handle_data(self, data):
        if self.in_style:
            self.findings += css_findings(data, "<style>", self._line())

    def set_cdata_mode(self, elem):
        # Only <script> is read as raw text: it is refused whatever it holds. In
        # SVG, <style> holds markup, so its content is read as tags as well as CSS.
        if elem == "script":
            super().set_cdata_mode(elem)


def _blank(text: str, start: int, end: int) -> str:
    """`text` with start:end made spaces, its line breaks kept, so that lines still count."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _without_comments(text: str) -> str:
    """Comments blanked where a browser ends them: <!--> and <!---> at once,
    else at the first --> or --!>; <![…> and <?…> at the first >."""
    position = 0
    while True:
        match = re.compile(r"<!--|<!\[|<\?").search(text, position)
        if not match:
            return text
        start = match.start()
        if match.group() != "<!--":
            end = text.find(">", start)
        elif text.startswith(">", start + 4) or text.startswith("->", start + 4):
            end = text.index(">", start + 4)
        else:
            ends = [found for found in (text.find("-->", start + 4), text.find("--!>", start + 4)) if found >= 0]
            end = text.index(">", min(ends)) if ends else -1
        end = len(text) if end < 0 else end + 1
        text, position = _blank(text, start, end), end


def html_findings(text: str, first_line: int = 1) -> list[Finding]:
    scanner = _Scanner(first_line)
    # A tag left open at the end would run on into the template around the
    # page: closed here, so that it is read too.
    scanner.feed(_without_comments(text) + "\n\"'>")
    scanner.close()
    return scanner.findings


# --- Markdown -----------------------------------------------------------------------------

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ ]*$", re.MULTILINE | re.DOTALL)
_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*\n?[ ]*<?([^\s>]+)>?", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}")
_ATTR = re.compile(r"""([^\s=}]+)=("[^"]*"|'[^']*'|[^\s}]*)""")


def _without_fences(text: str) -> str:
    """Fenced code blanked: Markdown shows it as text, whatever it holds."""
    for match in reversed(list(_FENCE.finditer(text))):
        text = _blank(text, match.start(), match.end())
    return text


def _closing_bracket(text: str, opening: int) -> int:
    """The ] that closes the [ at `opening`, or -1."""
    depth, index = 0, opening
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 1
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _destination(text: str, start: int) -> str:
    """The URL of a Markdown link or image whose ( is just before `start`."""
    rest = text[start:].lstrip()
    if rest.startswith("<"):
        return rest[1:].split(">", 1)[0]
    depth, end = 0, 0
    while end < len(rest) and not rest[end].isspace():
        depth += {"(": 1, ")": -1}.get(rest[end], 0)
        if depth < 0:
            break
        end += 1
    return rest[:end]


def _reference_id(label: str) -> str:
    return " ".join(label.split()).lower()


def markdown_findings(text: str) -> list[Finding]:
    """Links, images and attr_list attributes of Markdown."""
    findings = []

    def line_at(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    images = set()  # the references that images use
    for match in re.finditer(r"!?\[", text):
        close = _closing_bracket(text, match.end() - 1)
        if close < 0:
            continue
        image = match.group().startswith("!")
        what = "the image" if image else "the link"
        if text.startswith("(", close + 1):
            url = _destination(text, close + 2)
            findings += _loading(url, what, line_at(match.start())) if image else _linking(url, what, line_at(match.start()))
        elif image:
            reference = re.match(r"\s?\[([^\]]*)\]", text[close + 1:])
            images.add(_reference_id(reference.group(1) if reference and reference.group(1) else text[match.end():close]))
    for match in _DEFINITION.finditer(text):
        line = line_at(match.start())
        findings += _linking(match.group(2), "the link", line)
        if _reference_id(match.group(1)) in images:
            findings += _loading(match.group(2), "the image", line)
    for match in _ATTR_LIST.finditer(text):
        for name, value in _ATTR.findall(match.group(1)):
            findings += _attribute_findings(None, name.lower(), value.strip("\"'"), line_at(match.start()))
    return findings


# --- front matter ------------------------------------------------------------------------

# The YAML that MkDocs reads at the top of a page, between --- lines (mkdocs.utils.meta).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def front_matter_findings(text: str) -> list[Finding]:
    """The templates put a page's front matter into every page unescaped (its
    title in the nav, its description in a <meta> attribute), and YAML writes
    < as "\\x3c": each value is read as YAML decodes it, as HTML and as the
    value of an attribute."""
    match = _FRONT_MATTER.match(text)
    try:
        nodes = [yaml.compose(match.group(1), Loader=yaml.SafeLoader)] if match else []
    except (yaml.YAMLError, RecursionError):
        return []  # MkDocs ignores front matter it cannot read
    findings = []
    while nodes:
        node = nodes.pop()
        if isinstance(node, yaml.ScalarNode):
            line = node.start_mark.line + 2  # counted from the line after the first ---
            findings += html_findings(node.value, line) + html_findings(f'<meta content="{node.value}">', line)
        elif isinstance(node, yaml.SequenceNode):
            nodes += node.value
        elif isinstance(node, yaml.MappingNode):
            nodes += [part for pair in node.value for part in pair]
    return findings


# --- files ---------------------------------------------------------------------------------


def _problems(findings: list[Finding], shown: str) -> list[Problem]:
    unique = dict.fromkeys(findings)  # one construct may be found by two readings
    return [Problem(shown, line, en, zh) for line, en, zh in unique]


def page_problems(text: str, shown: str) -> list[Problem]:
    """Everything in the Markdown page `text` that would load from another host or run script."""
    findings = front_matter_findings(text)
    text = _without_fences(text)
    return _problems(html_findings(text) + markdown_findings(text) + findings, shown)


# Files in docs/ that MkDocs publishes as they are, by what they hold.
_HTML_FILES = {".html", ".htm", ".xhtml", ".shtml", ".svg"}
_XML_FILES = {".svg", ".xml", ".xhtml"}
_SCRIPT_FILES = {".js", ".mjs", ".cjs"}


def scanned(path: Path) -> bool:
    """Whether a file published as it is can load, run or be ill-formed (an image, say, cannot)."""
    return path.suffix.lower() in _HTML_FILES | _XML_FILES | _SCRIPT_FILES | {".css"}


def file_problems(path: Path, text: str, shown: str) -> list[Problem]:
    """Everything in a file published as it is that would load from another
    host or run script, or, for XML, make it ill-formed."""
    suffix = path.suffix.lower()
    if suffix in _SCRIPT_FILES:
        return [Problem(shown, 1, "a script in docs/ would be published with the site's pages; scripts are the "
                                  "developers' (overrides/), not the pages'",
                        "docs/ 中的脚本会随页面一起发布；脚本由开发人员放在 overrides/ 中，不属于页面内容")]
    findings = []
    if suffix in _HTML_FILES:
        findings += html_findings(text)
    if suffix == ".css":
        findings += css_findings(text, "the stylesheet", 1)
    if suffix in _XML_FILES:
        findings += _xml_findings(text)
    return _problems(findings, shown)


def _xml_findings(text: str) -> list[Finding]:
    """Well-formed XML without a DOCTYPE (whose entities could blow up a reader)."""
    parser = xml.parsers.expat.ParserCreate()

    def refuse_doctype(*_):
        raise ValueError("doctype")

    parser.StartDoctypeDeclHandler = refuse_doctype
    try:
        parser.Parse(text.encode("utf-8"), True)
    except ValueError:
        return [Finding(parser.CurrentLineNumber, "the file declares a DOCTYPE; delete it (nothing here needs one)",
                        "文件中有 DOCTYPE 声明；请删除它（这里不需要）")]
    except xml.parsers.expat.ExpatError as error:
        reason = xml.parsers.expat.ErrorString(error.code)
        return [Finding(error.lineno, f"the file is not well-formed XML ({reason}); readers would refuse it",
                        f"文件不是格式正确的 XML（{reason}）；阅读器会拒绝打开它")]
    return []
