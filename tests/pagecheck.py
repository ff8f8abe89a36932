"""What the browser tests measure in the page, as a person would see it: the layout shift of a
load (``PerformanceObserver``), the contrast of every visible text (WCAG 2 relative luminance of
the computed colours against the effective background), whether an element is in the viewport.
Scripts run by Playwright's ``page.evaluate`` / ``add_init_script``."""

from __future__ import annotations

from typing import Any

# Installed before the page's own scripts: sums the layout-shift entries without recent input
# (the Cumulative Layout Shift of the load, as Chrome's Web Vitals count it, one session).
LAYOUT_SHIFT_INIT = """
window.__phShift = {score: 0, entries: []};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__phShift.score += entry.value;
    window.__phShift.entries.push({value: entry.value, at: Math.round(entry.startTime),
      sources: (entry.sources || []).map((s) => s.node
        ? (s.node.id || String(s.node.className || s.node.nodeName)).slice(0, 60) : '?')});
  }
}).observe({type: 'layout-shift', buffered: true});
"""

# Every visible text of ``root`` (elements with a text node of their own, and the placeholder of
# an empty input): its colour against the background painted under it (the ancestors' colours
# composited, a gradient by its worst stop); disabled controls are exempt (WCAG 1.4.3).
CONTRAST_JS = """
(root) => {
  const parse = (c) => {
    const m = c && c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(parseFloat);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1});
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05); };
  const backgrounds = (el) => {  // the possible colours under el: one, or a gradient's stops
    const chain = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) chain.unshift(n);
    let under = [{r: 255, g: 255, b: 255, a: 1}];
    const dark = document.body.classList.contains('dark')
      || document.documentElement.classList.contains('dark');
    if (dark) under = [{r: 0, g: 0, b: 0, a: 1}];
    for (const n of chain) {
      const s = getComputedStyle(n);
      const stops = (s.backgroundImage.match(/rgba?\\([^)]+\\)/g) || []).map(parse);
      if (stops.length) { under = stops.map((c) => over(c, under[0])); continue; }
      const c = parse(s.backgroundColor);
      if (c && c.a > 0) under = under.map((u) => over(c, u));
    }
    return under;
  };
  const shown = (el) => {
    if (!el.getClientRects().length) return false;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0) {
        return false;
      }
    }
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const out = [];
  const check = (el, fg, text, what) => {
    if (!fg || el.closest(':disabled, [aria-disabled="true"]')) return;
    const bgs = backgrounds(el);
    const worst = Math.min(...bgs.map((bg) => ratio(over(fg, bgs[0]), bg)));
    out.push({what, text: text.slice(0, 50), ratio: Math.round(worst * 100) / 100,
      id: (el.id || el.className || el.nodeName).toString().slice(0, 60)});
  };
  const base = document.querySelector(root) || document.body;
  for (const el of base.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE', 'svg', 'SVG', 'TITLE'].includes(el.nodeName)) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('')
      .trim();
    if (own && shown(el)) check(el, parse(getComputedStyle(el).color), own, 'text');
    if ((el.nodeName === 'TEXTAREA' || el.nodeName === 'INPUT') && el.placeholder
        && !el.value && shown(el)) {
      check(el, parse(getComputedStyle(el, '::placeholder').color), el.placeholder,
            'placeholder');
    }
  }
  return out;
}
"""

# The element's box against the viewport: fully inside, without scrolling.
IN_VIEW_JS = """
(el) => {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5
    && r.right <= innerWidth + 0.5;
}
"""


def layout_shift(page: Any) -> dict[str, Any]:
    """The layout shift measured since the page started loading (``LAYOUT_SHIFT_INIT``)."""
    return dict(page.evaluate("() => window.__phShift"))


def low_contrast(page: Any, root: str = "body", minimum: float = 4.5) -> list[dict[str, Any]]:
    """The visible texts under ``root`` whose contrast is below ``minimum``."""
    found = page.evaluate(CONTRAST_JS, root)
    assert found, f"no visible text found under {root}"
    return [f for f in found if f["ratio"] < minimum]


def in_view(locator: Any) -> bool:
    return bool(locator.evaluate(IN_VIEW_JS))
