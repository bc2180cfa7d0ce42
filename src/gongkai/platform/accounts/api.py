"""API tokens over the API: make one with a user name and password (scripts need no browser), list
and revoke your own. Failed sign-ins here count towards the same lockout as the login page (axes)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from ..inputs import Id, Input
from ..security import ScopedThrottle
from .models import ApiToken, User
from .services import issue_token, revoke_token

router = Router(tags=["接口令牌 tokens"])


class TokenOut(Schema):
    id: int
    label: str
    created: dt.datetime
    last_used: dt.datetime | None


class NewTokenIn(Input):
    username: str = Field(max_length=150)
    password: str = Field(max_length=4096)
    label: str = Field("", max_length=100)


class NewTokenOut(TokenOut):
    token: str


@router.get("/", response=list[TokenOut], summary="我的接口令牌")
def list_tokens(request: HttpRequest) -> Any:
    return ApiToken.objects.filter(user=cast(User, request.user)).order_by("-created")


@router.post(
    "/",
    response={201: NewTokenOut},
    auth=None,
    throttle=ScopedThrottle("token"),
    summary="用用户名和密码生成接口令牌（令牌只返回这一次）",
)
def create_token(request: HttpRequest, body: NewTokenIn) -> Status[dict[str, Any]]:
    user = authenticate(request, username=body.username, password=body.password)
    if user is None or not user.is_active:
        raise HttpError(401, "用户名或密码不正确 / wrong user name or password")
    token, secret = issue_token(user, label=body.label)
    return Status(
        201, {"id": token.pk, "label": token.label, "created": token.created, "last_used": None, "token": secret}
    )


@router.delete("/{token_id}", response={204: None}, summary="撤销一个令牌（立即失效）")
def delete_token(request: HttpRequest, token_id: Id) -> Status[None]:
    token = get_object_or_404(ApiToken, pk=token_id, user=cast(User, request.user))
    revoke_token(request.user, token)
    return Status(204, None)
