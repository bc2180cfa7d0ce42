"""A pipe table's header row whose spanned cells pymupdf4llm wrote once per grid column they span
(``|三、…||（一）予以公开|（一）予以公开|728|728|40|18|18|`` over ``||（二）部分公开…||286||10|5||``):
the repeats read blank where the rows under it leave their columns blank (``pipe_repeats``). The
old reader kept every repeat as a cell, the row too wide for its columns, and left it unread."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.pipe_repeats import repeated_spans
from gongkai.ingest.read import read_report

from .holdout8 import FIXTURES


@pytest.mark.parametrize(("name", "row"), [("w2022-a", "granted"), ("w2021-a", "denied_state_secret")])
def test_header_row_with_repeated_spans_read(name: str, row: str) -> None:
    report = read_report(FIXTURES / "pymupdf4llm" / f"{name}~wechat.md").report
    assert report is not None
    gold = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))["requests"][row]
    assert report.requests.get(row) == gold
    assert not [d for d in report.uncertain if d.cell == f"requests.{row}"]


def test_equal_figures_in_a_filled_column_kept() -> None:
    """Equal neighbours in columns the rows below fill are the table's own figures (18|18)."""
    lines = ["|a|b|18|18|", "|---|---|---|---|", "|x||1|2|", "|y||3|4|", "|z||5|6|"]
    cells = [line[1:-1].split("|") for line in lines]
    assert repeated_spans(lines, [0, 2, 3, 4], [cells[0], *cells[2:]]) == {}
    spanned = ["|a|b|18|18|", "|---|---|---|---|", "|x||1||", "|y||3||", "|z||5||"]
    cells = [line[1:-1].split("|") for line in spanned]
    assert repeated_spans(spanned, [0, 2, 3, 4], [cells[0], *cells[2:]]) == {}  # one pair: not shown
    spanned = ["|a|7|7|18|18|", "|---|---|---|---|---|", "|x|1||2||", "|y|3||4||", "|z|5||6||"]
    cells = [line[1:-1].split("|") for line in spanned]
    assert repeated_spans(spanned, [0, 2, 3, 4], [cells[0], *cells[2:]]) == {0: ["a", "7", "", "18", ""]}
