"""A 分散对齐 numbered label a tall cell's pdftotext flow set a piece a line (``3`` / ``. 其`` /
``他``, ``spread_labels.numbering_rejoined``), on holdout14's t2022-a Word print: alone, the ``3``
read as one figure too many in table 三's flow, which no cut of the deferred totals took."""

from __future__ import annotations

from gongkai.ingest.read import read_report
from gongkai.ingest.spread_labels import has_stop_first, numbering_rejoined

from .fixture_json import gold_json
from .holdout14 import FIXTURES


def test_an_item_number_is_joined_to_its_stop_a_line_or_two_below() -> None:
    lines = ["请", "3", "", ". 其", "", "他"]
    assert has_stop_first("\n".join(lines))
    assert numbering_rejoined(lines) == ["请", "3. 其", "", "", "", "他"]
    # a figure of two digits, or a stop before a digit (a decimal's tail), is no numbering
    assert numbering_rejoined(["12", ". 其"]) == ["12", ". 其"]
    assert not has_stop_first("56\n.05")


def test_a_word_prints_flow_with_a_spread_numbering_reads_table_three() -> None:
    report = read_report(FIXTURES / "pdftotext" / "t2022-a~wps-word.txt").report
    assert report is not None
    gold = gold_json(FIXTURES, "t2022-a")["requests"]
    assert report.requests == gold
