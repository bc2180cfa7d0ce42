"""The JSON API (django-ninja): one API, one router per app, the same permission functions as pages.

Authentication: ``Authorization: Bearer <token>`` (accounts.ApiToken), tried first and needing no CSRF
token (a browser never sends it by itself), or the browser session, whose unsafe methods need the CSRF
token. Endpoints under ``/api/public/`` need no sign-in, never return personal data, and are rate limited.
Request bodies are JSON with ``Content-Type: application/json`` (``security.ApiContentTypeMiddleware``).
OpenAPI: ``/api/openapi.json``, browsable at ``/api/docs``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import Throttled
from ninja.security import APIKeyCookie, HttpBearer

from .accounts.permissions import PermissionDenied
from .errors import RuleError
from .security import TOO_MANY


class SessionAuth(APIKeyCookie):
    """The signed-in browser session; CSRF is checked on unsafe methods."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else None


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from .accounts.models import ApiToken

        found = ApiToken.objects.select_related("user").filter(digest=ApiToken.hash(token)).first()
        if found is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used=timezone.now())
        request.user = found.user
        return found.user


api = NinjaAPI(
    title="gongkai 政府信息公开平台接口",
    version="1",
    description="依申请公开、复议诉讼、年度报告的接口。权限与网页相同；个人信息只向办理机关和申请人本人提供。",
    # Token first: SessionAuth's CSRF check refuses (403) before later methods are tried, so with the
    # session first every token write failed.
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=403)


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return api.create_response(request, {"detail": TOO_MANY}, status=429)


def _bad_request(request: HttpRequest, exc: Any) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(RuleError)
def _refused(request: HttpRequest, exc: RuleError) -> HttpResponse:
    # Every app's refusal (DeskError, RegistryError …, Conflict): its status, message and code. A
    # DeskConflict is a Conflict first in its MRO, so it answers 409, not the desk's 400.
    return api.create_response(request, {"detail": str(exc), "code": exc.code}, status=exc.status)


def _register_errors() -> None:
    # Report data that does not validate (an import) is the caller's mistake too.
    from ..report.model import ReportDataError

    api.add_exception_handler(ReportDataError, _bad_request)


def _register_routers() -> None:
    # Each app contributes its router; a new app adds one line here.
    from .accounts.api import router as tokens_router
    from .agencies.api import router as agencies_router
    from .annual.api import legacy_router as annual_legacy_router
    from .annual.api import router as annual_router
    from .appeals.api import router as appeals_router
    from .desk.api import public_router
    from .desk.api import router as desk_router
    from .oversight.api import router as oversight_router
    from .portal.api import router as portal_router
    from .registry.api import router as registry_router
    from .workdays.api import router as workdays_router

    api.add_router("/tokens", tokens_router)
    api.add_router("/agencies", agencies_router)
    api.add_router("/cases", desk_router)
    api.add_router("/public", public_router)
    api.add_router("/appeals", appeals_router)
    api.add_router("/reports", annual_router)
    api.add_router("/workdays", workdays_router)
    api.add_router("/registry", registry_router)
    api.add_router("/registry/reports", annual_legacy_router)
    api.add_router("/portal", portal_router)
    api.add_router("/oversight", oversight_router)


_register_routers()
_register_errors()
