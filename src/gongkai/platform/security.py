"""Web hardening shared by every app: the client's address, response headers, rate limits, the lockout page.

The address comes from ``REMOTE_ADDR`` unless ``GONGKAI_PROXIES`` says how many reverse proxies in front
of the platform may be believed about ``X-Forwarded-For`` (a client can write that header itself).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from ninja.throttling import SimpleRateThrottle

# Pages use inline styles (style="…", <style>) but no inline script: scripts come from our own files.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)


def client_ip(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    """The client's address: the ``GONGKAI_PROXIES``-th address from the right of X-Forwarded-For when
    that many proxies are trusted, else the socket's address. (Also axes' AXES_CLIENT_IP_CALLABLE.)"""
    remote = str(request.META.get("REMOTE_ADDR") or "")
    proxies = int(getattr(settings, "GONGKAI_PROXIES", 0) or 0)
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    if proxies <= 0 or not forwarded:
        return remote
    addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
    return addresses[-min(proxies, len(addresses))] if addresses else remote


class SecurityHeadersMiddleware:
    """Content-Security-Policy on HTML pages, Permissions-Policy everywhere, and a Server header that
    names no software version (WSGI servers keep an application's own Server header)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Only HTML: a CSP on a PDF response stops some browsers' built-in viewers.
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response["Server"] = "gongkai"
        return response


class OddInputMiddleware:
    """A NUL character in the path or the query string is refused with 400: no page needs one, and
    PostgreSQL cannot even compare it (a 500 from every lookup it reached)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, vs in request.GET.lists() for v in vs):
            return HttpResponseBadRequest(
                "请求中含有不允许的字符 / the request contains a NUL character",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class ApiContentTypeMiddleware:
    """A request body sent to the API must be JSON (or a multipart upload) and say so. A cross-origin page
    can POST ``text/plain`` without a CORS preflight; the public API would otherwise parse it as JSON."""

    ACCEPTED = ("application/json", "multipart/form-data")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.path.startswith("/api/")
            and request.method not in ("GET", "HEAD", "OPTIONS")
            and _content_length(request) > 0
            and request.content_type not in self.ACCEPTED
        ):
            from django.http import JsonResponse

            return JsonResponse(
                {
                    "detail": "请求内容须为 JSON（Content-Type: application/json）/ "
                    "the request body must be JSON sent as application/json"
                },
                status=415,
            )
        return self.get_response(request)


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 1  # unreadable: treat as a body


def static_files_handler(application: Any) -> Any:
    """Django's static-file handler for ``gongkai serve``, answering 400 (not 500) when a path tries to
    climb out of the static folders (SuspiciousFileOperation escapes the handler otherwise)."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.exceptions import SuspiciousOperation
    from django.core.handlers.exception import response_for_exception

    class Handler(StaticFilesHandler):
        def get_response(self, request: HttpRequest) -> Any:
            try:
                return super().get_response(request)
            except SuspiciousOperation as error:
                return response_for_exception(request, error)

    return Handler(application)


# -- rate limits -------------------------------------------------------------------------------------------


class ScopedThrottle(SimpleRateThrottle):
    """django-ninja's throttle keyed by scope and client address, its rate read from GONGKAI_RATES when
    the request arrives (so a deployment or a test can change it)."""

    def __init__(self, scope: str, *, per_user: bool = False) -> None:
        self.scope_name = self.scope = scope
        self.per_user = per_user
        super().__init__(rate="1/s")  # placeholder; the real rate is read in allow_request

    def get_cache_key(self, request: HttpRequest) -> str | None:
        user: Any = getattr(request, "auth", None) or getattr(request, "user", None)
        ident = f"user-{user.pk}" if self.per_user and getattr(user, "is_authenticated", False) else client_ip(request)
        return self.cache_format % {"scope": self.scope_name, "ident": ident}

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = settings.GONGKAI_RATES[self.scope_name]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


TOO_MANY = "请求过于频繁，请稍后再试 / too many requests, please try again later"


def rate_limited(scope: str, *, methods: tuple[str, ...] = ("POST",), per_user: bool = False) -> Callable[..., Any]:
    """A page view decorator: more than the scope's rate of ``methods`` requests from one client answers 429."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in methods:
                throttle = ScopedThrottle(scope, per_user=per_user)
                if not throttle.allow_request(request):
                    return render(request, "429.html", {"message": TOO_MANY}, status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any) -> HttpResponse:
    """axes' lockout answer: a Chinese page (or JSON for the API) saying when to try again."""
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    message = (
        f"登录失败次数过多，账号已暂时锁定，请 {minutes} 分钟后再试 / "
        f"too many failed sign-ins: locked for {minutes} minutes"
    )
    if request.path.startswith("/api/"):
        from django.http import JsonResponse

        return JsonResponse({"detail": message}, status=429)
    return render(request, "429.html", {"message": message}, status=429)
