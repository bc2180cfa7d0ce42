"""Crawler text whose figures leave one reading only once what cannot be is set aside.

* Table 二 (2019 template) printing one figure for 行政事业性收费's two columns, a negative one
  (``行政事业性收费-1``, its 上一年项目数量 left blank): a count is never negative, so -1 is 本年增/减
  and the blank 上一年项目数量 is 0; both readings suppose a cell not printed, yet only one of
  them is a reading at all (in doubt: the row breaks the report's check, 0 items minus 1).
* Table 四 set as a row per group, one group's run no cut makes add up (``行政复议972524``, its total
  a misprint: 9 + 7 + 2 + 5 ≠ 24): every cut, for the total the prose states (行政复议24件) to pick
  out the one holding it, in doubt; the group was lost before.

Only where the row prints fewer digits than columns (a cell must be blank): with digits enough,
a cut of the signed run may be the reading (``3 -410``: 3 -4 10), and the sign decides nothing.

Fixtures: the second, third and sixth hold-outs' (``tests/ingest/holdout2``, ``holdout3``, ``holdout6``).
"""

from __future__ import annotations

from typing import Any

import pytest

from .holdout2 import FIXTURES as HOLDOUT2
from .holdout3 import FIXTURES as HOLDOUT3
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


@pytest.mark.parametrize("cls", CLASSES)
def test_a_signed_run_with_digits_enough_for_every_column_is_not_decided_by_the_sign(cls: str) -> None:
    # 其他对外管理服务事项 3 -410 (a table leaving zeros blank): 3 -4 10 cuts the run, so reading
    # -410 as one cell and a blank 处理决定数量 is one guess among others, not the only reading.
    data: dict[str, Any] = read_fixture(HOLDOUT3 / cls / "c2019-a~county.txt")
    assert data["active"]["other_services"]["change"] in (None, -4)
    assert data["active"]["other_services"]["decisions"] in (None, 10)
