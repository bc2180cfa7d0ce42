"""A table printed with its left edge cut off by the page (``pdf_rules.clipped_left_edge``).

The nineteenth hold-out's page floats its 760px article beside a left nav; chromium prints it wider
than the page, and the tables' left border falls beyond the page's edge. Only the rules' thin end
caps are left there, so the label column was no cell: each table found was figures without
labels, the labels lines of text beside it, and two prints were refused (no statutory tables).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.ingest.pdf_rules import clipped_left_edge

from .holdout19 import FIXTURES
from .wild.scoring import read_fixture


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", ["d2020-a", "d2023-a"])
def test_a_print_cut_at_its_left_edge_is_read_with_its_labels(name: str) -> None:
    read = read_fixture(FIXTURES / "pdf" / f"{name}~district.pdf")
    gold = _gold(name)
    for part in ("active", "requests", "appeals"):
        assert read[part] == gold[part]


def _edge(x0: float, x1: float, top: float, bottom: float, kind: str) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "orientation": kind}


def test_a_drawn_left_border_or_rules_away_from_the_edge_add_nothing() -> None:
    rows = [_edge(14.0, 300.0, y, y, "h") for y in (100.0, 120.0, 140.0)]
    caps = [_edge(14.0, 14.0, y, y + 0.8, "v") for y in (100.0, 120.0, 140.0)]
    inner = [_edge(170.0, 170.0, 100.0, 140.0, "v")]
    added = clipped_left_edge(rows, caps + inner)
    assert [(e["x0"], e["top"], e["bottom"]) for e in added] == [(14.0, 100.0, 140.0)]
    border = [_edge(14.0, 14.0, 100.0, 140.0, "v")]
    assert clipped_left_edge(rows, border + inner) == []
    inset = [{**h, "x0": 72.0} for h in rows]
    assert clipped_left_edge(inset, caps + inner) == []


def test_pdfplumbers_engine_also_keeps_the_label_column() -> None:
    """Pages pdfium cannot place the rules of go through pdfplumber's finder: the same rule."""
    import pdfplumber

    from gongkai.ingest.pdf_page import RawTable, plumber_items

    with pdfplumber.open(FIXTURES / "pdf" / "d2023-a~district.pdf") as pdf:
        items = plumber_items(pdf.pages[1], 1)
    cells = [cell.text for item in items if isinstance(item.what, RawTable) for cell in item.what.cells]
    assert "规章" in cells and "行政规范性文件" in cells
