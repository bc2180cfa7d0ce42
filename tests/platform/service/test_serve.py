"""``gongkai serve`` is gunicorn with the asked number of worker processes, static files come from the
app itself (collected into the data directory), and the API docs need no other host."""

from __future__ import annotations

import os
import re
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from ..live import Server

pytestmark = [pytest.mark.slow, pytest.mark.own_servers]


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_serve_runs_worker_processes_and_serves_its_own_static_files(tmp_path: Path) -> None:
    server = Server(tmp_path)
    try:
        server.start("--workers", "3", "--no-scheduler")
        assert server.process is not None
        # the CLI process is gunicorn's master: three workers forked from it (the socket answers before
        # the last one is up)
        deadline = time.monotonic() + 60
        while len(_children(server.process.pid)) < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(_children(server.process.pid)) == 3, _children(server.process.pid)
        with urllib.request.urlopen(server.url + "/api/docs", timeout=30) as response:
            page = response.read().decode()
            assert response.headers.get_all("Server") == ["gongkai"]  # one, naming no software
        assets = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert assets and all(a.startswith("/static/") for a in assets), assets
        for asset in assets:
            with urllib.request.urlopen(server.url + asset, timeout=30) as response:
                assert response.status == 200 and response.read()
        assert (tmp_path / "static" / "ninja" / "swagger-ui-bundle.js").is_file()  # collected by serve
    finally:
        server.stop()


def _accepted(pid: int, port: int) -> int:
    """How many of this server's TCP connections process ``pid`` holds open (accepted, not listening)."""
    established = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":  # 01: ESTABLISHED
                established.add(fields[9])  # the socket's inode
    held = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        held += target.startswith("socket:[") and target[8:-1] in established
    return held


def test_each_worker_takes_only_the_connections_its_threads_can_serve(tmp_path: Path) -> None:
    # The rest wait in the listening socket's one queue for whichever worker frees a thread first; one
    # worker taking a burst of clients while the other idles doubled the case list's p95 (bench/README).
    server = Server(tmp_path)
    clients: list[socket.socket] = []
    try:
        server.start("--workers", "2", "--threads", "2", "--no-scheduler")
        assert server.process is not None
        deadline = time.monotonic() + 60
        while len(_children(server.process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _children(server.process.pid)
        assert len(workers) == 2, workers
        clients = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(6)]
        time.sleep(1.5)  # silent clients: each worker accepts what it may, and waits for their requests
        assert sorted(_accepted(pid, server.port) for pid in workers) == [2, 2]
        for client in clients:
            client.close()
        with urllib.request.urlopen(server.url + "/api/docs", timeout=30) as response:
            assert response.status == 200
            assert response.headers["Connection"] == "close"  # keep-alive is the reverse proxy's job
    finally:
        for client in clients:
            client.close()
        server.stop()
