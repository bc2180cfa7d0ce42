"""``gongkai serve`` is gunicorn with the asked number of worker processes, static files come from the
app itself (collected into the data directory), and the API docs need no other host."""

from __future__ import annotations

import re
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
