"""A row of table 三 printed in pieces around its wrapped label, read where the equations allow
one order of its figures (``ingest/row_pieces.py``, ``pdftotext`` default mode)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token
from gongkai.ingest.row_pieces import read_row_pieces
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES

FIXTURES = Path(__file__).parent / "holdout3" / "fixtures"
_GOLD = json.loads((FIXTURES / "gold" / "c2020-b.json").read_text(encoding="utf-8"))["requests"]
_ROW = "partially_granted"  # 267 69 0 71 24 0 431 in the gold


def _token(text: str, line: int, part: int = 0) -> Token:
    return Token(text, f"line {line} part {part}" if part else f"line {line}", parse_cell(text))


def _read(pieces: tuple[list[str], list[str]]) -> tuple[Report, Evidence]:
    """Table 三 (2019) row by row, but the row ``_ROW``: its label's first line with a figure, a
    line of two more, the label's second line, then a figure a line; every other row already read."""
    template = TEMPLATES["2019"]
    report = Report.empty("某局", 2020, template, fill=None)
    records: list[Record] = []
    line = 10
    for row in template.request_rows:
        line += 1
        if row.key != _ROW:
            report.requests[row.key] = list(_GOLD[row.key])
            records.append(
                Record(
                    [_token(row.full_label, line)], [_token(str(v), line, j + 1) for j, v in enumerate(_GOLD[row.key])]
                )
            )
            continue
        head, rest = pieces
        values = [_token(head[0], line, 2)] + [_token(v, line + 1, j + 1) for j, v in enumerate(head[1:])]
        records.append(Record([_token("(二)部分公开（区分处理的，", line, 1)], values))
        line += 2
        records.append(
            Record([_token("只计这一情形，不计其他情", line)], [_token(v, line + 1 + j) for j, v in enumerate(rest)])
        )
        line += 1 + len(rest)
    evidence = Evidence()
    read_row_pieces(template, records, report, evidence)
    return report, evidence


def test_the_one_order_the_equations_allow_is_read() -> None:
    report, evidence = _read((["267", "0", "431件"], ["69件", "0件", "71件", "24件"]))
    assert report.requests[_ROW] == _GOLD[_ROW]
    assert [u.cell for u in evidence.uncertain] == [f"requests.{_ROW}"]


def test_pieces_no_order_of_which_holds_are_left_unread() -> None:
    report, evidence = _read((["267", "0", "431件"], ["69件", "0件", "71件", "25件"]))  # a contradiction
    assert report.requests[_ROW] == [None] * 7
    assert not evidence.uncertain
    report, _ = _read((["267", "0", "431件"], ["69件", "0件", "71件"]))  # a figure lost
    assert report.requests[_ROW] == [None] * 7


def test_a_county_page_printing_a_row_around_its_wrapped_label_is_read() -> None:
    result = read_report(FIXTURES / "pdftotext" / "c2020-b~county.txt")
    assert result.report is not None
    assert json.loads(result.report.to_json())["requests"][_ROW] == _GOLD[_ROW]
