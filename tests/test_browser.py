"""A reader's visit in real Chromium (Debian's, driven by Playwright)."""
from __future__ import annotations

import re

from playwright.sync_api import expect
from support import foreign_requests, site_pages


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
    for path in pages + ["404.html"]:
        url = served_site + "/" + path
        response = page.goto(url)
        assert response.ok, url
        page.wait_for_load_state("networkidle")
    assert len(page.requests) > len(pages)
    assert foreign_requests(page.requests, served_site) == []


def test_a_request_to_another_host_is_caught(page, served_site):
    """The check above can fail: a page that loads an outside image is caught."""
    page.route("http://outside.invalid/**", lambda route: route.abort())
    page.goto(served_site + "/")
    page.evaluate("""() => { const img = new Image(); img.src = "http://outside.invalid/pixel.png"; document.body.append(img); }""")
    page.wait_for_load_state("networkidle")
    assert foreign_requests(page.requests, served_site) == ["http://outside.invalid/pixel.png"]
