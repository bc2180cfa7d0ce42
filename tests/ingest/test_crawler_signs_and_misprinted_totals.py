"""Crawler text whose figures leave one reading only once what cannot be is set aside.

* Table 二 (2019 template) printing one figure for 行政事业性收费's two columns, a negative one
  (``行政事业性收费-1``, its 上一年项目数量 left blank): a count is never negative, so -1 is 本年增/减
  and the blank 上一年项目数量 is 0; both readings suppose a cell not printed, yet only one of
  them is a reading at all (in doubt: the row breaks the report's check, 0 items minus 1).
* Table 四 set as a row per group, one group's run no cut makes add up (``行政复议972524``, its total
  a misprint: 9 + 7 + 2 + 5 ≠ 24): every cut, for the total the prose states (行政复议24件) to pick
  out the one holding it, in doubt; the group was lost before.

Fixtures: the second and sixth hold-outs' (``tests/ingest/holdout2``, ``holdout6``).
"""

from __future__ import annotations

from typing import Any

import pytest

from .holdout2 import FIXTURES as HOLDOUT2
from .holdout6 import FIXTURES as HOLDOUT6
from .wild.scoring import _flagged, read_fixture

CLASSES = ("crawler", "crawler-nospace")


@pytest.mark.parametrize("cls", CLASSES)
def test_a_lone_negative_figure_of_two_columns_is_the_change(cls: str) -> None:
    data: dict[str, Any] = read_fixture(HOLDOUT2 / cls / "g2020-c~gazette.txt")
    assert data["active"]["fees"] == {"previous_items": 0, "change": -1}
    assert _flagged(("active", "fees", "change"), data["uncertain"])


@pytest.mark.parametrize("cls", CLASSES)
def test_a_misprinted_group_total_is_cut_where_the_prose_total_stands(cls: str) -> None:
    data: dict[str, Any] = read_fixture(HOLDOUT6 / cls / "c2024-b~bureau.txt")
    review = data["appeals"]["review"]
    assert review == {"upheld": 9, "corrected": 7, "other": 2, "pending": 5, "total": 24}
    assert _flagged(("appeals", "review", "total"), data["uncertain"])
