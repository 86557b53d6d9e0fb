"""Accessibility in real Chromium: axe-core (WCAG 2.1 A and AA) on every page
type in both languages, language tags, the skip link and keyboard focus,
长者模式, phones 360 px wide, and pages with JavaScript off."""
from __future__ import annotations

import re

import pytest
from a11y import CONTRAST, SMALL_TARGETS, TEXT_METRICS
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from support import LANGUAGE_PREFIXES, PAGE_TYPES, foreign_requests, site_pages

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# What a search for a word of the notice shows, in each language.
SEARCHES = {"zh": "巡察", "en": "inspection"}
BODY_TEXT = ".md-content p, .md-content li, .md-content dd, .md-content dt, .md-content td, .md-content th"
ELDER_ON = "localStorage.setItem('gongshi.elder', '1')"

axe = Axe()


def _violations(page) -> str:
    results = axe.run(page, options=WCAG_21_AA)
    return results.generate_report() if results.violations_count else ""


def _assert_no_violations(page):
    report = _violations(page)
    assert not report, report


def _tab_to(page, selector: str, most: int = 15):
    """Press Tab until the control `selector` has the focus."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def _visit(page, url: str):
    response = page.goto(url)
    assert response.ok, url
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang", LANGUAGE_PREFIXES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_has_no_axe_violations(page, served_site, kind, lang):
    _visit(page, f"{served_site}/{LANGUAGE_PREFIXES[lang]}{PAGE_TYPES[kind]}")
    _assert_no_violations(page)
    assert foreign_requests(page.requests, served_site) == []


@pytest.mark.parametrize("lang", LANGUAGE_PREFIXES)
def test_open_search_results_have_no_axe_violations(page, served_site, lang):
    _visit(page, f"{served_site}/{LANGUAGE_PREFIXES[lang]}")
    search, results = page.locator("input.md-search__input"), page.locator("li.md-search-result__item > a")
    search.click()
    for _ in range(20):  # until the search worker has loaded the index
        search.fill(SEARCHES[lang])
        page.keyboard.press("End")
        if results.count():
            break
        page.wait_for_timeout(250)
    expect(results.first).to_be_visible()
    _assert_no_violations(page)


def test_the_404_page_has_no_axe_violations(page, served_site):
    page.goto(f"{served_site}/404.html")
    expect(page.locator("h1")).to_contain_text("页面不存在")
    _assert_no_violations(page)


def test_axe_finds_what_it_should(page, served_site):
    """The axe run above can fail: grey on white text is reported."""
    _visit(page, f"{served_site}/")
    page.evaluate("document.querySelector('.md-content p').style.color = '#bbbbbb'")
    assert "color-contrast" in _violations(page)


def test_elder_mode_has_no_axe_violations(page, served_site):
    page.add_init_script(ELDER_ON)
    _visit(page, f"{served_site}/areas/industry-oversight/")
    assert page.evaluate("document.documentElement.classList.contains('gs-elder')")
    _assert_no_violations(page)


def test_html_lang_is_the_language_of_the_page(page, served_site, built_site):
    for path in site_pages(built_site):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        expected = "en" if path.startswith("en/") else "zh-CN"
        assert f'<html lang="{expected}"' in html, path


def test_the_skip_link_appears_on_focus_and_skips_to_the_content(page, served_site):
    _visit(page, f"{served_site}/areas/work-safety/")
    skip = page.locator("a.md-skip")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] >= 24
    expect(skip).to_have_css("opacity", "1")
    page.keyboard.press("Enter")
    assert page.url.endswith("#" + page.locator(".md-content h1").get_attribute("id"))


def test_every_focusable_control_shows_its_focus(page, served_site):
    _visit(page, f"{served_site}/")
    seen = set()
    for _ in range(200):  # past every control of the home page, to the footer
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement, style = getComputedStyle(el);
            if (el === document.body) return null;  // past the last control
            return {html: el.outerHTML.slice(0, 80), outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
        }""")
        if focused is None:
            break
        seen.add(focused["html"])
        assert focused["outline"] != "none" and focused["width"] >= 2, focused
    assert len(seen) >= 30  # distinct controls: header, navigation, content and footer
    assert any("gs-elder-toggle" in html for html in seen) and any("mailto:" in html for html in seen)


def test_elder_mode_works_from_the_keyboard(page, served_site):
    _visit(page, f"{served_site}/")
    _tab_to(page, "[data-gs-elder]")
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.classList.contains('gs-elder')")


