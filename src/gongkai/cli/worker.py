"""``gongkai worker``: the background jobs' processes.

With ``GONGKAI_BROKER_URL`` (Redis): a Celery worker taking jobs from the queue, as many as wanted on
any machine; ``--beat`` also runs the scheduler (exactly one process in the deployment should). With
no broker (the embedded platform): the periodic work on a timer, in this process — ``gongkai serve``
starts one such process itself.
"""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import Annotated

import typer

from .app import app, console


@app.command()
def worker(
    concurrency: int = typer.Option(0, "--concurrency", "-c", help="并行任务数（默认每个 CPU 核一个）/ jobs at once"),
    beat: bool = typer.Option(False, "--beat", help="同时运行定时调度（全部署只需一个）/ also run the scheduler"),
    once: bool = typer.Option(False, "--once", help="在本进程运行一次定时任务后退出（cron）/ one tick here, then exit"),
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="数据目录（默认 ./var）/ data directory")] = None,
) -> None:
    """运行后台任务进程 / run background jobs (Celery worker over GONGKAI_BROKER_URL, else the periodic timer)."""
    if data_dir is not None:
        os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
    from ..platform import setup

    setup()
    from django.conf import settings

    from ..platform.notifications import periodic
    from ..platform.server import default_workers
    from ..platform.taskqueue import TICK_SECONDS
    from ..platform.taskqueue import app as queue

    if settings.BROKER_URL and not once:
        argv = [
            "worker",
            "--loglevel",
            "INFO",
            "--concurrency",
            str(concurrency or default_workers()),
            "--pool",
            "prefork",
            "--without-gossip",
            "--without-mingle",
        ]
        if beat:
            argv += ["--beat", "--schedule", str(Path(settings.DATA_DIR) / "celerybeat-schedule")]
        queue.worker_main(argv)
        return
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    console.print(f"定时任务 / periodic work: 每 {TICK_SECONDS} 秒 every {TICK_SECONDS} s (no broker)")
    while True:
        done = periodic.tick()
        if done:
            console.print(f"[dim]{done}[/]")
        if once or stop.wait(TICK_SECONDS):
            return
