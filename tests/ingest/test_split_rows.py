"""Table 三 whose tall rows printed their 自然人 cell apart from their other cells
(``ingest/split_rows.py``, ``pdftotext`` default mode)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token
from gongkai.ingest.split_rows import read_split_rows
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES

FIXTURES = Path(__file__).parent / "holdout3" / "fixtures"
_PIECES = "prints some rows in two pieces"
# a consistent table 三 (2019 template), its rows in the template's order
_TABLE = {
    "new_received": [238, 9, 0, 0, 13, 0, 260],
    "carried_over": [15, 0, 0, 0, 0, 0, 15],
    "granted": [122, 6, 0, 0, 8, 0, 136],
    "partially_granted": [12, 0, 0, 0, 0, 0, 12],
    "denied_state_secret": [0] * 7,
    "denied_prohibited_by_law": [0] * 7,
    "denied_security_stability": [0] * 7,
    "denied_third_party": [4, 0, 0, 0, 0, 0, 4],
    "denied_internal_affairs": [0] * 7,
    "denied_process_info": [6, 0, 0, 0, 0, 0, 6],
    "denied_enforcement_file": [9, 1, 0, 0, 0, 0, 10],
    "denied_query_matter": [4, 0, 0, 0, 0, 0, 4],
    "unavailable_not_held": [0] * 7,
    "unavailable_needs_creation": [1, 0, 0, 0, 0, 0, 1],
    "unavailable_unclear": [4, 0, 0, 0, 0, 0, 4],
    "not_processed_petition": [41, 0, 0, 0, 4, 0, 45],
    "not_processed_duplicate": [13, 1, 0, 0, 0, 0, 14],
    "not_processed_publication": [8, 0, 0, 0, 1, 0, 9],
    "not_processed_excessive": [0] * 7,
    "not_processed_confirmation": [2, 0, 0, 0, 0, 0, 2],
    "other": [21, 1, 0, 0, 0, 0, 22],
    "total_processed": [247, 9, 0, 0, 13, 0, 269],
    "carried_forward": [6, 0, 0, 0, 0, 0, 6],
}


class _Lines:
    """Tokens on numbered lines, as the text reader gives them."""

    def __init__(self) -> None:
        self.line = 10

    def label(self, text: str) -> Token:
        self.line += 1
        return Token(text, f"line {self.line}", parse_cell(text))

    def figures(self, *values: int) -> list[Token]:
        self.line += 1
        parts = [str(v) for v in values]
        return [
            Token(p, f"line {self.line} part {j + 1}" if len(parts) > 1 else f"line {self.line}", parse_cell(p))
            for j, p in enumerate(parts)
        ]


def _printed(table: dict[str, list[int]]) -> list[Record]:
    """Table 三 printed row by row, a row's label then its figures on a line, but for its last
    three rows: （六）其他处理 with its 自然人 figure, （七）总计 whole, 四's 自然人 figure before its
    label, then the other cells of （六） and of 四 (the print of a Word table whose last rows'
    label cells are tall)."""
    template = TEMPLATES["2019"]
    lines = _Lines()
    records: list[Record] = []
    for row in template.request_rows:
        if row.key in ("other", "total_processed", "carried_forward"):
            continue
        records.append(Record([lines.label(row.full_label)], lines.figures(*table[row.key])))
    other, total, forward = table["other"], table["total_processed"], table["carried_forward"]
    records.append(Record([lines.label("（六）其他处理")], lines.figures(other[0])))
    records.append(Record([lines.label("（七）总计")], [*lines.figures(*total), *lines.figures(forward[0])]))
    records.append(
        Record([lines.label("四、结转下年度继续办理")], [*lines.figures(*other[1:]), *lines.figures(*forward[1:])])
    )
    return records


def _read(records: list[Record]) -> tuple[Report, Evidence]:
    template = TEMPLATES["2019"]
    report = Report.empty("某局", 2020, template, fill=None)
    evidence = Evidence()
    read_split_rows(template, records, report, evidence)
    return report, evidence


def test_a_tall_rows_first_cell_printed_apart_is_put_back_on_its_row() -> None:
    report, evidence = _read(_printed(_TABLE))
    assert report.requests == _TABLE
    assert any(_PIECES in u.reason_en for u in evidence.uncertain if u.cell == "requests")


def test_pieces_that_make_no_table_hold_are_left_unread() -> None:
    broken = {**_TABLE, "carried_forward": [7, 0, 0, 0, 0, 0, 7]}  # 四 no longer balances the columns
    report, evidence = _read(_printed(broken))
    assert all(v is None for values in report.requests.values() for v in values)
    assert not evidence.uncertain


def test_a_table_printed_row_by_row_is_left_to_the_other_readers() -> None:
    template = TEMPLATES["2019"]
    lines = _Lines()
    records = [Record([lines.label(row.full_label)], lines.figures(*_TABLE[row.key])) for row in template.request_rows]
    report, _ = _read(records)
    assert all(v is None for values in report.requests.values() for v in values)


def test_word_prints_with_tall_rows_printed_in_pieces_are_read() -> None:
    # c2020-c: （六）'s 21 with its label, （七） whole, 四's 06, then （六）'s and 四's other cells;
    # c2021-a: two rows' other cells, four whole rows, then the two rows' labels with their 自然人 cells
    for name in ("c2020-c", "c2021-a"):
        result = read_report(FIXTURES / "pdftotext" / f"{name}~county-word.txt")
        assert result.report is not None
        got = json.loads(result.report.to_json())["requests"]
        gold = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))["requests"]
        assert got == gold, name
