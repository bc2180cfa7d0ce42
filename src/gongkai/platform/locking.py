"""One change at a time per record: the services' guard against lost updates.

A page or API call loads a case (or an item, an appeal) and the service checks its state, then
changes it. Two clerks, or one double click, doing this at once would both pass the check and both
write: the record keeps the last change while the audit trail shows every one. So each service,
inside its transaction, calls ``lock_unchanged(obj, fields)`` before it writes: the row is read again
and locked until the transaction ends (PostgreSQL: SELECT … FOR UPDATE; SQLite: the IMMEDIATE
transaction already holds the database's one write lock), and if it is no longer what the caller
checked, the change is refused with a ``Conflict`` (HTTP 409 in the API, a message on the page).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Model

from .errors import RuleError

M = TypeVar("M", bound=Model)


class Conflict(RuleError):
    """The record is not, or no longer, in the state the step needs: someone changed it first (HTTP 409).
    Each app mixes in its own error class (DeskConflict is a DeskError), so the pages that show that
    app's errors show this one too."""

    code = "conflict"
    status = 409


def locked(model: type[M], pk: Any) -> M:
    """``model``'s row ``pk``, read again and locked until the transaction ends."""
    if not connection.in_atomic_block:
        raise RuntimeError("locked() outside a transaction would lock nothing / call it inside transaction.atomic()")
    return model._default_manager.select_for_update().get(pk=pk)


def _state(obj: Model, fields: Iterable[str]) -> dict[str, Any]:
    """The fields' stored values (a relation by its id, without fetching the related row)."""
    state = {}
    for name in fields:
        try:
            attname = obj._meta.get_field(name).attname  # type: ignore[union-attr]
        except FieldDoesNotExist:
            attname = name
        state[name] = getattr(obj, attname)
    return state


def lock_unchanged(obj: M, fields: Iterable[str], conflict: type[Conflict] = Conflict) -> M:
    """Lock ``obj``'s row and make sure ``fields`` (and ``updated_at``, which every save moves) are
    still what ``obj`` holds, i.e. what the caller checked; raise ``conflict`` otherwise."""
    names = list(fields)
    if hasattr(obj, "updated_at") and "updated_at" not in names:
        names.append("updated_at")
    fresh = locked(type(obj), obj.pk)
    if _state(fresh, names) != _state(obj, names):
        status = getattr(fresh, "get_status_display", None)
        now = f"（当前状态：{status()}）" if status is not None else ""
        raise conflict(
            f"“{fresh}”刚刚已被他人修改{now}，本次操作未执行，请刷新页面查看后再操作 / "
            f"{type(obj).__name__} {obj.pk} was changed by someone else meanwhile; nothing was done: "
            "reload and try again"
        )
    return fresh
