"""Measurements taken inside a page, for the accessibility tests."""
from __future__ import annotations

# WCAG 2.x contrast of each element's own text against what lies behind it,
# from the computed colours (alpha blended down to the white page).
CONTRAST = """(selector) => {
  const parse = (c) => {
    const n = c.match(/[\\d.]+/g).map(Number);
    return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ownText = (el) => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const shown = (el) => el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  return [...document.querySelectorAll(selector)].filter(el => ownText(el) && shown(el)).map(el => {
    const bg = background(el);
    const fg = over(parse(getComputedStyle(el).color), bg);
    const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return {text: el.textContent.trim().slice(0, 40), ratio: (a + 0.05) / (b + 0.05)};
  });
}"""

# Font size and line height (in px) of every block of body text.
TEXT_METRICS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => el.textContent.trim() && el.getClientRects().length)
  .map(el => {
    const style = getComputedStyle(el);
    return {text: el.textContent.trim().slice(0, 40), size: parseFloat(style.fontSize),
            lineHeight: style.lineHeight === "normal" ? 0 : parseFloat(style.lineHeight)};
  })"""

# Controls a finger must hit that are smaller than 44 x 44 px. A link inside a
# sentence is exempt (WCAG 2.5.5): its block holds more text than the link.
SMALL_TARGETS = """() => {
  const block = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      if (!getComputedStyle(e).display.startsWith("inline")) return e;
    }
    return document.body;
  };
  const controls = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, label[for]');
  return [...controls].filter(el => {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    if (box.right <= 0 || box.left >= innerWidth) return false;  // off-canvas, like the closed drawer
    if (el.closest('[hidden], .md-select__inner, .md-search__output, .md-dialog, .md-skip')) return false;
    if (el.matches("a") && block(el).textContent.trim() !== el.textContent.trim()) return false;
    return box.width < 44 || box.height < 44;
  }).map(el => `${el.outerHTML.slice(0, 90)} ${Math.round(el.getBoundingClientRect().width)}x${Math.round(el.getBoundingClientRect().height)}`);
}"""
