"""Table 四 leaving zeros blank, set by markitdown as pipe tables of its own (``appeal_cells``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.read import read_report

HOLDOUT5 = Path(__file__).parent / "holdout5" / "fixtures"


def _read(name: str) -> tuple[dict[str, dict[str, int | None]], dict[str, dict[str, int]], dict[str, str]]:
    report = read_report(HOLDOUT5 / "markitdown" / f"{name}.md").report
    assert report is not None
    gold = json.loads((HOLDOUT5 / "gold" / f"{name.split('~')[0]}.json").read_text(encoding="utf-8"))
    doubts = {u.cell: u.reason_en for u in report.uncertain or []}
    return report.appeals, gold["appeals"], doubts


def test_litigation_row_read_under_its_header_cells() -> None:
    # ``| 结果维持 | … | 总计 结果维持 | … | 总计 |`` over ``|  | … | 1 | 1 | 2 |``: nine cells each,
    # two titles in one cell (a blank one: both 0). 行政复议's header (twelve cells) and its row
    # (nine, another table) decide nothing: left unknown.
    appeals, gold, doubts = _read("t2020-b~township")
    assert appeals["litigation_direct"] == gold["litigation_direct"]
    assert appeals["litigation_after_review"] == gold["litigation_after_review"]
    assert set(appeals["review"].values()) == {None}
    assert "under the header cell above it" in doubts["appeals.litigation_after_review"]
    assert "do not fit" in doubts["appeals.review"]


def test_review_row_read_under_its_header_cells() -> None:
    # ``| 结果维持 | 结果纠正 |  | 其他结果 | 尚未审结 | 总计 |`` over ``|  |  |  |  | 1 | 1 |``
    appeals, gold, doubts = _read("t2020-b~township-word")
    assert appeals["review"] == gold["review"]
    assert "under the header cell above it" in doubts["appeals.review"]


def test_wrapped_titles_joined_and_a_lone_figure_under_two_titles_left_open() -> None:
    # 行政诉讼's titles wrapped over three lines, two to a cell (``结果维 结果纠`` / ``持 正``; 总计
    # set between 结果维 and 持), over ``|  | … | 1 | 1 2 |``: 1 under 结果纠正 and 其他结果 stays
    # open (either fits), 1 2 under 尚未审结 and 总计 (stacked) is placed by the group's sum.
    appeals, gold, doubts = _read("t2020-b~township-word")
    assert appeals["litigation_direct"] == gold["litigation_direct"]
    after = appeals["litigation_after_review"]
    assert after == {**gold["litigation_after_review"], "corrected": None, "other": None}
    assert "left unknown" in doubts["appeals.litigation_after_review"]


HOLDOUT16 = Path(__file__).parent / "holdout16" / "fixtures"


def test_half_tables_stacked_in_one_grid_with_spare_cells_read_under_their_header_cells() -> None:
    # pymupdf4llm of a browser print: 行政复议's titles at cells 1 3 5 8 11 of a twelve-cell grid
    # over ``|6||1||1|||3|||11||``, a row of blank cells, then 行政诉讼's ten titles over their row,
    # all one pipe table: the twelve cells are no fifteen columns (padded, no group added up)
    name = "b2021-a~portal"
    report = read_report(HOLDOUT16 / "pymupdf4llm" / f"{name}.md").report
    assert report is not None
    gold = json.loads((HOLDOUT16 / "gold" / f"{name.split('~')[0]}.json").read_text(encoding="utf-8"))
    assert report.appeals == gold["appeals"]
    doubts = {u.cell: u.reason_en for u in report.uncertain or []}
    assert "under the header cell above it" in doubts["appeals.review"]
