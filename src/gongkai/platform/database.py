"""Where the platform keeps its data: SQLite under the data directory, or PostgreSQL by URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


class DatabaseUrlError(ValueError):
    """GONGKAI_DATABASE_URL cannot be understood."""


def data_dir() -> Path:
    """``$GONGKAI_DATA_DIR`` or ``./var``: the SQLite file, uploads and generated letters."""
    return Path(os.environ.get("GONGKAI_DATA_DIR") or Path.cwd() / "var").resolve()


def database_config(url: str | None) -> dict[str, Any]:
    """Django's DATABASES['default'] for ``url`` (postgresql://user:pw@host:port/name) or SQLite."""
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(data_dir() / "gongkai.sqlite3"),
            "OPTIONS": {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"},
            "TEST": {"NAME": ":memory:"},
        }
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
            # GONGKAI_TEST_DATABASE_SUFFIX keeps two test runs on one server apart (scripts/test sets it
            # per run); pytest-django adds _gw0, _gw1 … for its xdist workers on top.
            "TEST": {"NAME": f"test_{unquote(name)}_gongkai{os.environ.get('GONGKAI_TEST_DATABASE_SUFFIX', '')}"},
        }
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parts.path) or ":memory:"}
    raise DatabaseUrlError(
        f"不支持的数据库地址 / unsupported database URL scheme {parts.scheme!r}: use postgresql:// or sqlite://"
    )
