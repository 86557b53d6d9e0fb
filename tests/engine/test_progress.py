"""progress.py: the timeline, what changed and the status histories, on the
made-up progress site; and that the real site shows no status it does not have."""
from __future__ import annotations

import dataclasses

import markdown
import pytest

from gongshi.markup import Context
from gongshi.model import Text
from gongshi.feed import atom_feed
from gongshi.progress import area_status_history, render_changes, render_progress_chart, render_timeline, status_badge
from gongshi.render import fill_markers

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]


def changes(site, lang="en"):
    return render_changes(Context(site, lang, "progress.md"))


def section(out: str, update_id: str) -> str:
    """One update's part of data:changes."""
    start = out.index(f"{{#{update_id}}}")
    end = out.find("\n### ", start)
    return out[start: end if end != -1 else None]


def test_timeline_lists_the_inspection_the_feedback_and_every_update(progress_site):
    out = render_timeline(Context(progress_site, "en", "progress.md"))
    assert out.index("1 March 2023") < out.index("**[Feedback given](#feedback)**") < out.index("(#first-report)") \
        < out.index("(#second-report)") < out.index("(#notice-report)")
    # The feedback update stands for the feedback: it is not listed twice.
    assert out.count("1 June 2023") == 1
    assert 'Source: <a href="https://example.org/feedback">Inspection feedback</a>' in out
    assert "Source: First rectification report" in out  # a document without an address is not a link
    # A block of the notice is named by its first words, and linked to its anchor.
    assert "Source: the official notice ([Of the 6 problems in 3 aspects fed back,…](notice.md#summary))" in out


def test_timeline_shows_the_feedback_when_no_update_is_dated_so(progress_site):
    later = dataclasses.replace(progress_site, progress=dataclasses.replace(progress_site.progress, updates=progress_site.updates[1:]))
    out = render_timeline(Context(later, "zh", "progress.md"))
    assert '<time datetime="2023-06-01">2023年6月1日</time></span> **反馈意见**' in out


def test_changes_of_the_first_update(progress_site):
    first = section(changes(progress_site), "feedback")
    assert "This is the first update" in first
    assert "-   problems found by the inspection: <data value=\"5\">5</data>\n" in first
    assert "(newly listed)" in first and "newly completed" not in first


def test_changes_going_forward_and_totals_that_moved(progress_site):
    first_report = section(changes(progress_site), "first-report")
    assert r"Compared with the previous update \(1 June 2023\):" in first_report
    assert 'problems fully rectified: <data value="2">2</data> (previously 0, \\+2)' in first_report
    assert 'problems found by the inspection: <data value="5">5</data> (unchanged)' in first_report
    assert 'problems for immediate rectification: <data value="2">2</data> (not stated before)' in first_report
    newly = first_report.split("**Problems and measures newly completed**")[1].split("**")[0]
    # Linked to its area's page, and to its place in the notice.
    assert newly.strip() == "-   [\\(1\\) Measure Alpha One](areas/alpha.md#alpha-one) ([in the notice](notice.md#alpha-one))"


def test_changes_going_backwards_with_its_note(progress_site):
    second = section(changes(progress_site), "second-report")
    line = next(line for line in second.splitlines() if "alpha-one" in line and "→" in line)
    assert line.index(">Done<") < line.index("→") < line.index(">In progress<")
    assert line.endswith("(backwards: relapsed on review)")


def test_changes_added_and_dropped_items(progress_site):
    out = changes(progress_site)
    added = next(line for line in section(out, "second-report").splitlines() if "alpha-three" in line)
    assert "→" not in added and added.endswith("(newly listed)")
    dropped = next(line for line in section(out, "notice-report").splitlines() if "beta-two" in line)
    assert ">Not started</span> → — (not listed in this update)" in dropped


def test_the_changes_page_renders_to_html_with_its_links(progress_site):
    html = markdown.markdown(changes(progress_site, "zh"), extensions=EXTENSIONS)
    assert '<h3 id="second-report">2023年12月20日：第二次整改报告</h3>' in html
    assert '<a href="areas/alpha.md#alpha-one">（一）甲一措施</a>' in html
    assert "<li>" in html and "倒退：复查发现反弹" in html


def test_a_status_is_never_shown_by_colour_alone(progress_site):
    done = progress_site.status("done")
    badge = status_badge(done, "zh")
    assert "--gs-status-colour: #2e7d32" in badge and badge.endswith("已完成</span>")
    assert 'aria-hidden="true"' in badge


def _history(site, area_id, lang="en"):
    return area_status_history(Context(site, lang, f"areas/{area_id}.md"), site.area(area_id))


