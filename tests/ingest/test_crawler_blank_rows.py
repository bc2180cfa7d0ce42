"""Crawler text of a Word table 三 leaving zero cells blank, and of table 四 printed a group a row
with thousands separators (issue 9): what the table's arithmetic decides once every row takes part."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ingest.fixture_json import read_json

HOLDOUT4 = Path(__file__).resolve().parent / "holdout4" / "fixtures"


def _gold(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((HOLDOUT4 / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


def test_label_only_rows_close_the_sums_that_cut_the_other_rows() -> None:
    # （一）予以公开 printed alone (a row of blank cells) sits inside （七）总计's sum: read as zeros
    # in the search, the first column's total decides which cut of ７２３５１８１ (72 3 5 1 | 7 23 51)
    # and of ２０２１２３ (20 2 1 | 2 0 21) the rows print.
    data = read_json(HOLDOUT4 / "crawler" / "b2022-c~bureau.txt")
    gold = _gold("b2022-c")["requests"]
    assert isinstance(gold, dict)
    requests = data["requests"]
    assert isinstance(requests, dict)
    for key, row in requests.items():
        assert all(v is None or v == e for v, e in zip(row, gold[key], strict=True)), key
        assert row[0] == gold[key][0] and row[6] == gold[key][6], key
    assert requests["other_no_correction"][0] == 72
    assert requests["granted"] == [0] * 7
    uncertain = data["uncertain"]
    assert isinstance(uncertain, list)
    doubted = {u["cell"] for u in uncertain}
    # The middle columns stay unknown: shifting a column of figures into a blank one keeps every sum.
    assert requests["new_received"][1] is None and "requests.new_received" in doubted
    assert "requests.granted" in doubted  # a row of blanks read as 0 is still a reading in doubt


def test_group_rows_of_runs_with_separators_are_cut_group_by_group() -> None:
    # 未经复议直接起诉1,3974192794182,513: two tokens for the group's five cells.
    data = read_json(HOLDOUT4 / "crawler" / "b2022-b~bureau.txt")
    gold = _gold("b2022-b")["appeals"]
    assert isinstance(gold, dict)
    appeals = data["appeals"]
    assert isinstance(appeals, dict)
    assert appeals["litigation_direct"] == gold["litigation_direct"]
    assert appeals["litigation_after_review"] == gold["litigation_after_review"]
    # 行政复议1,5404633084622,774 does not add up (1,540 + 463 + 308 + 462 = 2,773): cut where its
    # separators allow, the prose's total choosing, read as printed and named in uncertain.
    assert list(appeals["review"].values()) == [1540, 463, 308, 462, 2774]
    uncertain = data["uncertain"]
    assert isinstance(uncertain, list)
    assert "appeals.review" in {u["cell"] for u in uncertain}


def test_a_page_number_before_the_repeated_header_is_no_cell() -> None:
    # A paged document's crawler text: page 3 ends after 重复申请's row, its number (— 3 —) and
    # the table's header repeated on the next page run on; between cells it is blank, 3, blank.
    from gongkai.ingest.runon import cut_run_on

    line = (
        "三、本年度办理结果（五）不予处理1.信访举报投诉类申请01—————01 2.重复申请02—————02 — 3 — "
        "三、本年度办理结果（五）不予处理3.要求提供公开出版物———————"
    )
    pieces = cut_run_on(line)
    assert not any("— 3 —" in piece for piece in pieces)
    assert any(piece.endswith("重复申请02—————02") for piece in pieces)
    kept = "2.重复申请02 — 3 — 3.要求提供公开出版物01—————01"  # no repeated header after it
    assert any("— 3 —" in piece for piece in cut_run_on(kept))
