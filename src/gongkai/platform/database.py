"""Where the platform keeps its data: SQLite under the data directory, or PostgreSQL by URL.

How long the database may make a request wait (seconds, from the environment):
GONGKAI_SQLITE_BUSY_TIMEOUT (30): SQLite, waiting for the one write lock behind other writers;
GONGKAI_DB_STATEMENT_TIMEOUT (30) and GONGKAI_DB_LOCK_TIMEOUT (10): PostgreSQL's statement_timeout and
lock_timeout (0 turns one off; ``gongkai serve`` lifts the statement timeout while it migrates).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


class DatabaseUrlError(ValueError):
    """GONGKAI_DATABASE_URL (or one of the timeouts beside it) cannot be understood."""


def data_dir() -> Path:
    """``$GONGKAI_DATA_DIR`` or ``./var``: the SQLite file, uploads and generated letters."""
    return Path(os.environ.get("GONGKAI_DATA_DIR") or Path.cwd() / "var").resolve()


def database_config(url: str | None) -> dict[str, Any]:
    """Django's DATABASES['default'] for ``url`` (postgresql://user:pw@host:port/name) or SQLite."""
    if not url:
        return {**sqlite_config(str(data_dir() / "gongkai.sqlite3")), "TEST": {"NAME": ":memory:"}}
    parts = urlsplit(url)
    if parts.scheme in ("postgres", "postgresql"):
        name = parts.path.lstrip("/")
        if not name:
            raise DatabaseUrlError(f"数据库地址缺少库名 / database URL names no database: {url}")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(name),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,  # a kept connection the server dropped (restart) is replaced, not a 500
            "OPTIONS": {"options": postgresql_timeouts()},
            # GONGKAI_TEST_DATABASE_SUFFIX keeps two test runs on one server apart (scripts/test sets it
            # per run); pytest-django adds _gw0, _gw1 … for its xdist workers on top.
            "TEST": {"NAME": f"test_{unquote(name)}_gongkai{os.environ.get('GONGKAI_TEST_DATABASE_SUFFIX', '')}"},
        }
    if parts.scheme == "sqlite":
        return sqlite_config(unquote(parts.path) or ":memory:")
    raise DatabaseUrlError(
        f"不支持的数据库地址 / unsupported database URL scheme {parts.scheme!r}: use postgresql:// or sqlite://"
    )


def _seconds(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1
    if not 0 <= value <= 86_400:
        raise DatabaseUrlError(f"{name} 应为 0 到 86400 之间的秒数 / {name} must be seconds (0–86400): {raw!r}")
    return value


def sqlite_config(name: str) -> dict[str, Any]:
    """SQLite that makes concurrent writers wait their turn instead of failing.

    Django opens SQLite transactions DEFERRED: one that reads first and writes later (the public form
    reads the calendar, then inserts) must upgrade its lock, and in WAL mode that upgrade fails at once
    with "database is locked" when another connection committed meanwhile; the busy timeout is not
    even consulted. BEGIN IMMEDIATE takes the write lock at the start, so writers queue for up to the
    busy timeout while readers go on from the WAL undisturbed. synchronous=NORMAL is WAL's usual
    setting: a killed process loses no commit; only a power cut may lose the last few.
    """
    busy_ms = round(_seconds("GONGKAI_SQLITE_BUSY_TIMEOUT", 30) * 1000)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": name,
        "OPTIONS": {
            "timeout": busy_ms / 1000,
            "transaction_mode": "IMMEDIATE",
            "init_command": f"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={busy_ms};",
        },
    }


def postgresql_timeouts() -> str:
    """libpq ``options``: a stuck lock or a runaway query frees its request thread instead of holding it."""
    statement = round(_seconds("GONGKAI_DB_STATEMENT_TIMEOUT", 30) * 1000)
    lock = round(_seconds("GONGKAI_DB_LOCK_TIMEOUT", 10) * 1000)
    return f"-c statement_timeout={statement} -c lock_timeout={lock}"


def create_private_sqlite_file(config: dict[str, Any]) -> None:
    """Create the SQLite file readable by its owner only (0600) before SQLite makes it 0644 under the
    usual umask: it holds ID numbers, phones, password hashes and session keys. SQLite gives the -wal
    and -shm files the mode of the database file. An existing file keeps the mode it has."""
    name = str(config.get("NAME") or "")
    if not config.get("ENGINE", "").endswith("sqlite3") or not name or name == ":memory:" or name.startswith("file:"):
        return
    with contextlib.suppress(OSError):  # it exists, or the place is read-only: the database's error names it
        os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


@contextmanager
def without_statement_timeout(connection: Any) -> Iterator[None]:
    """Migrations and bulk loads may rightly run longer than a request may wait (PostgreSQL)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET statement_timeout")  # back to the connection's option
