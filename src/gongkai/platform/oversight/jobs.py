"""The one door to the oversight's background work: imports and the region's hierarchy check.

``run_job(func, *args)`` queues ``func(*args)`` on the platform's task queue (``taskqueue``:
Celery) once the current transaction commits, so the page that asked returns at once. With a broker
(``GONGKAI_BROKER_URL``) a ``gongkai worker`` process runs it; without one (the embedded platform)
Celery runs it eagerly in this process after the commit. ``here=True`` runs it in this process now
and returns its result (the command line, which shows its own progress bar).

A job is named by its function's dotted path and takes only plain arguments (ids, numbers), so a
message on the queue is all a worker needs; only the functions listed in ``JOBS`` may be named.
Every job is resumable: an import reads only its files still ``pending``, so a job handed out again
after its worker died (``acks_late``) carries on where it stopped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from ..taskqueue import app, enqueue

JOBS = frozenset(
    {
        "gongkai.platform.oversight.services.run_batch",
        "gongkai.platform.oversight.services.import_job",
        "gongkai.platform.oversight.checking.hierarchy_job",
    }
)


def job_name(func: Callable[..., Any]) -> str:
    name = f"{func.__module__}.{func.__qualname__}"
    if name not in JOBS:
        raise ValueError(f"{name} 不是后台任务 / is not a background job")
    return name


@app.task(name="gongkai.oversight.job")
def oversight_job(name: str, *args: Any) -> Any:
    """The worker's side: the named job (one of ``JOBS``) with its plain arguments."""
    if name not in JOBS:
        raise ValueError(f"{name} 不是后台任务 / is not a background job")
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)(*args)


def run_job(func: Callable[..., Any], *args: Any, here: bool = False, **kwargs: Any) -> Any:
    """Queue ``func(*args)`` after the commit (returns None), or with ``here`` run it now and return
    its result (``kwargs``, such as a progress callback, only then)."""
    name = job_name(func)
    if here:
        return func(*args, **kwargs)
    if kwargs:
        raise ValueError("只有当场运行的任务可带关键字参数 / only a job run here takes keyword arguments")
    enqueue(oversight_job, name, *args)
    return None


def start_import(batch_id: int) -> None:
    """Queue a batch's import: ``import_shards()`` jobs, each reading its share of the pending files."""
    from .services import import_job, import_shards

    shards = import_shards()
    for worker in range(shards):
        run_job(import_job, batch_id, worker, shards)
