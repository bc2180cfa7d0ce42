"""Sign in and out, applicants' sign-up, API tokens. Thin: the work is in services.py."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .forms import SignUpForm
from .models import ApiToken, Role, User
from .services import create_user


def signup(request: HttpRequest) -> HttpResponse:
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if User.objects.filter(username=data["username"]).exists():
            form.add_error("username", "该用户名已被使用")
        else:
            try:
                user = create_user(
                    request.user, username=data["username"], password=data["password"], role=Role.APPLICANT,
                    display_name=data["display_name"], applicant_type=data["applicant_type"],
                    phone=data["phone"], email=data["email"],
                )
            except IntegrityError:
                form.add_error("username", "该用户名已被使用")
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, "注册成功。")
                return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    tokens = ApiToken.objects.filter(user=cast(User, request.user)).order_by("-created")
    return render(request, "accounts/profile.html", {"tokens": tokens})


@login_required
@require_POST
def new_token(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)  # login_required
    _, token = ApiToken.issue(user, label=request.POST.get("label", "")[:100])
    messages.success(request, f"新令牌（只显示这一次）：{token}")
    return redirect("accounts:profile")
