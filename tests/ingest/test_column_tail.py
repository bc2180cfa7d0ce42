"""The last rows of table 三 whose labels ``pdftotext`` (default mode) printed together, their
figures after them a column a block (``ingest/column_tail.py``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.column_tail import read_column_tail
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES

FIXTURES = Path(__file__).parent / "holdout2" / "fixtures"
_TAIL = "their figures after them column by column"


def _label(text: str, line: int) -> Token:
    return Token(text, f"line {line}", parse_cell(text))


def _blocks(*blocks: str, first: int = 10) -> list[Token]:
    """Blocks of lines (``/`` between lines), a blank line after each."""
    out: list[Token] = []
    line = first
    for block in blocks:
        for text in block.split("/"):
            parts = text.split()
            for j, part in enumerate(parts):
                out.append(
                    Token(part, f"line {line} part {j + 1}" if len(parts) > 1 else f"line {line}", parse_cell(part))
                )
            line += 1
        out.append(Token("", f"line {line}", parse_cell("")))
        line += 1
    return out


def _two_rows(*blocks: str) -> tuple[Report, Evidence]:
    template = TEMPLATES["2021"]
    report = Report.empty("某局", 2021, template, fill=None)
    record = Record([_label("（七）总计", 8), _label("四、结转下年度继续办理", 9)], _blocks(*blocks))
    evidence = Evidence()
    read_column_tail(template, [record], report, evidence)
    return report, evidence


def test_a_gazettes_last_rows_printed_a_column_a_block_are_read() -> None:
    # （五）4. … 四、结转下年度继续办理's labels together, then 0/0/0/7/0, four blocks of zeros, and
    # the 其他 and 总计 columns side by side (0 0 / 0 0 / 0 0 / 0 7 / 0 0)
    report = json.loads(read_report(FIXTURES / "pdftotext" / "g2019-a~gazette.txt").report.to_json())
    gold = json.loads((FIXTURES / "gold" / "g2019-a.json").read_text(encoding="utf-8"))["requests"]
    tail = ["not_processed_excessive", "not_processed_confirmation", "other", "total_processed", "carried_forward"]
    for key in tail:
        assert report["requests"][key] == gold[key], key
    assert {u["cell"] for u in report["uncertain"] if _TAIL in u["reason_en"]} == {f"requests.{k}" for k in tail}


def test_each_blocks_lines_are_the_rows_in_order() -> None:
    report, evidence = _two_rows("15846/1659", "1096/53", "732/51", "2822/51", "0/0", "1468 21964/82 1896")
    assert report.requests["total_processed"] == [15846, 1096, 732, 2822, 0, 1468, 21964]
    assert report.requests["carried_forward"] == [1659, 53, 51, 51, 0, 82, 1896]
    assert {u.cell for u in evidence.uncertain} == {"requests.total_processed", "requests.carried_forward"}


def test_blocks_that_do_not_add_up_or_do_not_fit_the_rows_are_left_unread() -> None:
    # 21965: the first row does not add up
    report, _ = _two_rows("15846/1659", "1096/53", "732/51", "2822/51", "0/0", "1468 21965/82 1896")
    assert report.requests["total_processed"] == [None] * 7
    # a block of three lines for two rows: not the rows' columns
    report, _ = _two_rows("15846/1659/1", "1096/53", "732/51", "2822/51", "0/0", "1468 21964/82 1896")
    assert report.requests["carried_forward"] == [None] * 7
