"""Table 二 printed transposed in a crawler's page text (holdout8 crawler classes): the items run
together (``规章行政规范性文件``), then each field with one run of digits holding a figure per item
(``本年制发件数1195``: 119 · 5). Read along its rows, the runs went to one item's cells, wrong and
not in ``uncertain`` (w2021-a 行政强制 read 94458 for 458); ``ingest.transposed_runs`` puts the block
back, each run cut only where the cut is unique, else the field left unread."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gongkai.ingest.read import read_report
from gongkai.ingest.text import read_text
from gongkai.ingest.transposed import _row_fields
from gongkai.ingest.transposed_runs import runs_untransposed
from tests.ingest.wild.scoring import _flagged

FIXTURES = Path(__file__).parent / "holdout8" / "fixtures"
REPORTS = ("w2021-a", "w2023-a", "w2025-a")
ROWS = ("regulations", "normative_documents", "licensing", "punishment", "coercion")


def _active(name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    report = read_report(FIXTURES / name).report
    assert report is not None
    data = report.to_dict()
    return data["active"], data.get("uncertain", [])


@pytest.mark.parametrize("kind", ["crawler", "crawler-nospace"])
@pytest.mark.parametrize("gold", REPORTS)
def test_transposed_runs_right_or_in_doubt(kind: str, gold: str) -> None:
    """Every cell of table 二's items is right, or null, or named in ``uncertain``."""
    expected = json.loads((FIXTURES / "gold" / f"{gold}.json").read_text(encoding="utf-8"))["active"]
    got, uncertain = _active(f"{kind}/{gold}~wechat.txt")
    for row in ROWS:
        for field, value in expected[row].items():
            read = got[row][field]
            path = ("active", row, field)
            assert read is None or read == value or _flagged(path, uncertain), (row, field, read, value)


@pytest.mark.parametrize("kind", ["crawler", "crawler-nospace"])
def test_unique_cuts_read(kind: str) -> None:
    """w2023-a's runs cut one way only (``010``: 0 · 10, no figure but 0 begins with 0): read."""
    expected = json.loads((FIXTURES / "gold" / "w2023-a.json").read_text(encoding="utf-8"))["active"]
    got, _ = _active(f"{kind}/w2023-a~wechat.txt")
    for row in ROWS:
        assert got[row] == expected[row], row


@pytest.mark.parametrize(
    "name",
    [
        "crawler/w2019-a~wechat.txt",  # table 二 as the template prints it
        "pdftotext/w2021-a~wechat-word.txt",  # transposed, a cell per figure (``119`` · ``5``): not runs
    ],
)
def test_other_text_left_alone(name: str) -> None:
    """No block of run-together figures: nothing is moved."""
    path = FIXTURES / name
    document = read_text(path, path.read_bytes())  # as read, before any block is put back
    for table in document.tables:
        assert runs_untransposed(table.rows, _row_fields()) == table.rows
