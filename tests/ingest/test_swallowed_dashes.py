"""Table 三's zero dashes swallowed by ``pdftotext``'s hyphenation (a line ending in ``-`` joined to
the next): flex rows whose 自然人 dash vanished into the label's next line (``swallowed_dashes``),
a page's other cells short of their dashes (``dash_tails``), pages printing several leading cells
a row with their zeros gone (``lead_pages``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.appeal_dashes import dash_readings
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token
from gongkai.ingest.swallowed_dashes import restored_groups, row_heads, row_starts
from gongkai.report.templates import TEMPLATES

HERE = Path(__file__).parent
PDFTOTEXT = HERE / "holdout9" / "fixtures" / "pdftotext"


def _gold(stem: str) -> dict[str, list[int]]:
    gold = json.loads((HERE / "holdout9" / "fixtures" / "gold" / f"{stem}.json").read_text())
    requests: dict[str, list[int]] = gold["requests"]
    return requests


def _record(labels: list[str], values: list[str]) -> Record:
    return Record(
        [Token(t, "line 1", parse_cell(t)) for t in labels], [Token(v, "line 1", parse_cell(v)) for v in values]
    )


def test_row_starts_count_rows_not_groups() -> None:
    """``1.`` … always begins a row; ``（一）`` / ``一、`` only before a row of no group (予以公开, not
    不予公开 nor 本年度办理结果)."""
    heads = row_heads(TEMPLATES["2021"])
    assert row_starts("（三）不予1.属于国家公开秘密2.其他法律", heads) == 2
    assert row_starts("量三、本年度（一）予以公开", heads) == 1
    assert row_starts("一、本年新收政府信息公开申请数量二、上年结转", heads) == 2
    assert row_starts("2021年1月1日", heads) == 0


def test_a_row_without_its_figure_gets_its_zero_back() -> None:
    """The dash of 属于国家秘密 swallowed into ``公开``: the record names two rows and prints one figure."""
    records = [
        _record(["（二）部分公开"], ["24"]),
        _record(["（三）不予 1.属于国家 公开", "秘密", "2.其他法律"], ["13"]),
    ]
    groups = restored_groups(TEMPLATES["2021"], records, lambda r: [t for t in r.values])
    assert groups is not None
    assert [[t.text for t in g] for g in groups] == [["24"], ["-"], ["13"]]


def _read(stem: str) -> tuple[dict[str, list[int | None]], list[str]]:
    result = read_report(PDFTOTEXT / f"{stem}~spa.txt")
    assert result.report is not None
    return result.report.requests, [u.cell for u in result.report.uncertain]


def test_flex_rows_with_swallowed_dashes_read_whole() -> None:
    """v2021-a: nine rows' 自然人 dashes, one of the first row's leading dashes and nine of the last
    page's other cells swallowed: table 三 read whole (it read 41 of 203 cells before)."""
    requests, _ = _read("v2021-a")
    assert requests == _gold("v2021-a")


def test_pages_of_several_leading_cells_placed_by_the_equations() -> None:
    """v2025-b: the first page prints five leading cells a row, its zero dashes gone; every cell the
    equations decide is read right, the others (1s the column sums cannot tell apart) unknown and named."""
    requests, uncertain = _read("v2025-b")
    gold = _gold("v2025-b")
    unknown = [(key, c) for key, row in requests.items() for c, v in enumerate(row) if v is None]
    assert all(v == gold[key][c] for key, row in requests.items() for c, v in enumerate(row) if v is not None)
    assert len(unknown) <= 6
    assert all(f"requests.{key}[{c}]" in uncertain for key, c in unknown)


def test_appeals_flow_short_of_a_dash() -> None:
    """Table 四's flow ``8 2 2 2 14 6 1 3 10 8 3 3 4 18``: 直接起诉's 0 swallowed. Every group adds
    up with the zero before 6, 1, 3 or 10: the groups' totals and the other groups are read, and
    v2021-a's table 四 is read where the readings agree."""
    found = dash_readings([8, 2, 2, 2, 14, 6, 1, 3, 10, 8, 3, 3, 4, 18], 15, 5)
    assert (8, 2, 2, 2, 14, 6, 1, 0, 3, 10, 8, 3, 3, 4, 18) in found
    assert all(r[:5] == (8, 2, 2, 2, 14) and r[10:] == (8, 3, 3, 4, 18) for r in found)
    result = read_report(PDFTOTEXT / "v2021-a~spa.txt")
    assert result.report is not None
    assert result.report.appeals["review"]["total"] == 14
    assert result.report.appeals["litigation_after_review"]["total"] == 18
