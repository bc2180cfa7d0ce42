"""The shared corpus files by name (paths and the CI rule live in ``tests/environment.py``)."""

from __future__ import annotations

from pathlib import Path

from tests.environment import GOLD, RAW, SCORER, SHARED, need_corpus

__all__ = ["GOLD", "RAW", "SCORER", "SHARED", "gold", "need_corpus", "raw"]


def raw(prefix: str) -> Path:
    need_corpus()
    return next(RAW.glob(f"{prefix}*"))


def gold(prefix: str) -> Path:
    need_corpus()
    return next(GOLD.glob(f"{prefix}*.json"))
