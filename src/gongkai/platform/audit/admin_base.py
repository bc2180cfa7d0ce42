"""The two kinds of Django admin page the platform allows.

* ``ServiceOnlyAdmin``: models that change only through their services (review, confidentiality scan,
  due dates, the audit trail). Admin shows them and never changes them.
* ``AuditedAdmin``: models an administrator may edit in admin (users, agencies, letter templates).
  Every addition, change (the password included) and deletion also writes a platform audit entry,
  with the values before and after, besides Django's own admin log.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from .labels import Action
from .services import _plain, record

SECRET_FIELDS = frozenset({"password", "digest"})  # their change is recorded, never their value


def _values(obj: Model) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if field.attname in SECRET_FIELDS:  # a fingerprint: a new password shows as a change, not the hash
            value = "已设置 " + hashlib.sha256(str(value).encode()).hexdigest()[:8] if value else ""
        values[field.attname] = _plain(value)
    return values


def _changed(before: dict[str, Any] | None, after: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    if before is None:
        return None, after
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


class _ReadOnly:
    """No add, change or delete in admin: the model's changes go through its services."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ServiceOnlyAdmin(_ReadOnly, admin.ModelAdmin):
    """Read only in admin: its changes go through the services."""


class ServiceOnlyInline(_ReadOnly, admin.TabularInline):
    extra = 0


class AuditedAdmin(admin.ModelAdmin):
    """Editable in admin, every change in the platform's audit trail (action ``admin.add|change|delete``).

    Django calls the ``log_*`` hooks after every successful change, from the change form, the
    password form and the bulk delete alike, so hooking them misses none.
    """

    def get_object(self, request: HttpRequest, object_id: str, from_field: Any = None) -> Any:
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:  # the values before the change, for log_change
            request._audit_before = _values(obj)  # type: ignore[attr-defined]
        return obj

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        record(request.user, Action.ADMIN_ADD, obj, after=_values(obj), note="管理后台 / Django admin")
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        before, after = _changed(getattr(request, "_audit_before", None), _values(obj))
        record(request.user, Action.ADMIN_CHANGE, obj, before=before, after=after, note="管理后台 / Django admin")
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: Iterable[Any]) -> Any:
        objects = list(queryset)
        for obj in objects:
            record(request.user, Action.ADMIN_DELETE, obj, before=_values(obj), note="管理后台 / Django admin")
        return super().log_deletions(request, objects)  # type: ignore[arg-type]  # any iterable works