def test_elder_mode_is_larger_higher_contrast_and_stays_on(page, served_site):
    _visit(page, f"{served_site}/")
    normal = page.evaluate(TEXT_METRICS, BODY_TEXT)
    toggle = page.locator("button[data-gs-elder]")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_text("长者模式")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bgs-elder\b"))
    expect(toggle).to_have_attribute("aria-pressed", "true")

    # It stays on for the next page, set before that page is drawn.
    page.locator(".gs-area-cards a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/areas/strong-transport-city/")
    expect(page.locator("button[data-gs-elder]")).to_have_attribute("aria-pressed", "true")
    metrics = page.evaluate(TEXT_METRICS, BODY_TEXT)
    assert len(metrics) > 5
    assert max(m["size"] for m in normal) < 24  # the ordinary page is smaller
    for m in metrics:
        assert m["size"] >= 24, m  # 18 pt
        assert m["lineHeight"] >= 1.5 * m["size"], m
    contrasts = page.evaluate(CONTRAST, ".md-content *")
    assert len(contrasts) > 10
    assert [c for c in contrasts if c["ratio"] < 7] == []

    # And off again, for good.
    page.locator("button[data-gs-elder]").click()
    page.reload()
    assert not page.evaluate("document.documentElement.classList.contains('gs-elder')")


def test_elder_mode_is_on_before_the_first_paint(built_site):
    """The class is set by a script in <head>, before the body exists."""
    for path in site_pages(built_site) + ["404.html"]:
        file = built_site / path / "index.html" if not path.endswith(".html") else built_site / path
        head = file.read_text(encoding="utf-8").split("<body", 1)[0]
        assert 'localStorage.getItem("gongshi.elder")==="1"' in head, path
        assert "classList.add(\"gs-elder\")" in head, path


def test_the_elder_mode_button_speaks_the_page_language(built_site):
    for path in site_pages(built_site):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        label = "Senior mode" if path.startswith("en/") else "长者模式"
        assert f'data-gs-elder aria-pressed="false">{label}</button>' in html, path
        help_link = re.search(r'<noscript><a class="md-header__button gs-elder-toggle" href="([^"]+)">', html).group(1)
        assert help_link.endswith(("en/" if path.startswith("en/") else "") + "about/#elder-mode"), path


def test_the_language_menu_works_from_the_keyboard(page, served_site):
    _visit(page, f"{served_site}/notice/")
    _tab_to(page, "a.md-select__link[hreflang=en]")
    # The menu fades in when it takes the focus: wait (bounded) until it is shown.
    page.wait_for_function("document.activeElement.checkVisibility({opacityProperty: true, visibilityProperty: true})",
                           timeout=5000)
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{served_site}/en/notice/")


def test_the_contrast_measure_can_fail(page, served_site):
    _visit(page, f"{served_site}/")
    page.evaluate("document.querySelector('.md-content p').style.color = '#999999'")
    assert min(c["ratio"] for c in page.evaluate(CONTRAST, ".md-content p")) < 3


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_phones_360_px_wide_never_scroll_sideways_and_targets_are_44_px(browser, served_site, built_site, elder):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    if elder:
        context.add_init_script(ELDER_ON)
    page = context.new_page()
    problems = {}
    try:
        for path in site_pages(built_site) + ["404.html"]:
            page.goto(f"{served_site}/{path}")
            page.wait_for_load_state("load")
            wide = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            small = page.evaluate(SMALL_TARGETS)
            if wide > 0 or small:
                problems[path] = {"wider by": wide, "small targets": small}
    finally:
        context.close()
    assert problems == {}


def test_pages_work_without_javascript(browser, served_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{served_site}/")
        expect(page.locator(".md-content h1")).to_contain_text("巡察整改")
        expect(page.locator(".gs-figures data").first).to_have_text("4")
        # The 长者模式 button needs JavaScript; a link explains what to do instead.
        expect(page.locator("button[data-gs-elder]")).to_be_hidden()
        page.locator("noscript a.gs-elder-toggle, .md-header a.gs-elder-toggle").first.click()
        expect(page).to_have_url(f"{served_site}/about/#elder-mode")
        expect(page.locator("#elder-mode")).to_be_visible()
        # Navigation and content work as links and HTML alone.
        page.locator(".md-nav--primary a", has_text="公告原文").first.click()
        expect(page.locator(".gs-notice__signature")).to_contain_text("中共丽水市交通运输局委员会")
        page.locator(".gs-notice h2 a:not(.headerlink)").nth(3).click()
        expect(page).to_have_url(f"{served_site}/areas/work-safety/")
        expect(page.locator(".md-content h1")).to_contain_text("安全生产领域监管存在漏洞")
    finally:
        context.close()
