"""Issue 9: several rows of table 三 that pymupdf4llm set in one two-cell pipe row (labels with
each row's first figure in the first cell, the other figures row after row in the second), on the
real converter output of the 公文 hold-out set (``holdout11/fixtures``)."""

from __future__ import annotations

import pytest

from gongkai.ingest.pipe_stacked_rows import stacked_pipe_rows

from .fixture_json import gold_json
from .holdout11 import FIXTURES
from .wild.scoring import read_fixture

_ROWS = ("new_received", "carried_over", "granted", "partially_granted")


def _stacked(name: str) -> str:
    lines = (FIXTURES / "pymupdf4llm" / f"{name}.md").read_text(encoding="utf-8").split("\n")
    return next(line for line in lines if line.startswith("|") and line.count("|") == 3 and "申请数量" in line)


def test_a_stacked_row_is_set_back_as_its_rows() -> None:
    rows = stacked_pipe_rows([_stacked("c2021-a~gongwen")])
    assert len(rows) == 4
    assert rows[0].endswith("|98|14|8|0|0|0|120|")
    assert rows[3].endswith("|4|0|0|0|0|0|4|")


def test_other_pipe_rows_are_left_as_printed() -> None:
    one = "|一、本年<br>新收政府<br>申请数量<br>26|0<br>2<br>4<br>1<br>2<br>35|"  # one row: read as it is
    uneven = "|一、本年<br>26<br>二、上年<br>0|0<br>2<br>4|"  # figures no whole number per row
    figures = "|0<br>0|0<br>0<br>0<br>0|"  # no labels
    assert stacked_pipe_rows([one, uneven, figures]) == [one, uneven, figures]


@pytest.mark.parametrize("name", ["c2021-a~gongwen", "c2025-a~gongwen"])
def test_the_stacked_rows_are_read(name: str) -> None:
    requests = read_fixture(FIXTURES / "pymupdf4llm" / f"{name}.md")["requests"]
    gold = gold_json(FIXTURES, name.split("~")[0])["requests"]
    assert isinstance(requests, dict) and isinstance(gold, dict)
    for row in _ROWS:
        assert requests[row] == gold[row], row
