"""In a real browser, under the Content-Security-Policy: no page breaks it, inline styles still apply,
and the form behaviour that used inline handlers works from the site's own script."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _watch(page: Any) -> list[str]:
    refused: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    return refused


def test_pages_work_under_the_policy(office: dict[str, Any], login: Callable[[str], Any]) -> None:
    page = login("root")
    refused = _watch(page)
    for path in ("/", "/portal/", "/apply/", "/annual/", "/letters/templates/", "/api/docs"):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        if path != "/api/docs":
            assert "script-src 'self'" in response.headers["content-security-policy"]
            # the <style> block applies: the header has the brand colour
            assert page.eval_on_selector("header.top", "e => getComputedStyle(e).backgroundColor") == "rgb(179, 38, 30)"
    page.goto("/api/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=30_000)  # Swagger UI runs from our own files
    assert refused == []

    # the annual form (was an inline onsubmit): goes to the chosen agency's report for the year
    page.goto("/annual/")
    page.select_option("select[name=agency]", str(office["hy"].pk))
    with page.expect_navigation():
        page.click("form[data-annual-goto] button[type=submit]")
    assert f"/annual/{office['hy'].pk}/" in page.url
    # the letter templates' outcome list (was an inline onchange) reloads the chosen outcome
    page.goto("/letters/templates/")
    with page.expect_navigation():
        page.select_option("select[name=outcome]", "denied_third_party")
    assert "outcome=denied_third_party" in page.url
    assert refused == []
