"""Where the tests find what lives outside the repository, and how they treat what is missing.

One place for the shared corpus path (``../shared`` beside the repository) and for the rule
"skip locally, fail in CI": a developer without chromium or LibreOffice still runs the rest, but
in CI (``CI=true``) nothing may be skipped for want of a service — ``conftest.py`` at the top of
``tests/`` turns any skip in CI into a failure as well.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RAW = SHARED / "corpus" / "raw"
GOLD = SHARED / "corpus" / "gold"
SCORER = SHARED / "tools" / "score_reports.py"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(reason: str) -> NoReturn:
    """Skip the test here; fail it in CI, where every service must be present."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true requires it)")
    pytest.skip(reason, allow_module_level=True)  # also from a module that cannot run without it


def need_corpus() -> None:
    if not (RAW.is_dir() and GOLD.is_dir()):
        missing(f"the shared corpus is missing: {RAW}")


def need_tool(*names: str) -> str:
    """The path of the first of ``names`` installed, or skip (locally) / fail (CI) without it."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    missing(f"{' / '.join(names)} is not installed (Debian packages of scripts/install)")
