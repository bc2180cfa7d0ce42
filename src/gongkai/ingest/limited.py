"""Read report files in worker processes, each file under a time and a memory limit.

One hostile or broken file must never stop a batch nor take the machine's memory (a 5 MB page
nested 500,000 deep, a DOCX that inflates to gigabytes). Each file is read by ``read_report`` in
a worker process whose address space is capped (``RLIMIT_AS``); the parent waits at most the
time limit, then kills that worker, reports the file with the reason, and starts a fresh worker
for the rest. Workers are reused from file to file, so a batch pays the start-up (a fork) once
per worker, not per file; a worker that ran out of memory is replaced, as its heap may be torn.

The same helper serves ``gongkai read`` (fork: the command is single-threaded) and the web
platform's import of an uploaded report (forkserver: a server's threads must not be forked).
"""

from __future__ import annotations

import contextlib
import copyreg
import importlib
import multiprocessing
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from gongkai.ingest.ocr import ocr_session
from gongkai.ingest.read import ReadResult, read_report
from gongkai.report.templates import Template, get_template

DEFAULT_SECONDS = 180.0  # a text report reads in well under a second; a 30-page scan by OCR, ~5 s a page, fits
_OCR_MARGIN = 2.0  # OCR stops itself this long before the parent's kill, with a message saying how far it got
DEFAULT_MEMORY = 2 * 1024**3
_TICK = 0.25  # how often the caller hears from a long wait (a progress bar redraws)
# A file's clock starts when its worker takes it, not when it is handed over: a fresh worker forked
# from a big process on a loaded machine can take seconds to start, which is not the file's doing.
# A worker that has not taken its file this long after being handed it is stuck, and is replaced.
_START_GRACE = 30.0
_TAKEN = "taken"
_PRELOAD = [
    "gongkai.ingest.read",
    "gongkai.ingest.recognise",
    "gongkai.ingest.html",
    "gongkai.ingest.docx",
    "gongkai.ingest.text",
]

# A report names its template; across the pipe it stays that one template, not a copy of it.
copyreg.pickle(Template, lambda template: (get_template, (template.id,)))


@dataclass(frozen=True)
class Limits:
    seconds: float = DEFAULT_SECONDS  # wall time per file
    memory: int = DEFAULT_MEMORY  # bytes of address space a file may add to its worker; 0: no cap

    def describe_memory(self) -> str:
        return f"{self.memory / 1024**3:g} GB" if self.memory >= 1024**3 else f"{self.memory / 1024**2:g} MB"


def over_time(path: Path, limits: Limits) -> ReadResult:
    return ReadResult(
        path,
        error_zh=f"读取超过时间上限 {limits.seconds:g} 秒，已中止",
        seconds=limits.seconds,
        error_en=f"reading took longer than the {limits.seconds:g} s limit and was stopped",
        exceeded="time",
    )


def over_memory(path: Path, limits: Limits, seconds: float, exit_code: int | None = None) -> ReadResult:
    """The file ran out of its memory allowance (or its reader died: ``exit_code``, most often that)."""
    limit = limits.describe_memory()
    if exit_code is None:
        zh = f"读取超过内存上限 {limit}，已中止"
        en = f"reading needed more than the {limit} memory limit and was stopped"
    else:
        zh = f"读取进程异常退出（退出码 {exit_code}），多半是超过了内存上限 {limit}"
        en = f"the reading process died (exit code {exit_code}), most likely over the {limit} memory limit"
    return ReadResult(path, seconds=seconds, exceeded="memory", error_zh=zh, error_en=en)


def _address_space() -> int:
    """The worker's address space now (bytes): the cap is this plus the file's allowance."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _serve(conn: Connection, memory: int, seconds: float) -> None:
    """The worker: read each path it is sent, send back its ``ReadResult``; ``None`` ends it.

    A scan read by OCR sends ``("pages", done, total)`` as it goes, and stops itself (with a message
    naming how far it got) a moment before the parent would kill it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    if memory:
        cap = _address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        conn.send((_TAKEN,))

        def pages(done: int, total: int) -> None:
            conn.send(("pages", done, total))

        with ocr_session(progress=pages, deadline=time.monotonic() + max(1.0, seconds - _OCR_MARGIN)):
            result = read_report(path)
        conn.send(result)


