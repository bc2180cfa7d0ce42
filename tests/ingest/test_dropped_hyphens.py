"""Tables printing their zeros as ``-`` in ``pdftotext``'s default mode, which drops a line ending
in ``-`` as a hyphenated word's end whenever its flow goes on after it (holdout4's bureau pages):
chromium's print of table 三 a cell a line then reads as a table leaving its zeros blank
(``cell_a_line.hyphens_dropped``); a Word print of it, a cell a flow, loses only the ``-`` set
inside a wrapped label's block (``inorder``: put back where every equation holds). And table 四
set as two tables, printed column by column, each column's upper figure cut from its lower two by
the lower table's header (``appeal_columns``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.cell_a_line import hyphens_dropped, without_hyphens
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Slot

HOLDOUT4 = Path(__file__).resolve().parent / "holdout4" / "fixtures"


def _read(name: str) -> dict:
    result = read_report(HOLDOUT4 / "pdftotext" / f"{name}.txt")
    assert result.report is not None
    return json.loads(result.report.to_json())


def _gold(report: str) -> dict:
    return json.loads((HOLDOUT4 / "gold" / f"{report}.json").read_text(encoding="utf-8"))


def _row(*cells: tuple[str, int]) -> list[Token]:
    return [Token(text, f"line {line}", parse_cell(text)) for text, line in cells]


def test_hyphens_dropped_needs_a_dash_no_zero_and_short_rows() -> None:
    short = [_row(("133", 1), ("3", 2), ("14", 3), ("-", 4), ("150", 4)), _row(("2", 6), ("2", 7))]
    assert hyphens_dropped(short, 7)
    assert not hyphens_dropped([_row(("2", 6), ("2", 7)), _row(("3", 8), ("3", 9))], 7)  # no dash: blanks
    zero = [*short, _row(("0", 10), ("1", 11), ("1", 12))]
    assert not hyphens_dropped(zero, 7)  # a table printing 0 prints its zeros
    full = [_row(*((str(v), 1) for v in ("1", "-", "-", "-", "-", "-", "1")))] * 3
    assert not hyphens_dropped(full, 7)  # every cell printed
    assert without_hyphens(short[0]) == [Slot(t.value, t.where) for t in short[0] if t.text != "-"]


def test_chromium_cell_a_line_table_with_its_dashes_dropped() -> None:
    """b2023-d (chromium): ``133`` / ``3`` / ``14`` / ``- 150`` … read as a table leaving its
    zeros blank; the old reading took the line breaks for blank cells and left the rows unread."""
    got, gold = _read("b2023-d~bureau")["requests"], _gold("b2023-d")["requests"]
    for key in ("carried_over", "denied_state_secret", "denied_enforcement_file", "unavailable_needs_creation"):
        assert got[key] == gold[key], key
    # which two of the five organisation columns hold 3 and 14 the sums cannot say: left unknown
    assert got["new_received"] == [133, None, None, None, None, None, 150]


def test_word_table_missing_one_dash_put_back() -> None:
    """b2021-a (Word): 174 figures for 175 cells, （二）部分公开's 自然人 ``-`` dropped inside its
    wrapped label; put back, the whole table reads as printed, and said in ``uncertain``."""
    report = _read("b2021-a~bureau-word")
    assert report["requests"] == _gold("b2021-a")["requests"]
    assert any(u["cell"] == "requests" and "“-”未印出" in u["reason_zh"] for u in report["uncertain"])


def test_split_appeals_printed_column_by_column() -> None:
    """b2022-b: table 四 as two tables, ``结果维持`` / ``1,540`` / ``结果纠正`` / ``结果维持`` /
    ``1,397`` / ``1,511`` …: each column's three figures put back together. 行政复议's printed
    total contradicts its parts (on purpose): read as printed, said in ``uncertain``."""
    report = _read("b2022-b~bureau")
    assert report["appeals"] == _gold("b2022-b")["appeals"]
    assert any(u["cell"].startswith("appeals") for u in report["uncertain"])
