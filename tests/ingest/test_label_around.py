"""A row label of table 二 wrapped around its own figure (a Word cell centred vertically) as a
PDF-to-Markdown converter prints it: head, figure, tail as paragraphs (``label_around``)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.label_around import label_around_figures
from gongkai.ingest.read import read_document
from gongkai.ingest.records import ACTIVE, read_records, split_tables

# markitdown's text of a Word table 二 whose fee row's label wrapped in its narrow column
_PRINTED = """第二十条第（八）项
| 信息内容 | 本年收费金额（单位：万元） |     |     |
| ---- | ------------- | --- | --- |
行政事业性收
0.35
费
三、收到和处理政府信息公开申请情况
"""


def test_head_figure_tail_joined_into_the_row() -> None:
    lines = ["行政事业性收", "0.35", "费", "三、收到和处理政府信息公开申请情况"]
    assert label_around_figures(lines) == ["行政事业性收费 0.35", "", "", lines[3]]


def test_pieces_naming_no_row_left_alone() -> None:
    # a whole label before its figure is the next row's business, not a wrapped one
    lines = ["行政处罚", "12", "行政强制"]
    assert label_around_figures(lines) == lines
    lines = ["本年度共收到申请", "3", "件"]
    assert label_around_figures(lines) == lines


def test_fee_row_read_from_markdown(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(_PRINTED, encoding="utf-8")
    records = split_tables(read_records(read_document(path)))[ACTIVE]
    rows = {tuple(t.text for t in r.labels): [t.text for t in r.values if t.text] for r in records}
    assert rows.get(("行政事业性收费",)) == ["0.35"]
