"""The editors' guides say what the engine does: CONTRIBUTING.md (Chinese) and
CONTRIBUTING.en.md (English) each hold the table of data markers exactly as
`gongshi markers` prints it from render.MARKERS, and the two guides have the
same sections, so that neither drifts from the check or from the other."""
from __future__ import annotations

import re

import pytest
from support import ROOT

from gongshi.render import marker_table

GUIDES = {"zh": ROOT / "CONTRIBUTING.md", "en": ROOT / "CONTRIBUTING.en.md"}


def tables(markdown: str) -> list[str]:
    """Every table of a Markdown text outside code blocks: runs of lines that start with `|`."""
    found, rows, fenced = [], [], False
    for line in markdown.splitlines() + [""]:
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("|"):
            rows.append(line)
            continue
        if rows:
            found.append("\n".join(rows))
            rows = []
    return found


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guide_lists_the_markers_the_check_knows(lang):
    """The guide's table of markers is the one `gongshi markers --lang LANG` prints."""
    expected = marker_table(lang)
    head = expected.splitlines()[0]
    found = [table for table in tables(GUIDES[lang].read_text(encoding="utf-8")) if table.splitlines()[0] == head]
    assert len(found) == 1, f"{GUIDES[lang].name} should hold one table headed `{head}`, the output of `gongshi markers --lang {lang}`"
    assert found[0] == expected, (f"{GUIDES[lang].name}'s table of markers differs from `gongshi markers --lang {lang}`; "
                                  "paste the command's output in its place")


def test_a_changed_marker_is_a_different_table():
    """The comparison above can fail: a marker the guide leaves out, or words it changes, differ."""
    table = marker_table("en")
    assert tables(table) == [table]
    assert tables("\n".join(line for line in table.splitlines() if "data:sitemap" not in line)) != [table]
    assert tables(table.replace("the whole notice", "the notice")) != [table]


def _headings(markdown: str) -> list[str]:
    """The guide's outline outside code blocks: `## N.` for a numbered section, `###` for a subsection."""
    outline, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"(##+) (\d+\.)?", line)):
            outline.append(match.group(1) + (" " + match.group(2) if match.group(2) else ""))
    return outline


def test_the_two_guides_have_the_same_sections():
    zh, en = (_headings(path.read_text(encoding="utf-8")) for path in GUIDES.values())
    assert zh == en
    numbers = [heading.split()[1] for heading in zh if heading.startswith("## ")]
    assert numbers == [f"{n}." for n in range(1, len(numbers) + 1)], "numbered sections run 1, 2, 3 … without gaps"
