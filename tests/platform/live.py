"""A real ``gongkai serve`` on 127.0.0.1 over a database of its own, and a small HTTP client that
signs in like a browser (session cookie, CSRF token). For the concurrency tests and
``bench/reliability.py``: concurrency needs a real database file or server and real connections,
which the in-memory test database cannot give.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import gongkai

SOURCE = Path(gongkai.__file__).resolve().parents[1]  # the server runs the code under test, not an installed copy
POSTGRES_URL = os.environ.get("GONGKAI_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
DEMO_PASSWORD = "gongkai-demo"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def postgres_reachable(url: str = POSTGRES_URL) -> str | None:
    """None when PostgreSQL answers at ``url``, else why not."""
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
    except Exception as error:
        return str(error)
    return None


@contextlib.contextmanager
def fresh_postgres_database(prefix: str = "gongkai_live") -> Iterator[str]:
    """A new, empty database on the test server (dropped on leaving); yields its URL."""
    import psycopg

    parts = urlsplit(POSTGRES_URL)
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _gongkai(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from gongkai.cli import main; sys.argv[0] = 'gongkai'; main()", *args]


@dataclass
class Server:
    """``gongkai serve`` in ``data_dir`` (SQLite there, or ``database_url``), on a free loopback port."""

    data_dir: Path
    database_url: str | None = None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "GONGKAI_DATA_DIR": str(self.data_dir),
            "GONGKAI_SECRET_KEY": "live-tests-only",
            "PYTHONPATH": os.pathsep.join([str(SOURCE), os.environ.get("PYTHONPATH", "")]),
        }
        # Every request comes from 127.0.0.1: the public rate limits (10 applications an hour per address)
        # would refuse a load test, which measures concurrency, not throttling.
        env.update({f"GONGKAI_RATE_{scope}": "1000000/m" for scope in ("APPLY", "PUBLIC", "SIGNUP", "TOKEN")})
        env.pop("GONGKAI_DATABASE_URL", None)
        env.pop("GONGKAI_DEBUG", None)  # production behaviour: plain 500 pages
        if self.database_url:
            env["GONGKAI_DATABASE_URL"] = self.database_url
        return env

    def fill_demo(self) -> None:
        """Migrate and fill the demo data (agencies, the demo users with DEMO_PASSWORD, a year of cases)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            _gongkai("demo", "--no-serve", "--admin-password", "live-admin"),
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            # a year of cases for every demo office: about 2 minutes on 2 busy cores, so 300 s
            # failed the concurrency tests on a loaded machine while the platform was fine
            timeout=900,
        )

    def start(self, *options: str) -> None:
        """Start ``gongkai serve`` (with ``options``, e.g. ``--workers 2``) and wait until it answers."""
        log = (self.data_dir / "serve.log").open("ab")
        self.process = subprocess.Popen(
            _gongkai("serve", "--host", "127.0.0.1", "--port", str(self.port), "--no-input", *options),
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gongkai serve stopped (exit {self.process.returncode}): "
                    f"{(self.data_dir / 'serve.log').read_text(errors='replace')[-2000:]}"
                )
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"gongkai serve did not answer on port {self.port}")
            time.sleep(0.2)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Read the server's database directly (``%s`` placeholders on both)."""
        if self.database_url:
            import psycopg

            with psycopg.connect(self.database_url) as conn:
                return list(conn.execute(sql, params).fetchall())
        with contextlib.closing(sqlite3.connect(self.data_dir / "gongkai.sqlite3", timeout=30)) as conn:
            return list(conn.execute(sql.replace("%s", "?"), params).fetchall())


@contextlib.contextmanager
def running(data_dir: Path, database: str) -> Iterator[Server]:
    """A demo-filled server on ``database`` ("sqlite" or "postgresql", a fresh database of its own)."""
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(fresh_postgres_database()) if database == "postgresql" else None
        server = Server(data_dir, url)
        server.fill_demo()
        server.start()
        stack.callback(server.stop)
        yield server


class Browser:
    """One visitor: a cookie jar, the CSRF token, a fresh connection per request."""

    def __init__(self, base: str, timeout: float = 60) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.cookies: dict[str, str] = {}
        self.timeout = timeout

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        sent = dict(headers or {})
        body: bytes | None = None
        if json_body is not None:
            body, sent["Content-Type"] = json.dumps(json_body).encode(), "application/json"
        elif form is not None:
            body, sent["Content-Type"] = urlencode(form).encode(), "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method not in ("GET", "HEAD") and "csrftoken" in self.cookies:
            sent.setdefault("X-CSRFToken", self.cookies["csrftoken"])
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie: SimpleCookie = SimpleCookie(header)
                for name, morsel in cookie.items():
                    self.cookies[name] = morsel.value
            return response.status, data
        finally:
            conn.close()

    def form_token(self, path: str) -> str:
        """GET a page with a form: its csrfmiddlewaretoken (and the csrftoken cookie)."""
        status, page = self.request("GET", path)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or found is None:
            raise RuntimeError(f"{path}: HTTP {status}, no form token")
        return found.group(1).decode()

    def login(self, username: str, password: str = DEMO_PASSWORD) -> None:
        token = self.form_token("/accounts/login/")
        status, _ = self.request(
            "POST", "/accounts/login/", form={"csrfmiddlewaretoken": token, "username": username, "password": password}
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login {username}: HTTP {status}")

    def api(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        status, data = self.request(method, path, json_body=body)
        try:
            return status, json.loads(data)
        except ValueError:
            return status, data.decode(errors="replace")
