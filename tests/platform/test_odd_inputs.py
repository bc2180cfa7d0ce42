"""Odd inputs never crash the platform: every URL pattern (pages and the API) is tried with odd path
and query values (huge integers, year 0 and 10000, negative offsets, NUL, very long text), anonymously
and as staff. A refusal (400, 404, 422 …) is fine; a 500 is not."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.platform.desk import services
from gongkai.platform.desk.receipt import Channel

from .conftest import APPLICANT

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"  # beyond 64 bits
ODD_INTS = ("0", "10000", HUGE)
ODD_TEXT = ("%00", "x%00y", "a" * 300, "..%2F..%2Fetc")
ODD_QUERY_VALUES = ("-1", "0", HUGE, "10000", "%00")
QUERY_NAMES = (
    "page",
    "offset",
    "limit",
    "year",
    "parent",
    "under",
    "agency",
    "q",
    "code",
    "category",
    "tab",
    "status",
    "outcome",
    "action",
    "aggregate",
    "fmt",
    "kind",
)
NORMAL = {"int": "1", "str": "x", "slug": "x", "path": "x"}
_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def _patterns(resolvers: list[Any], prefix: str = "") -> Iterator[str]:
    for entry in resolvers:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


def _routes() -> list[str]:
    routes = sorted({r for r in _patterns(get_resolver().url_patterns) if not r.startswith(("admin/", "^"))})
    assert len(routes) > 80, routes  # every app's pages and the API are there
    return routes


def _fill(route: str, odd: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        converter, name = match.group(1) or "str", match.group(2)
        return odd.get(name, "2025" if name == "year" else NORMAL.get(converter, "1"))

    return "/" + _PARAM.sub(value, route)


def _urls(route: str) -> Iterator[str]:
    params = _PARAM.findall(route)
    for converter, name in params:  # ninja's typed parameters reach Django as plain <name>: try both kinds
        for odd in ODD_INTS if converter == "int" else (*ODD_INTS, "-1", *ODD_TEXT):
            yield _fill(route, {name: odd})
    base = _fill(route, {})
    for name in QUERY_NAMES:
        for odd in ODD_QUERY_VALUES:
            yield f"{base}?{name}={odd}"


def _sweep(client: Client) -> list[str]:
    failures = []
    for route in _routes():
        for url in _urls(route):
            for method in ("get", "post") if "?" not in url else ("get",):
                response = getattr(client, method)(url)
                if response.status_code >= 500:
                    failures.append(f"{method.upper()} {url} → {response.status_code}")
    return failures


@pytest.fixture
def world(office: dict[str, Any]) -> dict[str, Any]:
    services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=dt.date(2025, 5, 6),
        applicant=APPLICANT,
        description="某文件",
    )
    return office


@pytest.mark.slow
@pytest.mark.parametrize("who", [None, "clerk", "admin"])
def test_no_odd_input_gives_a_server_error(world: dict[str, Any], who: str | None) -> None:
    client = Client(raise_request_exception=False)
    if who is not None:
        client.force_login(world[who])
    failures = _sweep(client)
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures[:80])


def test_nul_in_path_and_query_is_refused_with_400(db: Any) -> None:
    client = Client(raise_request_exception=False)
    for url in ("/portal/%00/", "/api/public/track/%00", "/track/?code=" + quote("\x00"), "/?q=a%00"):
        assert client.get(url).status_code == 400, url
