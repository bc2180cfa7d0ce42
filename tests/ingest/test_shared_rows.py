"""Two rows of a table 二 item whose figures pdftotext printed together (``ingest/shared_rows.py``),
on the thirteenth hold-out's box-drawn Word prints (``holdout13/generate.py``)."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.read import read_report

from .holdout13 import FIXTURES


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("p2019-a", ("regulations", "normative_documents", "licensing", "other_services", "punishment", "coercion")),
        ("p2024-a", ("regulations", "normative_documents")),
    ],
)
def test_a_rows_surplus_figures_are_the_next_rows_and_doubted(name: str, rows: tuple[str, ...]) -> None:
    """``规章 │ 24 │ 24 │ 118 │ 0 │ 6 │`` / ``规范性文件 │ 2 │``: 规章 [24, 24, 118], 规范性文件
    [2, 0, 6]; both rows in ``uncertain`` (nothing checks them)."""
    result = read_report(FIXTURES / "pdftotext" / f"{name}~pre-word.txt")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))
    doubted = {u["cell"] for u in read["uncertain"]}
    for row in rows:
        assert read["active"][row] == gold["active"][row], row
        assert all(f"active.{row}.{key}" in doubted for key in read["active"][row]), row
