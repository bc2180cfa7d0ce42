"""The production web server: gunicorn, several worker processes, the Django WSGI application.

gunicorn because it is the plain, long-maintained WSGI server for Django on Linux: a master process
that forks workers, restarts one that dies or hangs (``timeout``), and needs no ASGI rewrite of the
platform (every view is synchronous Django). Workers are ``gthread``: each process serves a few
requests at once on threads, so one slow client (an upload over a poor line) holds a thread, not a
process. Behind a reverse proxy (nginx) the proxy buffers slow clients and terminates HTTPS; Django
reads the forwarded headers per the security settings (``GONGKAI_PROXIES``, ``GONGKAI_HTTPS``).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication


def default_workers() -> int:
    """One worker process per CPU core this process may use (threads cover waiting on the database)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class GunicornServer(BaseApplication):
    def __init__(self, application: Callable[..., Any], options: dict[str, Any]) -> None:
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if value is not None and key in self.cfg.settings:
                self.cfg.set(key, value)

    def load(self) -> Callable[..., Any]:
        return self.application


def _without_server_header(application: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            return start_response(status, [(k, v) for k, v in headers if k.lower() != "server"], exc_info)

        return application(environ, start)

    return wrapped


def run(
    host: str,
    port: int,
    workers: int,
    threads: int = 4,
    on_starting: Callable[[Any], None] | None = None,
    on_exit: Callable[[Any], None] | None = None,
) -> None:
    """Serve until stopped (SIGINT/SIGTERM: graceful). The application is loaded once, before the fork."""
    import gunicorn.http.wsgi
    from django.core.wsgi import get_wsgi_application
    from django.db import connections

    # One Server header, naming no software: gunicorn writes its own line first, so it says "gongkai"
    # and the application's (the security middleware's) is dropped rather than repeated.
    gunicorn.http.wsgi.SERVER = "gongkai"
    application = _without_server_header(get_wsgi_application())
    # The search's dictionary (jieba, ~1 s) is loaded here, once, before the fork: no worker's first
    # search waits for it. Only the server does this; tests and commands that never search do not.
    from .registry.expand import warm

    warm()
    # Everything loaded so far lives as long as the process: move it out of the garbage collector's
    # sight. A full collection walked these ~100,000 objects in 70–95 ms, stalling every thread of a
    # worker (a tail latency under load), and touching them un-shared the pages the fork shared.
    gc.collect()
    gc.freeze()
    connections.close_all()  # never share the master's database connection with the forked workers
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    options: dict[str, Any] = {
        "bind": bind,
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "backlog": 2048,
        "timeout": 120,
        "graceful_timeout": 30,
        # A worker takes no more connections than it has threads, and closes each after its response:
        # the requests it cannot start at once wait in the kernel's one queue for the listening socket,
        # taken by whichever worker frees a thread first. With gunicorn's defaults (1,000 connections a
        # worker, kept alive) one worker's accept loop could take most of 50 clients' connections in a
        # burst and keep them while the other idled: p95 over 300 ms in two runs of three (bench/README).
        # Keep-alive to browsers is the reverse proxy's job (nginx), which opens a connection per request.
        "worker_connections": threads,
        "keepalive": 0,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "preload_app": True,
        "max_requests": 10_000,
        "max_requests_jitter": 1_000,  # recycle a worker now and then (leaks)
        "on_starting": on_starting,
        "on_exit": on_exit,
    }
    GunicornServer(application, options).run()
