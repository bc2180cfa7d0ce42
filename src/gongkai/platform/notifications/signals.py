"""Every state change writes an audit entry (``audit.services.record``); the entries of the events
that someone must hear of start a notification job once the change commits. The services of the
desk, the registry and the appeals are not touched: the audit trail is the one event stream."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from ..audit.models import AuditEntry
from ..taskqueue import enqueue
from .events import EVENTS


@receiver(post_save, sender=AuditEntry, dispatch_uid="notifications.audit_entry")
def _entry_written(sender: Any, instance: AuditEntry, created: bool, **kwargs: Any) -> None:
    if created and instance.action in EVENTS:
        from .tasks import notify_event

        enqueue(notify_event, instance.pk)
