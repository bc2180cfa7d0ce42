"""Security events in the audit trail: sign-in, sign-out and failed sign-in, each with the client address
(the audit middleware supplies it)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver

from ..audit.labels import Action
from ..audit.services import record
from .models import User


@receiver(user_logged_in, dispatch_uid="gongkai-audit-login")
def _logged_in(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    with transaction.atomic():
        record(user, Action.ACCOUNT_LOGIN, user, agency=user.agency)


@receiver(user_logged_out, dispatch_uid="gongkai-audit-logout")
def _logged_out(sender: Any, request: Any, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        with transaction.atomic():
            record(user, Action.ACCOUNT_LOGOUT, user, agency=user.agency)


@receiver(user_login_failed, dispatch_uid="gongkai-audit-login-failed")
def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    # Django masks the password in ``credentials``; only the name tried is kept.
    username = str(credentials.get("username") or "")[:150]
    target = User.objects.filter(username=username).first()
    with transaction.atomic():
        if target is not None:
            record(
                AnonymousUser(), Action.ACCOUNT_LOGIN_FAILED, target, agency=target.agency, note=f"用户名 {username}"
            )
        else:  # no such user: the entry names the attempt, not an object
            record(
                AnonymousUser(), Action.ACCOUNT_LOGIN_FAILED, User(username=username), note=f"不存在的用户名 {username}"
            )
