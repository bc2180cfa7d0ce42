"""markitdown's narrow second part of table 三 (社会公益组织 · 法律服务机构 · 其他 · 总计): a row's 总计
set on a line of its own above its pipe row (``4200`` over ``| 366 | | 18 | 89 |``), or wrapped
in its narrow column with one piece above the row and one under it (``260`` / row / ``0``), while
the rows under it run 其他 and 总计 into one cell (``8 433``). The pieces are joined into the row's
last cell (``pipes._total_above``); the old reader left them as text and the row's 总计 unread."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.read import read_report

from .holdout8 import FIXTURES


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("w2024-a", "new_received"),  # 4200 above the row
        ("w2021-a", "new_received"),  # 520 above the row, a footnote mark ① under it
        ("w2022-a", "new_received"),  # 260 above, 0 under: 2600 wrapped around the row
        ("w2022-a", "total_processed"),  # 256 above, 2 under
    ],
)
def test_total_set_around_its_row_read(name: str, row: str) -> None:
    report = read_report(FIXTURES / "markitdown" / f"{name}~wechat.md").report
    assert report is not None
    gold = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))["requests"][row]
    assert report.requests.get(row) == gold
