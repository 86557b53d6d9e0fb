"""A reader's visit in real Chromium (Debian's, driven by Playwright)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from support import ROOT, foreign_requests, site_pages, visit

from gongshi.data import load_site
from gongshi.history import update_counts


def test_a_reader_visits_the_site(page, served_site):
    page.goto(served_site + "/")
    expect(page.locator("h1")).to_contain_text("巡察整改")
    expect(page.locator(".gs-figures data").first).to_have_text("4")

    # The contact details are in the footer.
    footer = page.locator("footer .gs-contact")
    expect(footer.locator('a[href="tel:2615196"]')).to_be_visible()
    expect(footer.locator('a[href="mailto:44524776@qq.com"]')).to_be_visible()
    expect(footer).to_contain_text("丽水市紫金路701号")

    # Switch to English with the header's language menu, and back.
    page.locator(".md-header .md-select").hover()
    page.locator('.md-header a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(served_site + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".gs-translation-note")).to_contain_text("The Chinese text is authoritative")
    page.locator(".md-header .md-select").hover()
    page.locator('.md-header a.md-select__link[hreflang="zh"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")

    # Follow an area card to its page.
    card = page.locator(".gs-area-cards a").nth(1)
    title = card.inner_text()
    card.click()
    expect(page).to_have_url(re.compile(r"/areas/industry-oversight/$"))
    expect(page.locator("h1")).to_have_text(re.compile(re.escape(title)))
    expect(page.locator(".gs-figure").first).to_be_visible()

    assert foreign_requests(page.requests, served_site) == []


def test_the_switcher_keeps_the_reader_on_the_same_area(page, served_site):
    page.goto(served_site + "/en/areas/public-services/")
    page.locator(".md-header .md-select").hover()
    page.locator('.md-header a.md-select__link[hreflang="zh"]').click()
    expect(page).to_have_url(served_site + "/areas/public-services/")
    expect(page.locator("h1")).to_contain_text("交通运输服务民生有短板")
    assert foreign_requests(page.requests, served_site) == []


def test_no_page_requests_another_host(page, served_site, built_site):
    """Every page of the site, the 404 page and the open-data page included."""
    pages = site_pages(built_site)
    assert len(pages) >= 2 * 20
    assert {"data/", "sitemap/", "en/data/", "en/sitemap/"} <= set(pages)
    visit(page, served_site, pages + ["404.html"])
    assert len(page.requests) > len(pages)
    assert foreign_requests(page.requests, served_site) == []


def test_a_request_to_another_host_is_caught(page, served_site):
    """The check above can fail: a page that loads an outside image is caught."""
    page.route("http://outside.invalid/**", lambda route: route.abort())
    page.goto(served_site + "/")
    page.evaluate("""() => { const img = new Image(); img.src = "http://outside.invalid/pixel.png"; document.body.append(img); }""")
    page.wait_for_load_state("networkidle")
    assert foreign_requests(page.requests, served_site) == ["http://outside.invalid/pixel.png"]


@pytest.mark.parametrize("prefix, title, not_stated", [("", "巡察反馈问题与已完成整改的问题", "未说明"),
                                                     ("en/", "Problems found by the inspection", "not stated")])
def test_the_progress_chart_and_its_table_render(page, served_site, prefix, title, not_stated):
    page.goto(f"{served_site}/{prefix}progress/")
    chart = page.locator("svg.gs-chart")
    expect(chart).to_be_visible()
    expect(chart.locator("title")).to_have_text(re.compile(title))
    box = chart.bounding_box()
    assert box["width"] > 200 and box["height"] > 150
    # One bar for the 26 rectified, drawn to scale against its 29 problems; none where it is not stated.
    site = load_site(ROOT / "data")
    updates = len(site.updates)  # one column and one row each
    # A bar for each total stated: a round from the ledger lists measures, and counts no problems.
    expect(chart.locator("rect.gs-chart__total")).to_have_count(sum(update_counts(site, u).problems is not None for u in site.updates))
    assert chart.locator("rect.gs-chart__completed").count() >= 1
    done, total = chart.locator("rect.gs-chart__completed").first.bounding_box(), chart.locator("rect.gs-chart__total").nth(1).bounding_box()
    assert done["height"] / total["height"] == pytest.approx(26 / 29, abs=0.02)
    expect(chart.locator(".gs-chart__column").first).to_contain_text(not_stated)

    table = page.locator('table[data-gs-table="progress"]')
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(updates)
    expect(table.locator("tbody tr").first.locator("td").nth(1)).to_have_text(not_stated)
    expect(table.locator("tbody tr").nth(1).locator("td").nth(1)).to_have_text(re.compile(r"^26"))
    # On a wide screen the table stands beside the chart.
    beside = table.bounding_box()
    assert beside["x"] > box["x"] + box["width"] - 1 and beside["y"] < box["y"] + box["height"]
    assert foreign_requests(page.requests, served_site) == []
