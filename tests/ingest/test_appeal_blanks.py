"""Table 四 whose zeros are printed blank, in ``pdftotext``'s flow (``appeal_blanks``): a township's
Word table (fifth hold-out, ``t2020-b``) keeps only ``1 1`` / ``1 1 2`` of its fifteen cells. The
figures are placed in printed order where every group adds up and the prose's totals (行政复议1件，
行政诉讼2件) hold: the cells all placings agree on are read, the others are unknown with their
values as alternatives; before, table 四 was left unread with no alternatives."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.read import read_report

from .holdout5 import FIXTURES


@pytest.mark.parametrize("name", ["t2020-b~township", "t2020-b~township-word"])
def test_blank_zero_table_four_reads_what_every_placing_agrees_on(name: str) -> None:
    result = read_report(FIXTURES / "pdftotext" / f"{name}.txt")
    assert result.report is not None
    gold = json.loads((FIXTURES / "gold" / "t2020-b.json").read_text(encoding="utf-8"))["appeals"]
    appeals = result.report.appeals
    assert appeals["review"]["total"] == gold["review"]["total"] == 1
    doubts = {u.cell: u for u in result.report.uncertain}
    for group, cells in appeals.items():
        for field, value in cells.items():
            if value is None:  # undecided: the gold value is among the alternatives offered
                assert [gold[group][field]] in (doubts[f"appeals.{group}.{field}"].alternatives or [])
            else:
                assert value == gold[group][field]
    # which group of lawsuits holds 1 1 2 no order of the flow tells: both totals stay unknown
    assert appeals["litigation_direct"]["total"] is None and appeals["litigation_after_review"]["total"] is None
