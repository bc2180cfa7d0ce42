"""A 序号 column where the numbers are no cell of the rows' own: pdftotext -layout sets each on a line
of its own or on a wrapped label's line (``text_serial_tokens``: read as a figure of the row above,
z2019-a's 本年新收 read 4 · 1 · 35 · 2 for 0 · 4 · 1 · 35); plain pdftotext sets them among a row's
figures or after later rows (the rows' sums tell them), and pymupdf4llm's pipe table sets them in
its second column after a blank one (``serials``), its header's titles (总计 first) in a paragraph
above the table (``text_column_order`` on the pipe table's records).

The fixtures are the seventh hold-out's (``tests/ingest/holdout7``), printed by the real tools.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.ingest.read import read_document
from gongkai.ingest.records import REQUESTS, Record, read_records, split_tables
from gongkai.ingest.text_serial_tokens import records_without_serials

from .holdout7 import FIXTURES
from .wild.scoring import read_fixture


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "path",
    [
        "pdftotext-layout/z2019-a~platform-word.txt",
        "pdftotext-layout/z2021-a~platform-word.txt",
        "pdftotext-layout/z2024-a~platform-word.txt",
        "pymupdf4llm/z2022-a~platform.md",
        "pdftotext/z2021-a~platform.txt",
    ],
)
def test_numbers_apart_from_the_rows_are_no_figures(path: str) -> None:
    read = read_fixture(FIXTURES / path)
    assert read["requests"] == _gold(path.split("/")[1].split("~")[0])["requests"]


def _records(data: bytes) -> list[Record]:
    document = read_document(FIXTURES / "pdftotext-layout/z2019-a~platform-word.txt", data)
    return split_tables(read_records(document))[REQUESTS]


def test_the_numbers_are_taken_out_only_where_they_count_up_from_one() -> None:
    data = (FIXTURES / "pdftotext-layout/z2019-a~platform-word.txt").read_bytes()
    records = _records(data)
    assert records_without_serials(records) != records
    # one number out of the run (row 3 printed as 7): the records are left as printed
    broken = data.replace(b"\n3 ", b"\n7 ", 1)
    assert broken != data
    records = _records(broken)
    assert records_without_serials(records) == records