def test_area_status_history_has_a_row_per_measure_and_a_column_per_update(progress_site):
    out = _history(progress_site, "alpha")
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert table[0] == "| Measure | 1 June 2023 | 15 September 2023 | 20 December 2023 | 1 March 2024 |"
    rows = {line.split(" | ")[0][2:]: line for line in table[2:]}
    # Each item by its number and lead, without the full stop that ends the lead.
    one, two, three = (rf"[\({n}\) Measure Alpha {name}](#alpha-{name.lower()})" for n, name in ((1, "One"), (2, "Two"), (3, "Three")))
    assert list(rows) == [one, two, three, "**This area**"]
    cells = rows[three].split(" | ")
    assert cells[1:3] == ["—", "—"] and "In progress" in cells[3] and r"Kept up long\-term" in cells[4]
    assert "relapsed on review" in rows[one].split(" | ")[3]
    area = rows["**This area**"].split(" | ")
    assert area[1] == "— 2 of 3 with a status"
    assert "In progress" in area[3] and r"Kept up long\-term" in area[4]


def test_area_history_renders_as_a_table(progress_site):
    html = markdown.markdown(_history(progress_site, "beta", "zh"), extensions=EXTENSIONS)
    assert '<h2 id="status-history">整改状态</h2>' in html
    assert html.count("<tr>") == 1 + 2 + 1  # head, two measures, the area


def test_areas_without_a_history_show_none(progress_site, site):
    assert _history(progress_site, "gamma") == ""
    for area in site.areas:
        assert _history(site, area.id) == ""


def test_the_area_page_holds_the_history_before_the_measures(progress_site):
    out = fill_markers("<!-- data:area alpha -->", Context(progress_site, "en", "areas/alpha.md"), "areas/alpha.md")
    assert out.index("as of 1 March 2024") < out.index("{#status-history}") < out.index("{#alpha-one}")


def test_hostile_status_labels_and_notes_are_escaped(progress_site):
    evil = Text(zh="<script>x</script>*a*", en="<script>x</script>*a*")
    r = dataclasses.replace
    statuses = tuple(r(s, label=evil) for s in progress_site.statuses)
    updates = tuple(r(u, statuses=tuple(r(i, note=evil) for i in u.statuses)) for u in progress_site.updates)
    site = r(progress_site, statuses=statuses, progress=r(progress_site.progress, updates=updates))
    for out in (changes(site), _history(site, "alpha")):
        html = markdown.markdown(out, extensions=EXTENSIONS)
        assert "<script" not in html and "&lt;script&gt;" in html
        assert "<em>a</em>" not in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_notice_has_the_anchors_that_sources_link_to(site, lang):
    html = markdown.markdown(fill_markers("<!-- data:notice -->", Context(site, lang, "notice.md"), "notice.md"), extensions=EXTENSIONS)
    cited = [block for update in site.updates for block in update.source.notice]
    assert cited
    for block in cited:
        assert f'id="{block}"' in html


def test_the_status_history_of_an_area_that_lists_problems(problems_site):
    out = _history(problems_site, "policy", "zh")
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert table[0] == "| 问题 | 2024年6月20日 | 2024年10月15日 |"
    # Its problems, by their whole block (they have no lead), not their measures.
    assert [row.split(" | ")[0][2:] for row in table[2:]] == [
        r"[1\.服务市场主体不够精准](#policy-1)", r"[2\.食品安全监管存在薄弱环节](#policy-2)", "**本方面**"]
    assert ">已完成</span> |" in table[2] and ">阶段性完成</span> |" in table[3]


def test_counts_whose_total_the_notice_does_not_declare(progress_site):
    """A count of an update is named and counted like the total of that name in
    round.yaml; where the notice declares none, the site's own words name it, and
    the number stands without a unit."""
    r = dataclasses.replace
    bare = r(progress_site, round=r(progress_site.round, totals=r(progress_site.round.totals, problems=None, completed=None)))
    chart = render_progress_chart(Context(bare, "zh", "progress.md"))
    assert '<th scope="col">巡察反馈问题</th><th scope="col">已完成整改的问题</th>' in chart
    assert '<td><data value="5">5</data></td>' in chart and '<data value="5">5</data>个' not in chart
    first = section(render_changes(Context(bare, "en", "progress.md")), "feedback")
    assert '-   problems found by the inspection: <data value="5">5</data>\n' in first
    entry = atom_feed(bare, "en", "Title", "progress/", "feed.xml")
    assert "problems fully rectified: 2" in entry and "None" not in entry
