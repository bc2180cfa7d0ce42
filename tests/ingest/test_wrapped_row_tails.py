"""A row's figures wrapped digit over digit in narrow cells (``ingest/wrapped_row_tails.py``), on
the real holdout4 fixture: ``pdftotext``'s default mode prints b2024-e's Word table a fragment a
line, ``４４６ ３９`` … ``１３ ７８`` / ``１`` / ``４`` for 446 39 10 158 0 131 784. Where the rows
cannot be cut apart by their figures alone, each row's label still finds them and its sum joins
the tails back; a row two joinings satisfy is left open, both readings named."""

from __future__ import annotations

from gongkai.ingest.numbers import CellKind, CellValue
from gongkai.ingest.read import read_report
from gongkai.ingest.row_reading import Slot
from gongkai.ingest.wrapped_row_tails import wrapped_tail_readings
from gongkai.report.equations import requests_bound

from .fixture_json import gold_json
from .holdout4 import FIXTURES


def _slots(*lines: str) -> list[Slot]:
    return [
        Slot(CellValue(CellKind.NUMBER, int(text), digits=text), f"line {i}")
        for i, line in enumerate(lines)
        for text in line.split()
    ]


def test_tails_join_heads_on_earlier_lines_where_the_sum_holds() -> None:
    check = requests_bound("2021").row_check("granted")
    found = wrapped_tail_readings(_slots("446 39", "10", "158 0", "13 78", "1", "4"), 7, check)
    assert [r.values for r in found] == [(446, 39, 10, 158, 0, 131, 784)]
    # no tail on a line of its own: nothing wrapped
    assert not wrapped_tail_readings(_slots("446 39 10 158 0 13 78 1 4"), 7, check)
    # a 0 is no head (``0`` over ``3`` is no count), though 1 3 0 0 0 0 4 would add up
    assert not wrapped_tail_readings(_slots("1 0 0 0 0 0 4", "3"), 7, check)


def test_a_word_prints_wrapped_rows_read_by_their_labels() -> None:
    report = read_report(FIXTURES / "pdftotext" / "b2024-e~bureau-word.txt").report
    assert report is not None
    gold = gold_json(FIXTURES, "b2024-e")["requests"]
    for key in ("granted", "denied_enforcement_file"):
        assert report.requests[key] == gold[key]
    # 270 over 3 or 0 over 270's line: the row alone adds up both ways; since ``wrapped_stream``
    # the whole table's equations choose the joining (the table named in ``uncertain``)
    assert report.requests["new_received"] == gold["new_received"]
    assert any(d.cell.startswith("requests") for d in report.uncertain)


def test_a_row_keeping_its_sum_either_way_joined_where_the_table_chooses() -> None:
    """holdout14's t2023-a (``pdftotext -layout``): a full-width ``１６`` wrapped digit over digit,
    the row ``１ ０ ０ ０ ０ ０ １`` over ``６ … ６``; the row's sum holds as printed (1 = 1) and
    joined (16 = 16), so the line fixers leave it and the record gives the row the tails' line.
    The joinings are offered beside the drops of its surplus zeros; the column balances choose."""
    from .holdout14 import FIXTURES as HOLDOUT14

    report = read_report(HOLDOUT14 / "pdftotext-layout" / "t2023-a~wps.txt").report
    assert report is not None
    gold = gold_json(HOLDOUT14, "t2023-a")["requests"]
    assert report.requests["new_received"] == gold["new_received"] == [16, 0, 0, 0, 0, 0, 16]
    doubt = next(d for d in report.uncertain if d.cell == "requests.new_received")
    assert "joined" in doubt.reason_en
