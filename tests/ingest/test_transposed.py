"""Table 二 printed transposed (holdout8): the 第二十条 items' rows as columns under their citation,
the fields as rows. Read along its rows, every figure went to another cell, unflagged (w2021-a's
行政规范性文件 本年制发件数 read 119 for 5); ``ingest.transposed`` puts the block back first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.read import read_document, read_report
from gongkai.ingest.transposed import untransposed

FIXTURES = Path(__file__).parent / "holdout8" / "fixtures"
CASES = [
    ("html/w2021-a~wechat.html", "w2021-a"),  # 2021 template: 规章 · 行政规范性文件; 许可 · 处罚 · 强制
    ("docx/w2021-a~wechat-word.docx", "w2021-a"),
    ("pdf/w2020-a~wechat.pdf", "w2020-a"),  # 2019 template: items 五 · 六 in one block of four
    ("html/w2025-a~wechat.html", "w2025-a"),
]


@pytest.mark.parametrize(("name", "gold"), CASES)
def test_transposed_table_two_read_as_printed(name: str, gold: str) -> None:
    expected = json.loads((FIXTURES / "gold" / f"{gold}.json").read_text(encoding="utf-8"))["active"]
    report = read_report(FIXTURES / name).report
    assert report is not None
    got = report.to_dict()["active"]
    for row in ("regulations", "normative_documents", "licensing", "punishment", "coercion"):
        assert got[row] == expected[row], row


def test_template_table_left_alone() -> None:
    """A table 二 printed as the template prints it (one item's rows down the label column) is no
    transposed block: nothing is moved."""
    document = read_document(FIXTURES / "html" / "w2022-a~wechat.html")
    before = [table.texts() for table in document.tables]
    assert [table.texts() for table in untransposed(document).tables] == before
