"""Printing: the notice on A4 is the notice as a document, and no page prints
the site around it (navigation, header, footer, search)."""
from __future__ import annotations

import subprocess

import pytest
from html_text import normalise, sentences
from support import LANGUAGE_PREFIXES, PAGE_TYPES

CHROME = [".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".gs-elder-toggle", ".md-skip"]


def _print_to_text(page, path) -> str:
    page.pdf(path=str(path), format="A4", print_background=False)
    size = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "pts (A4)" in size, size
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_printed_notice_is_the_notice_and_nothing_else(page, served_site, seed_text, tmp_path):
    page.goto(f"{served_site}/notice/")
    page.wait_for_load_state("networkidle")
    # What the screen shows around the notice: the site's name, every
    # navigation entry, the search box and the footer's own words.
    chrome = page.evaluate("""() => [
        document.querySelector('.md-header__topic .md-ellipsis').textContent,
        ...[...document.querySelectorAll('.md-nav--primary .md-nav__link')].map(a => a.textContent),
        document.querySelector('.md-search__input').placeholder,
        document.querySelector('[data-gs-elder]').textContent,
        ...[...document.querySelectorAll('.gs-footer__links a, .gs-contact__list dt')].map(a => a.textContent),
    ]""")
    notice = normalise(seed_text)
    labels = {normalise(text) for text in chrome if normalise(text) and normalise(text) not in notice}
    assert len(labels) >= 10

    printed = normalise(_print_to_text(page, tmp_path / "notice.pdf"))
    missing = [s for s in sentences(seed_text) if normalise(s) not in printed]
    assert missing == []
    assert sorted(label for label in labels if label in printed) == []


def test_the_printed_notice_has_its_signature_and_date_on_the_right(page, served_site):
    page.goto(f"{served_site}/notice/")
    page.emulate_media(media="print")
    lines = page.locator(".gs-notice__signature").evaluate("""el => {
        const name = document.createRange();
        name.selectNodeContents(el.firstChild);
        const block = el.getBoundingClientRect();
        return {name: name.getBoundingClientRect(), date: el.querySelector("time").getBoundingClientRect(),
                left: block.left, right: block.right};
    }""")
    assert lines["name"]["y"] < lines["date"]["y"]  # the date on its own line under the name
    for line in ("name", "date"):
        assert abs(lines[line]["right"] - lines["right"]) < 2, line
        assert lines[line]["left"] > (lines["left"] + lines["right"]) / 2, line
    # The notice's own date closes it; the page's date line is not printed.
    assert page.locator(".gs-page-dates").is_hidden()


@pytest.mark.parametrize("lang", LANGUAGE_PREFIXES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_prints_without_the_site_around_it(page, served_site, kind, lang):
    page.goto(f"{served_site}/{LANGUAGE_PREFIXES[lang]}{PAGE_TYPES[kind]}")
    page.emulate_media(media="print")
    assert page.locator(".md-content h1").first.is_visible()
    shown = [selector for selector in CHROME if page.locator(selector).first.is_visible()]
    assert shown == []
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
