"""Sign in and out, applicants' sign-up, API tokens. Thin: the work is in services.py."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..security import rate_limited
from .forms import SignUpForm
from .models import ApiToken, Role, User
from .services import create_user, issue_token, revoke_token


@rate_limited("signup")
def signup(request: HttpRequest) -> HttpResponse:
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if User.objects.filter(username=data["username"]).exists():
            form.add_error("username", "该用户名已被使用")
        else:
            try:
                user = create_user(
                    request.user,
                    username=data["username"],
                    password=data["password"],
                    role=Role.APPLICANT,
                    display_name=data["display_name"],
                    applicant_type=data["applicant_type"],
                    phone=data["phone"],
                    email=data["email"],
                )
            except IntegrityError:
                form.add_error("username", "该用户名已被使用")
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, "注册成功。")
                return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


def _profile(request: HttpRequest, new_token: str = "") -> HttpResponse:
    tokens = ApiToken.objects.filter(user=cast(User, request.user)).order_by("-created")
    return render(request, "accounts/profile.html", {"tokens": tokens, "new_token": new_token})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return _profile(request)


@login_required
@require_POST
@rate_limited("token", per_user=True)
def new_token(request: HttpRequest) -> HttpResponse:
    _, token = issue_token(cast(User, request.user), label=request.POST.get("label", ""))
    # Shown in this response only: not in a flash message, whose cookie would carry it (signed, not secret).
    return _profile(request, new_token=token)


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=cast(User, request.user))
    revoke_token(request.user, token)
    messages.success(request, f"已撤销令牌：{token.label or '（未命名）'}")
    return redirect("accounts:profile")
