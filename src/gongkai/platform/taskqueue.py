"""The task queue: Celery, configured from ``settings`` (``CELERY_*``).

Celery because it is the maintained, widely deployed queue for Django: workers on any number of
machines over Redis (or RabbitMQ), late acknowledgement so a killed worker's job is handed out again,
retries, and a scheduler (beat) for the periodic work. With no broker (``GONGKAI_BROKER_URL`` unset)
``task_always_eager`` runs every job in the process that asks for it, so the embedded platform needs
nothing installed; the jobs themselves are the same functions either way.

Every job is idempotent: what it sends is keyed in the database (``notifications.Message.dedupe_key``),
so a job run twice — retried after a worker died, or scheduled twice — sends nothing twice.
"""

from __future__ import annotations

import os
from typing import Any

from celery import Celery
from django.db import transaction

app = Celery("gongkai")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.include = [
    "gongkai.platform.notifications.tasks",
    "gongkai.platform.letters.tasks",
    "gongkai.platform.annual.tasks",
    "gongkai.platform.oversight.jobs",
]
# The scheduler's one entry: `tick` runs every periodic job whose time has come (each idempotent).
TICK_SECONDS = int(os.environ.get("GONGKAI_TICK_SECONDS", "300"))
app.conf.beat_schedule = {"tick": {"task": "gongkai.tick", "schedule": float(TICK_SECONDS)}}


def enqueue(task: Any, *args: Any) -> None:
    """Run ``task(*args)`` once the current transaction commits (the job must see what it is about).

    Embedded (no broker), the job runs right then, in this process. A failure — of the job, or of
    Redis when queueing it (kombu retries the publish first) — is logged, never raised into the request
    that caused it: the state change itself has been committed.
    """
    transaction.on_commit(lambda: task.delay(*args), robust=True)
