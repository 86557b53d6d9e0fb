"""The site says what the notice says: every line verbatim and in order,
every figure, nothing more. "Verbatim" is after the one documented rule
(gongshi.punctuation): Chinese punctuation is full-width."""
from __future__ import annotations

import hashlib
import re

from support import ROOT, SEED
from html_text import normalise, notice_lines

from gongshi.data import load_site
from gongshi.format import format_value
from gongshi.punctuation import kept
from gongshi.validate import printed


def _received_lines(seed_text: str) -> list[str]:
    return [kept(line) for line in seed_text.splitlines() if line.strip()]


def test_the_chinese_notice_page_is_the_notice_line_by_line(built_site, seed_text):
    html = (built_site / "notice" / "index.html").read_text(encoding="utf-8")
    assert notice_lines(html) == _received_lines(seed_text)


def test_the_notice_in_data_is_the_notice_block_by_block(seed_text):
    """Each block prints one line of the notice as received, in its order:
    the data was migrated, not re-typed."""
    site = load_site(ROOT / "data")
    assert [printed(block, "zh") for block in site.notice.blocks] == _received_lines(seed_text)


def test_the_notice_ends_with_its_signature_and_date(built_site):
    html = (built_site / "notice" / "index.html").read_text(encoding="utf-8")
    signature = re.search(r'<p class="gs-notice__signature"[^>]*>(.*?)</p>', html, re.DOTALL).group(1)
    assert "中共丽水市交通运输局委员会" in signature and "2024年9月12日" in signature


def test_dashboard_figures_equal_the_notice(built_site, seed_text):
    seed = normalise(seed_text)
    expected = {
        "aspects": re.search(r"(\d+)大方面", seed).group(1),
        "problems": re.search(r"大方面(\d+)个问题", seed).group(1),
        "measures": re.search(r"提出(\d+)条整改举措", seed).group(1),
        "completed": re.search(r"完成整改(\d+)个", seed).group(1),
        "immediate": re.search(r"即知即改的(\d+)个问题全部整改到位", seed).group(1),
        "rules": re.search(r"新修订完善制度(\d+)项", seed).group(1),
    }
    html = (built_site / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<span class="gs-figure__value">.*?<data value="([^"]+)">', html.split("gs-figures", 1)[1].split("</div></div>\n", 1)[0])
    assert cards == [expected[k] for k in ("aspects", "problems", "measures", "completed", "immediate", "rules")]
    bars = re.findall(r'<progress class="gs-progress" value="([^"]+)" max="([^"]+)"', html)
    assert bars == [(expected["completed"], expected["problems"]), (expected["immediate"], expected["immediate"])]


def _table_rows(html: str, name: str) -> dict[str, str]:
    table = html.split(f'data-gs-table="{name}"', 1)[1].split("</table>", 1)[0]
    return dict(re.findall(r"<tr><td><a [^>]*>([^<]+)</a></td><td><data value=\"([^\"]+)\">", table))


def test_dashboard_accountability_and_meetings_equal_the_notice(built_site, seed_text):
    seed = normalise(seed_text)
    html = (built_site / "index.html").read_text(encoding="utf-8")
    accountability = _table_rows(html, "accountability")
    assert len(accountability) == 5
    for label, value in accountability.items():
        assert re.search(re.escape(normalise(label)) + r"(\d+)人次", seed).group(1) == value, label
    meetings = _table_rows(html, "meetings")
    assert len(meetings) == 4
    for label, value in meetings.items():
        assert re.search(r"(\d+)次" + re.escape(normalise(label)), seed).group(1) == value, label


def test_every_figure_in_the_data_occurs_in_the_line_of_the_notice_it_cites(seed_text):
    site = load_site(ROOT / "data")
    lines = dict(zip((block.id for block in site.notice.blocks), _received_lines(seed_text)))
    figures = list(site.stated_figures())
    assert len(figures) > 40
    for figure, block in figures:
        written = site.unit(figure.unit).writes["zh"].replace("{n}", format_value(figure.value, "zh"))
        assert written in lines[block], f"{written} ({figure.label['zh']}) is not in block {block} of the notice"


def test_the_kept_source_is_the_notice_as_received():
    """The notice in sources/ matches its recorded checksum, and the workplace's
    shared copy of it where that is at hand."""
    recorded = dict(line.split()[::-1] for line in (SEED.parent / "SHA256SUMS").read_text().splitlines())
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == recorded[SEED.name]
    shared = ROOT.parent / "shared" / "seed" / "000_1a120ca225b17afa.txt"
    if shared.is_file():
        assert SEED.read_bytes() == shared.read_bytes()


def test_every_update_from_the_notice_says_only_what_the_notice_says(seed_text):
    """Updates that cite the notice quote it; a later report cites its own document."""
    site = load_site(ROOT / "data")
    seed = normalise(seed_text)
    from_notice = [u for u in site.updates if u.source.notice]
    assert len(from_notice) >= 2
    assert [u.text["zh"] for u in from_notice if normalise(u.text["zh"]) not in seed] == []


def test_the_progress_page_shows_the_two_dated_points_of_the_notice(built_site, seed_text):
    seed = seed_text.strip()
    feedback = re.search(r"(\d{4})年(\d+)月(\d+)日[，,]市委第四巡察组反馈了巡察意见", seed).groups()
    problems = re.search(r"大方面(\d+)个问题", seed).group(1)
    completed = re.search(r"完成整改(\d+)个", seed).group(1)
    published = re.search(r"(\d{4})年(\d+)月(\d+)日$", seed).groups()  # the date the notice is signed

    def iso(ymd):
        return "{}-{:02d}-{:02d}".format(*map(int, ymd))

    for prefix, not_stated in (("", "未说明"), ("en/", "not stated")):
        html = (built_site / prefix / "progress" / "index.html").read_text(encoding="utf-8")
        rows = re.findall(r'<tr><th scope="row"><a href="#[^"]+"><time datetime="([^"]+)">.*?</time></a></th>'
                          r'<td>(.*?)</td><td>(.*?)</td></tr>', html.split('data-gs-table="progress"', 1)[1])
        # The notice's two dated points, the first rows; later reports may follow them.
        assert [(date, re.sub(r"<[^>]+>", "", total), re.sub(r"<[^>]+>", "", done)) for date, total, done in rows][:2] == [
            (iso(feedback), problems + ("个" if not prefix else ""), not_stated),
            (iso(published), problems + ("个" if not prefix else ""), completed + ("个" if not prefix else "")),
        ]
        columns = re.findall(r'data-date="([^"]+)" data-total="(\d+)" data-completed="(\d*)"', html)
        assert columns[:2] == [(iso(feedback), problems, ""), (iso(published), problems, completed)]
