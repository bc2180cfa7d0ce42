"""Holdout8's table 三 cut by columns into two tables (自然人 · 商业企业 · 科研机构, then the rest and
总计), each with its header and the row labels repeated, read as one table in text and in a
converter's Markdown: the parts' rows joined by label (``column_parts``). The old reader kept the
first part's rows only (the first printing of a row wins), the second part's columns lost or read as
the first's."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.read import read_report

from .holdout8 import FIXTURES


def _gold(name: str) -> dict[str, list[int]]:
    requests: dict[str, list[int]] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))["requests"]
    return requests


@pytest.mark.parametrize(
    "path",
    [
        "pdftotext-layout/w2021-b~wechat.txt",  # laid-out text: the second part's figures moved right
        "markitdown/w2021-b~wechat.md",  # pipe tables, titles cut into pieces
        "pdftotext-layout/w2022-a~wechat.txt",
        "pymupdf4llm/w2022-a~wechat.md",
        "pymupdf4llm/w2021-a~wechat.md",
    ],
)
def test_table_three_in_column_parts_read_as_one(path: str) -> None:
    report = read_report(FIXTURES / path).report
    assert report is not None
    gold = _gold(path.split("/")[1].split("~")[0])
    doubted = {d.cell.split(".")[1] for d in report.uncertain if d.cell.startswith("requests.")}
    right = [key for key in gold if report.requests.get(key) == gold[key]]
    wrong = [key for key in gold if key not in right and key not in doubted]
    assert not wrong, wrong  # every row read whole, or in doubt
    assert len(right) >= len(gold) - 3, [key for key in gold if key not in right]


def test_contradicting_total_read_as_printed() -> None:
    """w2021-b changes a table 三 total: read as printed and its rule reported, in both text classes."""
    for path in ("pdftotext-layout/w2021-b~wechat.txt", "markitdown/w2021-b~wechat.md"):
        report = read_report(FIXTURES / path).report
        assert report is not None
        assert "requests.row_sum" in {finding.rule for finding in report.findings}, path
        assert {key: report.requests.get(key) for key in _gold("w2021-b")} == _gold("w2021-b"), path
