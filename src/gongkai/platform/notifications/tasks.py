"""The background jobs (Celery tasks). Each is idempotent: run twice, it sends nothing twice.

``acks_late`` (settings): the broker hands a job back out when the worker that took it dies before it
finished; the job then runs again from the start, finds the messages it stored (by key) and sends only
those not sent yet.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError

from ..audit.models import AuditEntry
from ..taskqueue import app
from . import periodic
from .events import EVENTS
from .models import Message, Status
from .services import deliver, store

log = logging.getLogger("gongkai.notifications")


@app.task(name="gongkai.notify_event", autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def notify_event(entry_id: int) -> int:
    """The messages of one audit entry's event: stored once, then each delivered. Returns how many sent."""
    entry = AuditEntry.objects.filter(pk=entry_id).first()
    if entry is None or entry.action not in EVENTS:
        return 0
    messages = store(EVENTS[entry.action](entry))
    return sum(
        deliver(message) == Status.SENT for message in messages if message.status in (Status.PENDING, Status.HELD)
    )


@app.task(name="gongkai.deliver", autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def deliver_message(message_id: int) -> str:
    message = Message.objects.filter(pk=message_id).first()
    return deliver(message) if message is not None else "missing"


@app.task(name="gongkai.tick")
def tick() -> str:
    """The periodic work whose time has come (scheduled by celery beat, or the embedded timer)."""
    return periodic.tick()
