"""The client address of the request being served, for every audit entry written while serving it."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from ipaddress import ip_address

from django.http import HttpRequest, HttpResponse

from ..security import client_ip

_address: ContextVar[str | None] = ContextVar("gongkai_request_address", default=None)


def current_address() -> str | None:
    """The serving request's client address (None outside a request: the CLI, the clock)."""
    return _address.get()


def _valid(address: str) -> str | None:
    try:
        return str(ip_address(address))
    except ValueError:
        return None


class RequestAddressMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _address.set(_valid(client_ip(request)))
        try:
            return self.get_response(request)
        finally:
            _address.reset(token)
