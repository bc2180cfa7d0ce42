"""``record``: the one way an audit entry is written (call it inside the change's transaction), of a
declared kind (``labels.Action``)."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from typing import Any

from django.db.models import Model, QuerySet

from ..accounts.models import Actor, stored_user
from .labels import Action
from .middleware import current_address
from .models import AuditEntry


def _plain(value: Any) -> Any:
    """JSON-safe form of a field value."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of ``fields`` of ``obj`` as JSON-safe data (before/after of an entry)."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def record(
    actor: Actor,
    action: Action,
    obj: Model,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
    agency: Any = None,
) -> AuditEntry:
    """Write one audit entry: ``actor`` did ``action`` to ``obj``, turning ``before`` into ``after``.

    ``actor`` may be a user, ``None`` or an anonymous user (the public form, the system clock); the
    entry then names "公众" or "系统". The client address of the request being served, if any, is kept.
    ``action`` is one of the declared kinds (``labels.Action``, each with its Chinese label); a plain
    string is refused, even one that spells a declared code.
    """
    if not isinstance(action, Action):
        raise TypeError(
            f"审计操作类型未声明：{action!r} / an audit entry names one of audit.labels.Action, "
            f"not a {type(action).__name__}"
        )
    user = stored_user(actor)
    if user is not None:
        label = str(user)
    elif actor is None:
        label = "系统"
    else:
        label = "公众"
    return AuditEntry.objects.create(
        actor=user,
        actor_label=label,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk)[:64],
        object_label=str(obj)[:300],
        agency=agency if agency is not None else getattr(obj, "agency", None),
        before=_plain(before) if before is not None else None,
        after=_plain(after) if after is not None else None,
        note=note,
        ip=current_address(),
    )


def history(obj: Model) -> QuerySet[AuditEntry]:
    """The entries about ``obj``, oldest first."""
    return (
        AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
        .order_by("at", "id")
        .select_related("actor")
    )
