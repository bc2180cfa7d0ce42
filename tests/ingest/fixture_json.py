"""A fixture read as the tests compare it: the report JSON a fixture file reads into, and a
fixture's gold. One copy, for the tests that read whole fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gongkai.ingest.read import read_report


def read_json(path: Path) -> dict[str, Any]:
    """The report read from the fixture ``path`` as its JSON data; the test fails where the
    reader refused the file."""
    result = read_report(path)
    assert result.report is not None, result.error
    data: dict[str, Any] = json.loads(result.report.to_json())
    return data


def gold_json(fixtures: Path, report: str) -> dict[str, Any]:
    """The gold of ``report`` in a set's ``fixtures`` folder (``fixtures/gold/<report>.json``)."""
    data: dict[str, Any] = json.loads((fixtures / "gold" / f"{report}.json").read_text(encoding="utf-8"))
    return data
