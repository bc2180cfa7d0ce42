"""Crawler text whose runs leave one cut once a fact of the layout is read.

* Table 二 printed with its columns in the page's own order (``对外公开总数量`` first): the usual
  relation of a row (本年新制作数 = 本年新公开数) is tested on the fields, whatever their order
  (``规范性文件20514141``: 2051 41 41); it was only tested in the template's order before.
* Table 二's 政府集中采购 printed amount first under a header naming 元: an amount in 元 has at
  most two decimals (分), so ``667.6035`` is 667.60 yuan and 35 projects (it was read as
  667.6035 yuan and no project).
* Table 四 with a group whose printed total contradicts its parts (``80191626142``: 80 + 19 + 16 +
  26 = 141): the cut whose parts come nearest the total is taken (not 8019 1 6 … nor 80 191 …),
  in doubt; the group was left unknown before.
* Table 四 whose run leaves two cuts adding up alike (``10613 20``: 10 6 1 3 or 1 0 6 13) where the
  prose counts the cases not yet closed (尚未审结的9件案件): the cut whose 尚未审结 cells hold that
  figure, in doubt.

Every such reading is named in ``uncertain``. Fixtures: the hold-outs' (``tests/ingest/holdout``,
``holdout4``).
"""

from __future__ import annotations

from typing import Any

import pytest

from .holdout import FIXTURES as HOLDOUT
from .holdout4 import FIXTURES as HOLDOUT4
from .wild.scoring import _flagged, read_fixture

CLASSES = ("crawler", "crawler-nospace")


@pytest.mark.parametrize("cls", CLASSES)
def test_the_usual_relation_holds_for_columns_printed_in_another_order(cls: str) -> None:
    data: dict[str, Any] = read_fixture(HOLDOUT4 / cls / "b2020-c~bureau.txt")
    row = data["active"]["normative_documents"]
    assert row == {"new_made": 41, "new_published": 41, "total_published": 2051}
    assert _flagged(("active", "normative_documents", "new_made"), data["uncertain"])


@pytest.mark.parametrize("cls", CLASSES)
def test_an_amount_in_yuan_ends_two_decimals_after_its_point(cls: str) -> None:
    data: dict[str, Any] = read_fixture(HOLDOUT4 / cls / "b2020-c~bureau.txt")
    assert data["active"]["procurement"] == {"projects": 35, "amount_yuan": 667.6}
    assert _flagged(("active", "procurement", "projects"), data["uncertain"])


@pytest.mark.parametrize("cls", CLASSES)
def test_a_group_contradicting_its_total_is_cut_nearest_it(cls: str) -> None:
    data: dict[str, Any] = read_fixture(HOLDOUT / cls / "h2021-c~province.txt")
    direct = data["appeals"]["litigation_direct"]
    assert direct == {"upheld": 80, "corrected": 19, "other": 16, "pending": 26, "total": 142}
    assert _flagged(("appeals", "litigation_direct", "upheld"), data["uncertain"])


@pytest.mark.parametrize("cls", CLASSES)
def test_the_prose_count_of_cases_not_yet_closed_picks_the_cut(cls: str) -> None:
    data: dict[str, Any] = read_fixture(HOLDOUT4 / cls / "b2022-c~bureau.txt")
    review = data["appeals"]["review"]
    assert review == {"upheld": 10, "corrected": 6, "other": 1, "pending": 3, "total": 20}
    assert _flagged(("appeals", "review", "pending"), data["uncertain"])
