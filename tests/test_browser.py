"""The app in headless Chromium (Debian's ``/usr/bin/chromium``, no Playwright download).

Asks a question through the page, waits for the streamed answer and its sources, saves a
screenshot to ``artifacts/screenshots/``, and checks that no script from a source ever runs:
the corpus carries a document whose title and text hold ``<script>`` and ``onerror`` payloads,
and any ``alert`` dialog fails the test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from uiserver import XSS_TEXT, RunningApp, start_app

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


@pytest.fixture
def page(browser: Any, app: RunningApp, dialogs: list[str]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(app.url, wait_until="domcontentloaded")
    page.wait_for_selector("#ph-question textarea")
    try:
        yield page
    finally:
        context.close()
    assert not dialogs, f"a dialog fired, a script from a source ran: {dialogs}"


def ask(page: Any, question: str) -> None:
    box = page.locator("#ph-question textarea")
    box.fill(question)
    page.locator("#ph-send").click()


def test_chat_in_the_browser(page: Any) -> None:
    ask(page, "Who runs high-field neuroimaging?")
    panel = page.locator("#ph-sources-panel")
    panel.locator(".ph-source").first.wait_for()
    page.wait_for_function(
        "() => document.querySelector('#ph-chatbot')?.innerText.includes('NeuroSpin')",
        timeout=TIMEOUT_MS,
    )
    assert "NeuroSpin" in page.locator("#ph-chatbot").inner_text()
    first = panel.locator(".ph-source").first
    assert first.locator(".ph-title").inner_text().strip()
    assert panel.locator("mark").count() >= 1
    # the citation in the answer is a link (to the source's URL or its card)
    assert page.locator("#ph-chatbot a[title]").count() >= 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "chat.png"), full_page=True)


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
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "xss.png"), full_page=True)


def test_directory_and_staff_desk_in_the_browser(page: Any) -> None:
    tabs = page.get_by_role("tab")
    page.get_by_role("tab", name="Directory").click()
    page.locator("#ph-directory").get_by_text("Gustave Roussy").first.wait_for()
    page.locator("#ph-project textarea").fill(
        "Our oncology lab develops AI for cancer imaging and needs clinical partners."
    )
    page.locator("#ph-find-partners").click()
    page.locator("#ph-partners .ph-partner").first.wait_for()
    assert page.locator("#ph-partners .ph-partner").count() >= 3
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "directory.png"), full_page=True)

    page.get_by_role("tab", name="Staff desk").click()
    assert page.get_by_role("button", name="Refresh all sources").is_hidden()
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill("s3cret")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Refresh all sources").click()
    report = page.locator("#ph-staff-report .ph-report")
    report.wait_for()
    assert "unchanged" in report.inner_text()
    assert tabs.count() == 3, tabs.all_inner_texts()
    page.screenshot(path=str(SCREENSHOTS / "staff.png"), full_page=True)
