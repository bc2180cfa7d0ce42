"""Where the shared corpus lives, and a skip that fails in CI when it is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
RAW = SHARED / "corpus" / "raw"
GOLD = SHARED / "corpus" / "gold"
SCORER = SHARED / "tools" / "score_reports.py"


def need_corpus() -> None:
    """Skip when the corpus is not here; in CI (CI=true) a missing corpus is a failure."""
    if RAW.is_dir() and GOLD.is_dir():
        return
    message = f"the shared corpus is missing: {RAW}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def raw(prefix: str) -> Path:
    need_corpus()
    return next(RAW.glob(f"{prefix}*"))


def gold(prefix: str) -> Path:
    need_corpus()
    return next(GOLD.glob(f"{prefix}*.json"))
