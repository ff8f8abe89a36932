"""The app in headless Chromium (Debian's ``/usr/bin/chromium``, no Playwright download).

What a person does in the page, checked on what the page shows: asking (by typing or by an
example), citations (in an older answer too) scrolling to their card, a reload keeping the
conversation, the dark theme's contrast (computed colours, WCAG AA), a 390 px phone, the directory
and partners, and staff errors that leave the form usable. Screenshots go to
``artifacts/screenshots/``. No script from a source ever runs: the corpus carries a document whose
title and text hold ``<script>`` and ``onerror`` payloads, and any dialog fails the test.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pagecheck import LAYOUT_SHIFT_INIT, in_view, layout_shift, low_contrast
from uiserver import XSS_TEXT, RunningApp, public_only, start_app

from ingest.manifest import source_id_for_file

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = os.environ.get("PARIS_HEALTH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
TIMEOUT_MS = 60_000


def chromium_path() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        pytest.fail(
            f"Chromium not found at {CHROMIUM} nor on PATH: install Debian's chromium "
            "(`make browser`, i.e. apt-get install -y chromium) or set PARIS_HEALTH_CHROMIUM",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    running = start_app(
        tmp_path_factory.mktemp("browser"),
        extra_documents={"zorblatt-biobank": ("zorblatt-biobank.md", XSS_TEXT)},
    )
    try:
        yield running
    finally:
        running.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def dialogs() -> list[str]:
    """The messages of every dialog (alert, confirm, prompt) the page opened."""
    return []


def open_page(
    browser: Any, app: RunningApp, dialogs: list[str], **context_options: Any
) -> tuple[Any, Any]:
    options = {"viewport": {"width": 1400, "height": 1000}, "color_scheme": "light"}
    context = browser.new_context(**{**options, **context_options})
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT_INIT)  # before the page's scripts: the whole load

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(app.url, wait_until="domcontentloaded")
    page.wait_for_selector("#ph-question textarea")
    return context, page


@pytest.fixture
def page(browser: Any, app: RunningApp, dialogs: list[str]) -> Iterator[Any]:
    context, page = open_page(browser, app, dialogs)
    try:
        yield page
    finally:
        context.close()
    assert not dialogs, f"a dialog fired, a script from a source ran: {dialogs}"


def shoot(page: Any, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


def ask(page: Any, question: str) -> None:
    box = page.locator("#ph-question textarea")
    box.fill(question)
    page.locator("#ph-send").click()


def answers_shown(page: Any) -> int:
    return int(page.locator("#ph-chatbot .message-row.bot-row, #ph-chatbot .bot-row").count())


def wait_answer(page: Any, text: str, count: int = 1) -> None:
    """Until the conversation holds ``count`` finished answers and ``text``."""
    page.wait_for_function(
        """([text, count]) => {
            const chat = document.querySelector('#ph-chatbot');
            const panel = document.querySelector('#ph-sources-panel');
            return chat && chat.innerText.includes(text) && panel
              && panel.querySelectorAll('.ph-sources').length >= count
              && !document.querySelector('#ph-chatbot .pending, #ph-sources-panel .pending');
        }""",
        arg=[text, count],
        timeout=TIMEOUT_MS,
    )
    page.wait_for_timeout(500)  # the .then() that keeps the conversation


def test_chat_in_the_browser(page: Any) -> None:
    ask(page, "Who runs high-field neuroimaging?")
    wait_answer(page, "NeuroSpin")
    panel = page.locator("#ph-sources-panel")
    first = panel.locator(".ph-doc").first
    assert first.locator(".ph-title").inner_text().strip()
    assert panel.locator("mark").count() >= 1
    # a citation links to its card in the panel, never away from the app
    links = page.locator("#ph-chatbot a[title]")
    assert links.count() >= 1
    assert all(
        h.startswith("#ph-src-")
        for h in links.evaluate_all("l => l.map(a => a.getAttribute('href'))")
    )
    shoot(page, "chat.png")


def test_example_click_sends_and_answers(page: Any) -> None:
    example = page.locator(".ph-example", has_text="Who runs high-field neuroimaging?")
    example.click()
    wait_answer(page, "NeuroSpin")
    chat = page.locator("#ph-chatbot").inner_text()
    assert "Who runs high-field neuroimaging?" in chat  # sent as the question...
    assert page.locator("#ph-question textarea").input_value() == ""  # ...and the box is clear
    assert page.locator("#ph-sources-panel .ph-source").count() >= 1
    shoot(page, "example.png")


def test_help_reply_examples_are_buttons_that_ask(page: Any) -> None:
    help_row = page.locator("#ph-help-examples")
    assert not help_row.is_visible()  # nothing before the help reply
    ask(page, "Hello! What can you help me with?")
    wait_answer(page, "Try for example")
    buttons = help_row.locator("button.ph-help-example")
    buttons.first.wait_for()
    labels = [b.strip() for b in buttons.all_inner_texts() if b.strip()]
    assert "Who is the CEO of Medicen?" in labels and len(labels) >= 3
    shoot(page, "help-examples.png")
    help_row.get_by_role("button", name="Who is the CEO of Medicen?").click()
    page.wait_for_function(
        """() => document.querySelectorAll('#ph-chatbot .user-row').length >= 2""",
        timeout=TIMEOUT_MS,
    )
    wait_answer(page, "Who is the CEO of Medicen?", count=2)
    last_question = page.locator("#ph-chatbot .user-row").last.inner_text()
    assert "Who is the CEO of Medicen?" in last_question  # sent as the question...
    assert page.locator("#ph-chatbot .bot-row").last.inner_text().strip()  # ...and answered
    assert page.locator("#ph-question textarea").input_value() == ""
    page.wait_for_function(  # the answer is not the help reply: its examples are gone...
        """(examples) => {
            const row = document.querySelector('#ph-help-examples');
            const shown = row && row.offsetParent
              ? [...row.querySelectorAll('button')].filter(b => b.offsetParent) : [];
            return shown.every(b => !examples.includes(b.innerText.trim()));
        }""",
        arg=labels,
    )  # ...the answer's own suggestions stand instead (test_suggestions_under_an_answer_ask)


def test_suggestions_under_an_answer_ask(page: Any) -> None:
    ask(page, "Which organisations work on medical imaging?")
    wait_answer(page, "NeuroSpin")
    row = page.locator("#ph-help-examples")
    buttons = row.locator("button.ph-next-question:visible")
    buttons.first.wait_for()
    labels = [b.strip() for b in buttons.all_inner_texts() if b.strip()]
    assert 2 <= len(labels) <= 3, labels
    assert "Ask next" in row.inner_text()
    texts = page.evaluate(CONTRAST_JS, ["#ph-next-label p", "#ph-help-examples button"])
    assert len(texts) == len(labels) + 1 and all(t["ratio"] >= 4.5 for t in texts), texts
    box = buttons.first.bounding_box()  # under the answer, in view, not below the fold
    assert box is not None and 0 <= box["y"] < 1000, box
    shoot(page, "suggestions.png", full_page=False)
    buttons.first.click()
    page.wait_for_function(
        """() => document.querySelectorAll('#ph-chatbot .user-row').length >= 2""",
        timeout=TIMEOUT_MS,
    )
    wait_answer(page, labels[0], count=2)
    assert labels[0] in page.locator("#ph-chatbot .user-row").last.inner_text()
    answer = page.locator("#ph-chatbot .bot-row").last.inner_text()
    assert answer.strip() and "could not find" not in answer  # answered, not declined
    assert page.locator("#ph-question textarea").input_value() == ""


def test_citation_in_an_older_answer_scrolls_to_its_card(page: Any) -> None:
    ask(page, "Who runs high-field neuroimaging?")
    wait_answer(page, "NeuroSpin")
    ask(page, "How many hospitals does AP-HP have?")
    wait_answer(page, "39", count=2)
    first_answer = page.locator("#ph-chatbot .bot-row").first
    citation = first_answer.locator("a[href^='#ph-src-']").first
    target = citation.get_attribute("href")[1:]
    card = page.locator(f"#{target}")
    # the older answer's sources are there, folded under its question
    assert card.count() == 1 and not card.is_visible()
    before = page.url
    citation.click()
    page.wait_for_function(
        """(id) => {
            const card = document.getElementById(id);
            const panel = document.querySelector('#ph-sources-panel');
            if (!card || !card.classList.contains('ph-flash')) return false;
            const c = card.getBoundingClientRect();
            let box = card.parentElement;
            while (box && box !== panel.parentElement) {
              const s = getComputedStyle(box);
              if (/(auto|scroll)/.test(s.overflowY) && box.scrollHeight > box.clientHeight) break;
              box = box.parentElement;
            }
            const v = (box || document.documentElement).getBoundingClientRect();
            return c.height > 0 && c.top >= v.top - 1 && c.top < v.bottom && c.top < innerHeight;
        }""",
        arg=target,
        timeout=10_000,
    )
    assert card.is_visible() and card.locator("mark").count() >= 1
    assert page.url == before and len(page.context.pages) == 1  # nothing opened elsewhere
    shoot(page, "citation-older-answer.png", full_page=False)


def test_a_reload_keeps_the_conversation(page: Any) -> None:
    ask(page, "How many hospitals does AP-HP have?")
    wait_answer(page, "39")
    page.reload(wait_until="domcontentloaded")
    page.wait_for_function(
        "() => document.querySelector('#ph-chatbot')?.innerText.includes('AP-HP')",
        timeout=TIMEOUT_MS,
    )
    assert "39" in page.locator("#ph-chatbot").inner_text()
    page.locator("#ph-sources-panel .ph-source").first.wait_for()
    menu = page.locator("#ph-conversations input")
    assert "AP-HP" in menu.input_value()
    # a new conversation, then the old one back from the menu
    page.locator("#ph-new").click()
    page.wait_for_function(
        "() => !document.querySelector('#ph-chatbot').innerText.includes('AP-HP')"
    )
    menu.click()
    page.get_by_role("option", name="How many hospitals does AP-HP have?").first.click()
    page.wait_for_function("() => document.querySelector('#ph-chatbot').innerText.includes('39')")
    shoot(page, "reload-keeps-conversation.png")


CONTRAST_JS = """
(selectors) => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(parseFloat);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const background = (el) => {
    for (let n = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const out = [];
  for (const sel of selectors) {
    for (const el of document.querySelectorAll(sel)) {
      if (!el.getClientRects().length || !el.innerText.trim()) continue;
      const fg = parse(getComputedStyle(el).color), bg = background(el);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      out.push({sel, text: el.innerText.trim().slice(0, 40), ratio: (hi + 0.05) / (lo + 0.05),
                bg: lum(bg)});
    }
  }
  return out;
}
"""
PANEL_TEXT = [
    "#ph-sources-panel .ph-sources-head",
    "#ph-sources-panel .ph-count",
    "#ph-sources-panel .ph-title",
    "#ph-sources-panel .ph-title a",
    "#ph-sources-panel .ph-meta span",
    "#ph-sources-panel .ph-passage",
    "#ph-sources-panel mark",
    "#ph-sources-panel summary",
    "#ph-sources-panel .ph-num",
]


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_sources_panel_contrast(
    browser: Any, app: RunningApp, dialogs: list[str], scheme: str
) -> None:
    """WCAG AA (4.5:1) for every text of the sources panel, with the browser's computed
    colours; the dark scheme is the system's (as for a person whose system is dark)."""
    context, page = open_page(browser, app, dialogs, color_scheme=scheme)
    try:
        ask(page, "Who runs high-field neuroimaging?")
        wait_answer(page, "NeuroSpin")
        ask(page, "How many hospitals does AP-HP have?")
        wait_answer(page, "39", count=2)
        page.locator("#ph-sources-panel .ph-earlier > summary").first.click()
        is_dark = page.evaluate("() => !!document.querySelector('.dark')")
        assert is_dark == (scheme == "dark")
        found = page.evaluate(CONTRAST_JS, PANEL_TEXT)
        seen = {f["sel"] for f in found}
        assert {PANEL_TEXT[0], "#ph-sources-panel .ph-passage", "#ph-sources-panel summary"} <= seen
        low = [f for f in found if f["ratio"] < 4.5]
        assert not low, low
        cards = page.evaluate(CONTRAST_JS, ["#ph-sources-panel .ph-passage"])
        if scheme == "dark":  # the cards are dark too, not white islands
            assert all(c["bg"] < 0.1 for c in cards), cards
        shoot(page, f"sources-{scheme}.png", full_page=False)
    finally:
        context.close()
    assert not dialogs


WORD_BROKEN_JS = """
() => {
  const broken = [];
  const cells = '#ph-directory .body-cell, #ph-directory td, #ph-dir-cards [data-col]';
  for (const cell of document.querySelectorAll(cells)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[\\p{L}\\p{N}]+/gu;  // a word: letters and digits (a break at "-" is fine)
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0)
                                                         .map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}
"""


def test_a_phone_starts_at_the_top(browser: Any, app: RunningApp, dialogs: list[str]) -> None:
    context, page = open_page(browser, app, dialogs, viewport={"width": 390, "height": 844})
    try:
        page.wait_for_timeout(1500)  # any autofocus would have scrolled by now
        assert page.evaluate("() => window.scrollY") == 0
        header = page.locator(".ph-header").bounding_box()
        assert header is not None and header["y"] >= 0
        assert page.get_by_role("tab", name="Chat").is_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390 + 1
        shoot(page, "mobile-chat.png", full_page=False)
    finally:
        context.close()
    assert not dialogs


COLUMNS_IN_VIEW_JS = """
() => {
  const width = window.innerWidth;
  const cards = [...document.querySelectorAll('#ph-dir-cards .ph-dir-card')];
  const columns = {};
  const outside = [];
  for (const card of cards) {
    for (const field of card.querySelectorAll('[data-col]')) {
      const column = field.dataset.col;
      columns[column] = (columns[column] || 0) + 1;
      const box = field.getBoundingClientRect();
      if (box.width === 0 || box.left < 0 || box.right > width + 1
          || field.scrollWidth > field.clientWidth + 1) {
        outside.push(`${column}: ${field.innerText}`);
      }
    }
  }
  return {cards: cards.length, columns, outside};
}
"""


CARD_TEXT = [f"#ph-dir-cards .ph-{part}" for part in ("card-name", "card-label", "card-value")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_phone_reads_every_directory_column(
    browser: Any, app: RunningApp, dialogs: list[str], scheme: str
) -> None:
    phone = {"width": 390, "height": 844}
    context, page = open_page(browser, app, dialogs, viewport=phone, color_scheme=scheme)
    try:
        page.get_by_role("tab", name="Directory").click()
        cards = page.locator("#ph-dir-cards")
        cards.get_by_text("Agoranov").first.wait_for()
        page.wait_for_timeout(500)
        assert not page.locator("#ph-directory").is_visible()  # the table gives way to cards
        seen = page.evaluate(COLUMNS_IN_VIEW_JS)
        n = seen["cards"]
        assert n > 20 and not seen["outside"], seen["outside"][:10]  # no text past the screen
        columns = seen["columns"]
        assert columns["name"] == columns["kind"] == columns["city"] == n, columns
        assert 0 < columns["website"] <= n and 0 < columns["domains"] <= n, columns
        broken = page.evaluate(WORD_BROKEN_JS)
        assert not broken, f"words broken inside: {broken[:10]}"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390 + 1
        texts = page.evaluate(CONTRAST_JS, [*CARD_TEXT, "#ph-dir-cards a"])
        assert {t["sel"] for t in texts} == {*CARD_TEXT, "#ph-dir-cards a"}
        low = [t for t in texts if t["ratio"] < 4.5]
        assert not low, low[:5]  # WCAG AA in either theme
        name = "mobile-directory.png" if scheme == "light" else "mobile-directory-dark.png"
        shoot(page, name, full_page=False)
        query = page.locator("#ph-dir-query textarea, #ph-dir-query input").first
        query.fill("curie")
        query.press("Enter")
        page.locator("#ph-dir-summary").get_by_text("organisations").wait_for()
        page.wait_for_function(  # the best match first: named so, before a description's mention
            """() => document.querySelector('#ph-dir-cards .ph-card-name')
                 ?.innerText.trim() === 'Institut Curie'""",
            timeout=TIMEOUT_MS,
        )
        assert cards.get_by_text("Appli Chimio").count() == 1
    finally:
        context.close()
    assert not dialogs


def test_markup_from_a_source_never_runs(page: Any, dialogs: list[str]) -> None:
    ask(page, "What does the Zorblatt biobank store?")
    panel = page.locator("#ph-sources-panel")
    panel.locator(".ph-source").first.wait_for()
    page.wait_for_function(
        "() => document.querySelector('#ph-sources-panel')?.innerText.includes('Zorblatt')",
        timeout=TIMEOUT_MS,
    )
    page.wait_for_timeout(1000)  # time for any onerror to fire
    text = panel.inner_text()
    assert "<script>alert(1)</script>" in text  # shown as text...
    assert "<img src=x onerror=alert(1)>" in text
    assert panel.locator("script, img").count() == 0  # ...never as elements
    chat = page.locator("#ph-chatbot")
    assert chat.locator("script, img[src='x'], a[href^='javascript']").count() == 0
    assert not dialogs, f"a script from a source ran: {dialogs}"
    shoot(page, "xss.png")


def test_directory_in_the_browser(page: Any) -> None:
    page.get_by_role("tab", name="Directory").click()
    table = page.locator("#ph-directory")
    table.get_by_text("Gustave Roussy").first.wait_for()
    assert not page.locator("#ph-dir-cards").is_visible()  # a wide screen: the table, no cards
    place = page.locator("#ph-dir-place")
    place.locator("input").click()
    options = [o.strip() for o in place.locator("li[role=option]").all_inner_texts()]
    assert options[0].endswith("Any place") and options[-1].endswith("Outside the region")
    communes = [o.lstrip("✓ ").strip() for o in options[1:-1]]
    assert communes and all(re.fullmatch(r".+ \((75|77|78|91|92|93|94|95)\)", c) for c in communes)
    assert "Villejuif (94)" in communes and not any("unknown" in c.lower() for c in communes)
    place.locator("li[role=option]", has_text="Villejuif (94)").click()
    page.locator("#ph-dir-summary").get_by_text("1 organisation", exact=True).wait_for()
    assert table.get_by_text("Gustave Roussy").count() >= 1  # the one of the town, no unknown
    place.locator("input").click()
    place.locator("li[role=option]", has_text="Any place").click()
    page.wait_for_function(  # every organisation again
        "() => /^[2-9]\\d+ organisations$/.test("
        "document.querySelector('#ph-dir-summary')?.innerText.trim())",
        timeout=TIMEOUT_MS,
    )
    query = page.locator("#ph-dir-query textarea, #ph-dir-query input").first
    query.fill("lung")
    query.press("Enter")
    summary = page.locator("#ph-dir-summary")
    summary.get_by_text("No organisation matches").wait_for()
    assert table.get_by_text("Gustave Roussy").count() == 0
    query.fill("imagerie")
    query.press("Enter")
    table.get_by_text("NeuroSpin").first.wait_for()
    assert table.locator("a[href^='http']").count() >= 1  # websites are links

    project = page.locator("#ph-project textarea")
    project.fill("asdfghjkl qwerty")
    page.locator("#ph-find-partners").click()
    page.locator("#ph-partners .ph-no-match").wait_for()
    project.fill("Our oncology lab develops AI for cancer imaging and needs clinical partners.")
    page.locator("#ph-find-partners").click()
    page.locator("#ph-partners .ph-partner").first.wait_for()
    partners = page.locator("#ph-partners")
    assert partners.locator(".ph-partner").count() >= 3
    assert "Assistance Publique" in partners.inner_text()
    assert partners.locator(".ph-why").count() == partners.locator(".ph-partner").count()
    page.wait_for_timeout(800)  # the smooth scroll
    first = partners.locator(".ph-partner").first.bounding_box()
    assert first is not None and 0 <= first["y"] < 1000, first  # scrolled into view
    shoot(page, "directory.png")


def test_feedback_on_each_answer_with_a_comment(page: Any, app: RunningApp) -> None:
    ask(page, "How many hospitals does AP-HP have?")
    wait_answer(page, "39")
    ask(page, "Who runs high-field neuroimaging?")
    wait_answer(page, "NeuroSpin", count=2)
    likes = page.locator("#ph-chatbot button[aria-label='Like']")
    assert likes.count() == 2  # thumbs on each answer
    likes.first.click()  # the older answer, not the latest
    status = page.locator("#ph-feedback-status")
    status.get_by_text("Recorded as helpful").wait_for()
    page.locator("#ph-tell-more").click()
    page.locator("#ph-comment textarea").fill("clear and cited")
    page.get_by_role("button", name="Send comment").click()
    status.get_by_text("with your comment").wait_for()
    page.locator("#ph-comment").wait_for(state="hidden")  # sent: the box closes
    page.locator("#ph-chatbot button[aria-label='Dislike']").first.click()  # a change of mind

    def rows() -> list[dict[str, Any]]:
        return [
            r
            for r in app.container.feedback.all()
            if r["question"] == "How many hospitals does AP-HP have?"
        ]

    for _ in range(50):
        if rows() and rows()[0]["rating"] == -1:
            break
        page.wait_for_timeout(100)
    found = rows()
    assert len(found) == 1, found  # one row for this answer and this browser
    assert found[0]["rating"] == -1 and found[0]["comment"] == "clear and cited"
    assert found[0]["user_id"] and found[0]["user_id"] != "api"
    shoot(page, "feedback.png", full_page=False)


def test_removal_asks_first(page: Any, app: RunningApp, tmp_path: Path) -> None:
    note = tmp_path / "lab-notes.md"
    note.write_text("# Lab notes\n\nThe Zorblatt lab studies biobanks.\n", encoding="utf-8")
    assert app.container.corpus.add_files([note]).ok
    page.get_by_role("tab", name="Staff desk").click()
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill("s3cret")
    page.locator("#ph-sign-in").click()
    listed = "() => !!document.querySelector('#ph-staff-sources')?.innerText.includes('Lab notes')"
    page.wait_for_function(listed)
    page.locator("#ph-remove-id input").click()
    page.get_by_role("option", name="Lab notes").click()  # by its title
    page.locator("#ph-remove").click()
    confirm = page.locator(".ph-confirm-text").filter(has_text="Remove")
    confirm.get_by_text("Lab notes").wait_for()
    page.locator("#ph-remove-no").click()  # cancel: nothing removed
    confirm.wait_for(state="hidden")
    assert page.evaluate(listed)
    page.locator("#ph-remove").click()
    shoot(page, "staff-confirm-removal.png", full_page=False)
    page.locator("#ph-remove-yes").click()
    report = page.locator("#ph-staff-report .ph-report")
    report.get_by_text("removed").first.wait_for()
    page.wait_for_function(
        """() => {
            const table = document.querySelector('#ph-staff-sources');
            return !!table && table.innerText.includes('medxperience-2018')
              && !table.innerText.includes('Lab notes');
        }"""
    )
    assert "lab-notes.md" not in app.added_manifest()


def test_staff_errors_leave_the_form_usable(page: Any) -> None:
    tabs = page.get_by_role("tab")
    page.get_by_role("tab", name="Staff desk").click()
    assert page.get_by_role("button", name="Refresh all sources").is_hidden()
    username, password = page.get_by_label("Username"), page.get_by_label("Password")
    username.fill("staff")
    password.fill("wrong")
    page.locator("#ph-sign-in").click()
    login_alert = page.locator("#ph-login-alert .ph-alert")
    login_alert.get_by_text("Wrong username or password").wait_for()
    assert username.is_visible() and username.is_editable() and password.is_editable()
    shoot(page, "staff-wrong-password.png", full_page=False)
    login_alert.locator(".ph-alert-close").click()  # dismissible
    assert page.locator("#ph-login-alert .ph-alert").count() == 0
    password.fill("s3cret")  # no reload
    page.locator("#ph-sign-in").click()
    refresh = page.get_by_role("button", name="Refresh all sources")
    refresh.wait_for()

    sources = page.locator("#ph-staff-sources")
    sources.get_by_text("medxperience-2018").first.wait_for()
    page.locator("#ph-url textarea, #ph-url input").first.fill("not a url")
    page.locator("#ph-add-url").click()
    page.locator("#ph-url-alert .ph-alert").get_by_text("http").wait_for()
    assert sources.get_by_text("medxperience-2018").first.is_visible()  # the table is usable
    assert "Error" not in sources.inner_text()
    refresh.click()
    report = page.locator("#ph-staff-report .ph-report")
    report.wait_for()
    assert "unchanged" in report.inner_text()
    assert tabs.count() == 3, tabs.all_inner_texts()
    shoot(page, "staff.png")


JARGON = ("ssrf", "loopback", "resolves", "127-0-0-1", "errno")
LAST_COLUMN_JS = """() => {
  const table = document.querySelector('#ph-staff-sources table');
  const heads = table.querySelectorAll('thead th');
  const box = document.querySelector('#ph-staff-sources').getBoundingClientRect();
  return {right: heads[heads.length - 1].getBoundingClientRect().right, box: box.right,
          view: document.documentElement.clientWidth, page: document.documentElement.scrollWidth,
          heads: heads.length};
}"""


def sign_in(page: Any) -> None:
    page.get_by_role("tab", name="Staff desk").click()
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill("s3cret")
    page.locator("#ph-sign-in").click()
    page.get_by_role("button", name="Refresh all sources").wait_for()


def test_staff_desk_in_plain_words_at_1366(
    browser: Any, app: RunningApp, dialogs: list[str], tmp_path: Path
) -> None:
    """A refused address said beside its field in a sentence; sources by title; no server path
    in the page; the table's last column within 1366 px."""
    note = tmp_path / "clinic-visit.md"
    note.write_text("# Clinic visit report\n\nThe Zorblatt clinic opened in Evry.\n", "utf-8")
    assert app.container.corpus.add_files([note]).ok
    context, page = open_page(browser, app, dialogs, viewport={"width": 1366, "height": 900})
    try:
        sign_in(page)
        page.locator("#ph-staff-sources").get_by_text("Clinic visit report").wait_for()
        field = page.locator("#ph-url textarea, #ph-url input").first
        alert = page.locator("#ph-url-alert .ph-alert")
        with public_only(app):  # the desk's real guard: a loopback address is refused
            field.fill("http://127.0.0.1:9/page")
            page.locator("#ph-add-url").click()
            alert.get_by_text("This address was not added").wait_for()
        sentence = alert.inner_text()
        assert "private or local network" in sentence
        assert not any(word in sentence.lower() for word in JARGON), sentence
        below, box = field.bounding_box(), alert.bounding_box()
        assert alert.is_visible() and abs(box["x"] - below["x"]) < 40  # in the field's column
        assert 0 <= box["y"] - (below["y"] + below["height"]) < 120  # just under it
        text = page.locator("body").inner_text()
        for path in (str(app.data_dir), str(tmp_path), "/files/", "clinic-visit.md\n"):
            assert path not in text, path
        assert "file clinic-visit.md" in text and "Clinic visit report" in text
        widths = page.evaluate(LAST_COLUMN_JS)
        assert widths["heads"] == 5 and widths["right"] <= min(widths["box"], 1366) + 1, widths
        assert widths["page"] <= widths["view"], widths  # nothing scrolls sideways
        shoot(page, "staff-plain-words.png", full_page=False)
    finally:
        context.close()
        app.container.corpus.remove(source_id_for_file(note))
    assert not dialogs, dialogs


def test_a_reload_keeps_the_staff_signed_in_until_sign_out(page: Any) -> None:
    sign_in(page)
    refresh = page.get_by_role("button", name="Refresh all sources")
    page.reload(wait_until="domcontentloaded")
    page.wait_for_selector("#ph-question textarea")
    page.get_by_role("tab", name="Staff desk").click()
    refresh.wait_for()  # signed in again, without the password
    assert page.get_by_label("Password").is_hidden()
    page.locator("#ph-staff-sources").get_by_text("medxperience-2018").first.wait_for()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Password").wait_for()
    page.wait_for_timeout(800)  # the browser forgets the token
    page.reload(wait_until="domcontentloaded")
    page.wait_for_selector("#ph-question textarea")
    page.get_by_role("tab", name="Staff desk").click()
    page.get_by_label("Password").wait_for()
    page.wait_for_timeout(1500)  # the page's load events have run
    assert refresh.is_hidden()


def test_a_conversation_renamed_exported_and_deleted(page: Any) -> None:
    assert page.locator("#ph-rename").is_hidden()  # no conversation yet: the first screen as was
    ask(page, "How many hospitals does AP-HP have?")
    wait_answer(page, "39")
    page.locator("#ph-rename").click()
    title = page.locator("#ph-rename-title input, #ph-rename-title textarea").first
    title.wait_for()
    assert title.input_value() == "How many hospitals does AP-HP have?"
    title.fill("AP-HP hospitals")
    page.locator("#ph-rename-yes").click()
    menu_is = "(t) => document.querySelector('#ph-conversations input')?.value === t"
    page.wait_for_function(menu_is, arg="AP-HP hospitals")
    page.locator("#ph-export").click()
    link = page.locator("#ph-export-file a").first
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    content = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename == "ap-hp-hospitals.md"
    assert content.startswith("# AP-HP hospitals\n")
    assert "**You:** How many hospitals does AP-HP have?" in content and "39" in content
    assert "Sources:" in content and "](http" in content
    page.reload(wait_until="domcontentloaded")
    page.wait_for_function(menu_is, arg="AP-HP hospitals")  # the title stays
    page.locator("#ph-delete").click()
    confirm = page.locator("#ph-delete-confirm")
    confirm.get_by_text("AP-HP hospitals").wait_for()
    page.locator("#ph-delete-no").click()  # cancel: nothing deleted
    confirm.wait_for(state="hidden")
    assert "39" in page.locator("#ph-chatbot").inner_text()
    page.locator("#ph-delete").click()
    page.locator("#ph-delete-yes").click()
    page.wait_for_function(
        "() => !document.querySelector('#ph-chatbot').innerText.includes('AP-HP')"
    )
    page.wait_for_function(menu_is, arg="")
    page.locator("#ph-export").wait_for(state="hidden")


# --- the first screen, feedback, filters and the smaller things (issue 16) --------------------

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
EXAMPLES = ".ph-example"


def settled(page: Any) -> None:
    """The first screen drawn: the examples there, then time for anything late to move."""
    page.locator(EXAMPLES).first.wait_for()
    page.wait_for_timeout(2500)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_first_screen_invites(
    browser: Any, app: RunningApp, dialogs: list[str], size: str
) -> None:
    """Without scrolling: the question box and two examples on a phone, all six on a desktop;
    the load's layout shift (PerformanceObserver, no input) below 0.1."""
    viewport = PHONE if size == "phone" else DESKTOP
    context, page = open_page(browser, app, dialogs, viewport=viewport)
    try:
        settled(page)
        shift = layout_shift(page)
        assert shift["score"] < 0.1, shift
        assert page.evaluate("() => window.scrollY") == 0
        assert in_view(page.locator("#ph-question textarea"))
        examples = page.locator(EXAMPLES)
        seen = [i for i in range(examples.count()) if in_view(examples.nth(i))]
        assert examples.count() == 6
        assert len(seen) >= (2 if size == "phone" else 6), seen
        shoot(page, f"first-screen-{size}.png", full_page=False)
    finally:
        context.close()
    assert not dialogs


def test_a_tapped_example_answers_in_view_on_a_phone(
    browser: Any, app: RunningApp, dialogs: list[str]
) -> None:
    context, page = open_page(browser, app, dialogs, viewport=PHONE)
    try:
        settled(page)
        page.locator(EXAMPLES, has_text="Who runs high-field neuroimaging?").click()
        wait_answer(page, "NeuroSpin")
        page.wait_for_timeout(800)  # the smooth scroll
        answer = page.locator("#ph-chatbot .bot-row").last
        box = answer.bounding_box()
        assert box is not None and box["height"] > 0
        assert 0 <= box["y"] < PHONE["height"] - 40, box  # the answer starts on screen
        shoot(page, "phone-example-answer.png", full_page=False)
    finally:
        context.close()
    assert not dialogs


def comments(app: RunningApp) -> list[str]:
    return [str(r.get("comment") or "") for r in app.container.feedback.all()]


def test_the_comment_box_cannot_trap(page: Any, app: RunningApp) -> None:
    """It opens only from "Tell us more", names its answer, and closes when a question is asked
    (which is answered, never kept as a comment), dismissed, or the conversation changes."""
    first = "How many hospitals does AP-HP have?"
    ask(page, first)
    wait_answer(page, "39")
    box, comment = page.locator("#ph-comment"), page.locator("#ph-comment textarea")
    more = page.locator("#ph-tell-more")
    page.locator("#ph-chatbot button[aria-label='Like']").first.click()
    more.wait_for()
    assert not box.is_visible()  # a vote alone opens nothing
    more.click()
    comment.wait_for()
    label = page.locator("#ph-comment").inner_text()
    assert "How many hospitals does AP-HP" in label, label  # it names the answer
    # a question typed while it is open: in the question box, answered, and the box closes
    ask(page, "Who runs high-field neuroimaging?")
    wait_answer(page, "NeuroSpin", count=2)
    box.wait_for(state="hidden")
    assert page.locator("#ph-chatbot .bot-row").count() == 2
    assert not any("high-field" in c for c in comments(app))  # never taken as a comment
    # dismissed
    page.locator("#ph-chatbot button[aria-label='Dislike']").last.click()
    more.click()
    assert "Who runs high-field" in page.locator("#ph-comment").inner_text()
    comment.fill("half typed")
    page.locator("#ph-dismiss").click()
    box.wait_for(state="hidden")
    assert not more.is_visible()
    # open, then a new conversation, then another conversation opened: closed each time
    page.locator("#ph-chatbot button[aria-label='Like']").last.click()
    more.click()
    comment.wait_for()
    page.locator("#ph-new").click()
    box.wait_for(state="hidden")
    menu = page.locator("#ph-conversations input")
    menu.click()
    page.get_by_role("option", name=first).first.click()
    page.wait_for_function("() => document.querySelector('#ph-chatbot').innerText.includes('39')")
    page.locator("#ph-chatbot button[aria-label='Like']").first.click()
    more.click()
    comment.wait_for()
    menu.click()
    page.get_by_role("option", name=first).first.click()  # reopened: the box closes
    box.wait_for(state="hidden")
    shoot(page, "comment-closed.png", full_page=False)


def test_filters_show_as_chips_by_the_question_box(
    browser: Any, app: RunningApp, dialogs: list[str]
) -> None:
    context, page = open_page(browser, app, dialogs, viewport=PHONE)
    try:
        settled(page)
        chips = page.locator("#ph-filter-chips")
        assert not chips.is_visible()  # no filter, no chip
        page.locator("#ph-type-filter input").click()  # below the fold on a phone
        page.get_by_role("option", name="Interview").click()
        chip = page.locator("#ph-chip-type")
        chip.wait_for()
        assert "Interview" in chip.inner_text()
        question = page.locator("#ph-question textarea")
        question.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        assert in_view(chip) and in_view(question)
        gap = abs(question.bounding_box()["y"] - chip.bounding_box()["y"])
        assert gap < 120, gap  # beside the box, not down with the menus
        shoot(page, "filter-chip.png", full_page=False)
        chip.click()  # removing the chip clears the filter
        chips.wait_for(state="hidden")
        assert page.locator("#ph-type-filter input").input_value() == "Any type"
    finally:
        context.close()
    assert not dialogs


def test_stop_titles_and_delete(page: Any) -> None:
    """Stop is disabled unless an answer runs; a long title ends in an ellipsis clear of the
    menu's arrow; Delete asks first."""
    stop = page.locator("#ph-stop")
    assert stop.is_disabled()
    long_question = (
        "Which research institutes and hospitals of the Paris Region work on oncology imaging "
        "and could host a joint laboratory?"
    )
    ask(page, long_question)
    page.wait_for_function("() => !document.querySelector('#ph-stop').disabled")  # running
    wait_answer(page, "oncology")
    page.wait_for_function("() => document.querySelector('#ph-stop').disabled")  # done
    title = page.locator("#ph-conversations input")
    page.wait_for_function(
        "() => document.querySelector('#ph-conversations input').value.length > 40"
    )
    fits = title.evaluate(
        """(el) => {
            const s = getComputedStyle(el);
            const arrow = el.parentElement.querySelector('.icon-wrap').getBoundingClientRect();
            const textEnd = el.getBoundingClientRect().right - parseFloat(s.paddingRight);
            return {ellipsis: s.textOverflow, overflow: el.scrollWidth > el.clientWidth,
                    clear: textEnd <= arrow.left + 1};
        }"""
    )
    assert fits == {"ellipsis": "ellipsis", "overflow": True, "clear": True}, fits
    page.locator("#ph-delete").click()
    confirm = page.locator(".ph-confirm")
    confirm.get_by_text("Delete").first.wait_for()
    assert "Which research institutes" in confirm.inner_text()
    page.locator("#ph-delete-no").click()  # kept
    confirm.wait_for(state="hidden")
    assert "oncology" in page.locator("#ph-chatbot").inner_text()
    page.locator("#ph-delete").click()
    page.locator("#ph-delete-yes").click()
    page.wait_for_function(
        "() => !document.querySelector('#ph-chatbot').innerText.includes('oncology')"
    )
    assert page.locator("#ph-conversations input").input_value() == ""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_of_the_chat_page_reads(
    browser: Any, app: RunningApp, dialogs: list[str], scheme: str
) -> None:
    """WCAG AA (4.5:1) for every visible text of the chat page, placeholders included: the
    header, tabs, conversation (a cited answer, a "Not found" one), feedback, chips, sources,
    footer; the colours computed by the browser against the background painted under them."""
    context, page = open_page(browser, app, dialogs, viewport=DESKTOP, color_scheme=scheme)
    try:
        settled(page)
        assert not low_contrast(page), "the first screen"
        ask(page, "Who runs high-field neuroimaging?")
        wait_answer(page, "NeuroSpin")
        ask(page, "What is the budget of the Zorblatt moon base?")
        page.locator("#ph-chatbot .ph-note").wait_for()
        wait_answer(page, "Not found", count=2)
        page.locator("#ph-chatbot button[aria-label='Like']").first.click()
        page.locator("#ph-tell-more").click()
        page.locator("#ph-comment textarea").wait_for()
        page.locator("#ph-type-filter input").click()
        page.get_by_role("option", name="Article").click()
        page.locator("#ph-chip-type").wait_for()
        page.locator("#ph-sources-panel .ph-earlier > summary").first.click()
        assert page.locator("#ph-chatbot a[href^='#ph-src-']").count() >= 1
        low = low_contrast(page)
        assert not low, low
        shoot(page, f"chat-contrast-{scheme}.png", full_page=False)
    finally:
        context.close()
    assert not dialogs
