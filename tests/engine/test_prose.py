"""prose.py: what docs/ may put on a page. Links to anywhere are fine; what
would load from another host or run script is refused at its line, however it
is written."""
from __future__ import annotations

import html
from pathlib import Path

import markdown
import pytest

from gongshi.prose import file_problems, page_problems, scanned

# Each would load from another host or run script on the built page.
HOSTILE = {
    "img": '<img src="https://evil.example/x.png">',
    "img unquoted, slash for space": "<img/src=//evil.example/x.png>",
    "backslashes a browser takes as slashes": '<img src="/\\evil.example/x.png">',
    "script": "<script>alert(1)</script>",
    "script in capitals": "<SCRIPT SRC=x.js></SCRIPT>",
    "markdown link with javascript": "[x](javascript:alert(1))",
    "javascript behind an entity": "[x](java&#115;cript:alert(1))",
    "javascript in angle brackets": "[x](<javascript:alert(1)>)",
    "javascript with a tab": '<a href="java&#x09;script:alert(1)">x</a>',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data page as a link": "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "markdown image": "![a](//evil.example/x.png)",
    "image by reference": "![a][r]\n\n[r]: https://evil.example/x.png",
    "image by short reference": "![R]\n\n[r]: https://evil.example/x.png",
    "reference with javascript": "[x][r]\n\n[r]: javascript:alert(1)",
    "attr_list event": 'A paragraph.\n{: onclick="alert(1)" }',
    "attr_list source": '![a](x.png){: src="https://evil.example/y.png" }',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "object with a data page": '<object data="data:text/html,<b>x</b>"></object>',
    "stylesheet link": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "css url": '<div style="background:url(//evil.example/x.png)">x</div>',
    "css escapes": '<div style="b\\61ckground: u\\72l(//evil.example/x.png)">x</div>',
    "css import": '<style>@import "https://evil.example/a.css";</style>',
    "css expression": '<div style="width: expression(alert(1))">x</div>',
    "srcset": '<img src="a.png" srcset="a.png 1x, https://evil.example/b.png 2x">',
    "poster": '<video poster="https://evil.example/p.png"></video>',
    "ping": '<a href="#top" ping="https://tracker.example/">x</a>',
    "file URL": '<img src="file:///etc/passwd">',
    "base": '<base href="https://evil.example/">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "svg event": "<svg onload=alert(1)></svg>",
    "svg use": '<svg><use href="https://evil.example/sprite.svg#a"/></svg>',
    "svg animation to javascript": '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    "svg style holding markup": "<svg><style><img src=//evil.example/x.png></style></svg>",
    "mathml href": '<math href="javascript:alert(1)">x</math>',
    "form to javascript": '<form action="javascript:alert(1)"><button>x</button></form>',
    "comment a browser ends with --!>": "<!-- x --!> <script>alert(1)</script>",
    "comment a browser ends at once": "<!--> <img src=//evil.example/x.png>",
    "CDATA a browser ends at >": "<![CDATA[ x > <img src=//evil.example/x.png> ]]>",
    "tag left open at the end": '<img src=x onerror="alert(1)',
    "indented in a list item": "- item\n\n    <img src=//evil.example/a.png>",
    "raw HTML around a code span": "<div>`<script>alert(1)</script>`</div>",
}

