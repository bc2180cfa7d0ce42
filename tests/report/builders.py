"""Builders shared by the report-layer tests: the corpus gold files and balanced reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATE_2019, TEMPLATE_2021, Template
from tests.environment import GOLD as GOLD_DIR
from tests.environment import SHARED

SPEC_DIR = SHARED / "spec"


def gold_files() -> list[Path]:
    files = sorted(GOLD_DIR.glob("*.json"))
    if not files:
        pytest.fail(f"no gold files under {GOLD_DIR}: the corpus must sit beside the repository")
    return files


def gold_data(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def balanced_report(template: Template, year: int | None = None) -> Report:
    """A small report that satisfies every rule: used as the base that tests then break."""
    year = year or (2020 if template is TEMPLATE_2019 else 2023)
    report = Report.empty("测试县人民政府", year, template)
    columns = len(template.request_columns)
    outcome_keys = [row.key for row in template.outcome_rows]
    per_column = [(3, 1, 2), (1, 0, 0), (0, 0, 0), (0, 0, 0), (1, 1, 1), (2, 0, 1)]
    for c, (granted, not_held, forward) in enumerate(per_column):
        report.requests["granted"][c] = granted
        report.requests["unavailable_not_held"][c] = not_held
        report.requests["total_processed"][c] = granted + not_held
        report.requests["carried_forward"][c] = forward
        # carried over = carried forward: consecutive balanced reports also satisfy the series rules
        report.requests["carried_over"][c] = forward
        report.requests["new_received"][c] = granted + not_held
    for row in template.request_rows:
        values = report.requests[row.key]
        values[columns - 1] = sum(v or 0 for v in values[: columns - 1])
    assert outcome_keys  # the template has outcome rows
    report.appeals["review"].update(upheld=1, corrected=1, other=0, pending=1, total=3)
    if template is TEMPLATE_2021:
        report.active["normative_documents"].update(made=2, repealed=2, in_force=12)
    return report
