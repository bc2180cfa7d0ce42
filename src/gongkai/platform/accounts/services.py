"""Making and changing users: through here, with an audit entry."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ..audit.labels import Action
from ..audit.services import record, snapshot
from ..errors import RuleError
from .models import AGENCY_ROLES, Actor, ApiToken, Role, User
from .permissions import PermissionDenied, may_administer

_FIELDS = ("username", "display_name", "role", "agency_id", "applicant_type", "is_active")


class AccountError(RuleError):
    code = "account"


def _validate(role: str, agency: Any) -> None:
    if role in AGENCY_ROLES and agency is None:
        raise AccountError(f"{Role(role).label}必须属于一个机关 / a {role} belongs to an agency")


def create_user(
    actor: Actor, *, username: str, password: str | None, role: str = Role.APPLICANT, agency: Any = None, **fields: Any
) -> User:
    """An administrator creates any user; anyone may sign up as an applicant (``actor`` anonymous)."""
    if role != Role.APPLICANT and not may_administer(actor):
        raise PermissionDenied("只有平台管理员可以设立工作人员账号 / only administrators create staff accounts")
    _validate(role, agency)
    with transaction.atomic():
        user = User(username=username, role=role, agency=agency, **fields)
        if role == Role.ADMIN:
            user.is_staff = True  # Django's admin site
            user.is_superuser = True
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        record(actor, Action.ACCOUNT_CREATE, user, after=snapshot(user, _FIELDS), agency=agency)
    return user


def ensure_admin(username: str, password: str | None, email: str = "") -> tuple[User, bool]:
    """The first administrator (``gongkai serve``): created once, left alone afterwards."""
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        user = User(
            username=username, email=email, role=Role.ADMIN, is_staff=True, is_superuser=True, display_name="平台管理员"
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        record(
            None, Action.ACCOUNT_CREATE, user, after=snapshot(user, _FIELDS), note="首个管理员 / first administrator"
        )
    return user, True


def issue_token(actor: User, label: str = "") -> tuple[ApiToken, str]:
    """A new API token for ``actor`` (the token itself is returned once, only its hash is kept)."""
    with transaction.atomic():
        token, secret = ApiToken.issue(actor, label=label[:100])
        record(actor, Action.ACCOUNT_TOKEN_CREATE, token, after={"label": token.label}, agency=actor.agency)
    return token, secret


def revoke_token(actor: Actor, token: ApiToken) -> None:
    """Its owner (or an administrator) revokes a token: it stops working at once."""
    if token.user_id != getattr(actor, "pk", None) and not may_administer(actor):
        raise PermissionDenied("只能撤销自己的令牌 / only your own tokens can be revoked")
    with transaction.atomic():
        record(
            actor,
            Action.ACCOUNT_TOKEN_REVOKE,
            token,
            before={"label": token.label, "created": token.created},
            agency=token.user.agency,
        )
        token.delete()