# Legitimate: links to other sites, the site's own files, code shown as text.
FINE = {
    "link to another site": '<a href="https://example.org/">x</a> and [y](https://example.org/y) and <https://example.org/z>',
    "mail and phone": '<a href="mailto:a@b.cn">mail</a> [call](tel:2615196)',
    "own image": '![seal](assets/seal.png) <img src="../assets/seal.png" srcset="seal.png 1x, seal@2x.png 2x">',
    "inline image data": '<img src="data:image/png;base64,AAAA">',
    "fenced code": "```html\n<script src=\"https://evil.example/x.js\"></script>\n```",
    "markers and ids": "<!-- data:figures -->\n\n## 长者模式 {#elder-mode}\n\n[Read](notice.md){ .md-button }",
    "css without loads": '<span style="color: red; font-family: &quot;Noto Sans&quot;">x</span>',
    "markdown in html": "<div markdown>\n\n**x** ~ y\n\n</div>",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_what_would_load_or_run_is_refused(text):
    found = page_problems("# Page\n\n" + text + "\n", "docs/x.md")
    assert found, text
    assert all(p.path == "docs/x.md" and p.line >= 3 for p in found)
    assert all(p.zh for p in found)


@pytest.mark.parametrize("text", FINE.values(), ids=FINE.keys())
def test_links_and_own_files_are_fine(text):
    assert page_problems(text, "docs/x.md") == []


def test_the_hostile_pages_do_load_or_run_when_rendered():
    """The corpus above is real: Python-Markdown with the site's extensions lets each through."""
    extensions = ["attr_list", "md_in_html", "tables", "admonition", "toc", "fenced_code"]
    for name in ("markdown link with javascript", "image by short reference", "attr_list event", "indented in a list item",
                 "raw HTML around a code span", "javascript behind an entity"):
        page = html.unescape(markdown.markdown(HOSTILE[name], extensions=extensions))  # as the browser reads it
        assert any(part in page for part in ("javascript:", "evil.example", "onclick", "<script")), name


@pytest.mark.parametrize("front, line", [
    ('title: "About\\x3cimg src=//evil.example/t.png\\x3e"', 2),  # YAML decodes \x3c to <
    ("hide: [toc]\ndescription: 'x\" onmouseover=\"alert(1)'", 3),  # out of the <meta> attribute it lands in
    ("extra:\n  - note: <script>alert(1)</script>", 3),
])
def test_front_matter_is_read_as_the_templates_show_it(front, line):
    found = page_problems(f"---\n{front}\n---\n\n# About\n", "docs/about.md")
    assert found and {p.line for p in found} == {line}


def test_plain_front_matter_is_fine():
    assert page_problems('---\ntitle: 关于 “本站” & "us"\nhide:\n  - navigation\n---\n\n# About\n', "docs/about.md") == []


def test_each_problem_is_at_its_line_with_what_it_loads():
    page = "# Title\n\nText.\n\n![a](https://evil.example/a.png)\n\n<p>\n<img\n  src='//evil.example/b.png'>\n</p>\n"
    found = page_problems(page, "docs/about.md")
    assert [(p.line, p.message.split(" would")[0]) for p in found] == [(8, "`src` of <img>"), (5, "the image")]
    assert "https://evil.example/a.png from another host" in found[1].message


@pytest.mark.parametrize("name, text, line, says", [
    ("page.html", "<!doctype html>\n<p>x</p>\n<img src=https://evil.example/x.png>\n", 3, "from another host"),
    ("seal.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n', 2, "<script>"),
    ("seal.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<circle r="5">\n</svg>\n', 3, "not well-formed XML"),
    ("seal.svg", '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n<svg/>\n', 2, "DOCTYPE"),
    ("site.css", "body {\n  background: url(https://evil.example/bg.png);\n}\n", 2, "from another host"),
    ("extra.js", "alert(1)\n", 1, "a script in docs/"),
])
def test_files_published_as_they_are(name, text, line, says):
    path = Path("docs/assets") / name
    assert scanned(path)
    [problem] = file_problems(path, text, path.as_posix())
    assert problem.line == line and says in problem.message


def test_images_and_clean_files_pass():
    assert not scanned(Path("docs/assets/seal.png"))
    clean = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="5"/></svg>\n'
    assert file_problems(Path("docs/seal.svg"), clean, "docs/seal.svg") == []
    assert file_problems(Path("docs/site.css"), "a { color: red; background: url(bg.png) }\n", "docs/site.css") == []
