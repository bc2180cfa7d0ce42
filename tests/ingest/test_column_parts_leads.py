"""Table 三 cut by columns into two parts and printed by ``pdftotext`` (default mode) as each part's
rows' labels with their first cells (or none) and the rest in blocks apart, the parts' blocks
interleaved (``ingest/column_parts_leads.py``); and a Word part's row holding the figures of the
rows under it (``ingest/column_parts.py``). The old reader left these tables unread."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.read import read_report

from .holdout8 import FIXTURES


def _gold(name: str) -> dict[str, list[int]]:
    requests: dict[str, list[int]] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))["requests"]
    return requests


@pytest.mark.parametrize(
    "stem",
    [
        "w2019-a",  # labels blocks then their figures, the first part's 自然人 column after its other blocks
        "w2024-a",  # the second part's 社会公益组织 beside its labels, the rest one block (a 总计 at its end)
    ],
)
def test_parts_in_blocks_read_whole(stem: str) -> None:
    result = read_report(FIXTURES / "pdftotext" / f"{stem}~wechat.txt")
    assert result.report is not None
    assert result.report.requests == _gold(stem)
    assert any("two column parts" in u.reason_en for u in result.report.uncertain)


def test_blocks_waiting_on_each_other_undecided_cells_flagged() -> None:
    """Both parts' blocks share rows (neither readable alone): every cell read is right, the cells
    the arithmetic cannot tell apart left unknown and said in uncertain."""
    result = read_report(FIXTURES / "pdftotext" / "w2021-a~wechat.txt")
    assert result.report is not None
    gold = _gold("w2021-a")
    unknown = 0
    for key, row in result.report.requests.items():
        for c, value in enumerate(row):
            if value is None:
                unknown += 1
                assert any(u.field.startswith(f"requests.{key}") for u in result.report.uncertain)
            else:
                assert value == gold[key][c], (key, c)
    assert unknown <= 8


def test_word_part_row_holding_the_rows_under_it() -> None:
    """``（二）部分公开 38 11 0 4 2 0`` then ``1.属于国家秘密`` alone: the second three figures are the
    next row's, by the part's width."""
    result = read_report(FIXTURES / "pdftotext" / "w2021-a~wechat-word.txt")
    assert result.report is not None
    gold = _gold("w2021-a")
    for key in ("partially_granted", "denied_state_secret", "other_other", "total_processed", "carried_forward"):
        assert result.report.requests[key] == gold[key], key
