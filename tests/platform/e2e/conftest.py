"""Browser end-to-end tests: Playwright driving Debian's chromium against pytest-django's live server.

The platform's conftest (one level up) configures Django and gives ``tree``, ``make_user`` and
``office``. Here: the browser (never downloaded: /usr/bin/chromium), one fresh context per role,
screenshots of every open page when a test fails, and a way to pin the desk's "today" so that
due dates can be checked against the real 2020 calendar.

Missing chromium skips these tests with the reason, except in CI (``CI=true``) where it fails.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.environment import missing

# Playwright's sync API keeps an asyncio loop in the test thread; Django would then refuse the ORM
# calls the tests make between browser steps. Nothing here is actually concurrent.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(os.environ.get("GONGKAI_E2E_SCREENSHOTS") or Path(tempfile.gettempdir()) / "gongkai-e2e")
TIMEOUT_MS = 30_000  # LibreOffice makes the PDF letters; a slow CI machine needs the margin


class _Chromium:
    """One Playwright and one chromium per test process. Playwright's sync API allows one at a time in a
    thread, and other test folders import these fixtures (each import is a fixture of its own)."""

    playwright: Any = None
    browser: Any = None

    @classmethod
    def start(cls) -> Any:
        if cls.browser is None:
            from playwright.sync_api import sync_playwright

            cls.playwright = sync_playwright().start()
            cls.browser = cls.playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
        return cls.browser

    @classmethod
    def stop(cls) -> None:
        if cls.browser is not None:
            cls.browser.close()
            cls.playwright.stop()
            cls.browser = cls.playwright = None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} 不存在：浏览器测试需要 Debian 的 chromium（./scripts/install）/ chromium is not installed"
        missing(reason)
    yield _Chromium.start()
    _Chromium.stop()


@pytest.fixture
def open_page(request: pytest.FixtureRequest, browser: Any, live_server: Any) -> Iterator[Callable[[], Any]]:
    """``open_page()`` → a page in a new browser context (its own cookies: one person each)."""
    contexts: list[Any] = []
    failures_before = request.session.testsfailed

    def make() -> Any:
        context = browser.new_context(base_url=live_server.url, accept_downloads=True, locale="zh-CN")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    if request.session.testsfailed > failures_before:  # this test failed (setup or call)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-120:]
        for c, context in enumerate(contexts):
            for p, page in enumerate(context.pages):
                path = SCREENSHOTS / f"{name}-{c}-{p}.png"
                try:
                    page.screenshot(path=str(path), full_page=True)
                except Exception:  # a crashed page: the failure itself says more
                    continue
                print(f"screenshot: {path}")
    for context in contexts:
        context.close()


@pytest.fixture
def login(open_page: Callable[[], Any]) -> Callable[[str], Any]:
    """``login(username)`` → a page signed in as that user (test users' passwords are ``pw-<name>``)."""

    def sign_in(username: str) -> Any:
        page = open_page()
        page.goto("/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "pw-" + username)
        with page.expect_navigation():
            page.click("form.card button[type=submit]")
        assert "/accounts/login/" not in page.url, f"{username} could not sign in: {page.inner_text('main')}"
        return page

    return sign_in


class DeskDay:
    """The desk's "today", pinned (services.today is what every rule and page asks)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from gongkai.platform.desk import services

        self.day: dt.date | None = None
        monkeypatch.setattr(services, "today", lambda: self.day or dt.date.today())

    def set(self, day: dt.date) -> None:
        self.day = day


@pytest.fixture
def desk_day(monkeypatch: pytest.MonkeyPatch) -> DeskDay:
    return DeskDay(monkeypatch)


def fill_form(page: Any, form: str, values: dict[str, str]) -> None:
    """Fill the fields of ``form`` (a CSS selector) by name; selects by value; then submit it."""
    for name, value in values.items():
        field = page.locator(f"{form} [name='{name}']")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    with page.expect_navigation():  # every form here answers with a new page (post → redirect → get)
        page.locator(f"{form} button[type=submit]").click()
