"""Command-line entry point: ``gongkai check|schema|read|render|serve|…``."""

from __future__ import annotations

from . import (
    check,  # noqa: F401  (registers its commands)
    read,  # noqa: F401  (registers its commands)
    render,  # noqa: F401  (registers its commands)
    reports,  # noqa: F401  (registers its commands)
    serve,  # noqa: F401  (registers its commands)
    worker,  # noqa: F401  (registers its commands)
)
from .app import app


def main() -> None:
    app()