class _Worker:
    def __init__(self, context: Any, limits: Limits) -> None:
        ours, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, limits.memory, limits.seconds), daemon=True)
        self.process.start()
        theirs.close()
        self.conn: Connection = ours
        self.job: tuple[int, Path] | None = None
        self.started = 0.0
        self.taken = False  # the worker has the current file: its clock runs from ``started``

    def give(self, index: int, path: Path) -> None:
        self.job, self.started, self.taken = (index, path), time.monotonic(), False
        self.conn.send(str(path))

    def deadline(self, limits: Limits) -> float:
        return self.started + limits.seconds + (0.0 if self.taken else _START_GRACE)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(timeout=1)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def read_files(
    paths: Sequence[Path],
    limits: Limits | None = None,
    jobs: int = 1,
    method: str = "fork",
    on_start: Callable[[Path], None] | None = None,
    on_tick: Callable[[], None] | None = None,
    on_pages: Callable[[Path, int, int], None] | None = None,
) -> Iterator[tuple[int, ReadResult]]:
    """(index in ``paths``, result) for every file, as each finishes; never raises for a file."""
    limits = limits or Limits()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(_PRELOAD)
    else:  # what every file needs, imported once here, not again in each (replacement) worker
        for module in _PRELOAD[:2]:
            importlib.import_module(module)
    queue = deque(enumerate(paths))
    workers = [_Worker(context, limits) for _ in range(max(1, min(jobs, len(paths))))]
    try:
        while True:
            for worker in workers:
                if worker.job is None and queue:
                    index, path = queue.popleft()
                    worker.give(index, path)
                    if on_start is not None:
                        on_start(path)
            busy = [w for w in workers if w.job is not None]
            if not busy:
                return
            now = time.monotonic()
            nearest = min(w.deadline(limits) for w in busy) - now
            ready = wait([w.conn for w in busy], timeout=max(0.0, min(nearest, _TICK)))
            if on_tick is not None:
                on_tick()
            now = time.monotonic()
            for worker in busy:
                assert worker.job is not None
                index, path = worker.job
                if worker.conn in ready:
                    answer = _collect(worker, path, limits, now, on_pages)
                    if answer is None:  # OCR progress, not yet the result
                        continue
                    result, fresh = answer
                elif now >= worker.deadline(limits):
                    result, fresh = over_time(path, limits), False
                else:
                    continue
                worker.job = None
                if fresh or result.exceeded:  # killed, dead, or its heap hit the cap: a new one
                    worker.kill()
                    workers[workers.index(worker)] = _Worker(context, limits)
                yield index, result
    finally:
        for worker in workers:
            worker.stop()


def _collect(
    worker: _Worker, path: Path, limits: Limits, now: float, on_pages: Callable[[Path, int, int], None] | None = None
) -> tuple[ReadResult, bool] | None:
    """The worker's answer, or why it has none (it died); True when the worker must be replaced.
    None: the message was the worker taking the file, or OCR progress (passed to ``on_pages``): the
    result is still to come."""
    try:
        message = worker.conn.recv()
        if message == (_TAKEN,):
            worker.started, worker.taken = now, True
            return None
        if isinstance(message, tuple):
            if on_pages is not None:
                on_pages(path, message[1], message[2])
            return None
        result: ReadResult = message
    except (EOFError, OSError):
        worker.process.join(timeout=1)
        return over_memory(path, limits, now - worker.started, worker.process.exitcode), True
    if result.exceeded == "memory":
        return over_memory(path, limits, result.seconds), True
    return result, False


def read_one(path: Path, limits: Limits | None = None, method: str = "forkserver") -> ReadResult:
    """``read_report`` of one file in a worker under ``limits`` (for a server: forkserver)."""
    for _, result in read_files([path], limits, 1, method):
        return result
    raise AssertionError("read_files gave no result")  # pragma: no cover
