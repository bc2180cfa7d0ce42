"""Table 三's last rows printed column by column, some of the column blocks after table 四's heading
among its labels (``pdftotext`` default mode, chromium's print of a page holding 附表2's end and
附表3): ``ingest/spilled_blocks.py`` hands those blocks back to table 三."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record
from gongkai.ingest.spilled_blocks import spilled_blocks
from gongkai.report.templates import TEMPLATE_2019

from .printed_tokens import label_token, line_tokens

HOLDOUT5 = Path(__file__).parent / "holdout5" / "fixtures"
WIDTH = len(TEMPLATE_2019.request_columns)
ROWS = len(TEMPLATE_2019.request_rows)
TAIL = 8  # rows whose labels come together, their figures a column (a block of 8 lines) at a time


def _block(k: int) -> list[str]:
    return ["", *[str(k)] * TAIL]


def _tables(before: int) -> tuple[list[Record], list[Record]]:
    """Table 三's rows each its label and its seven figures, then the tail's labels and ``before``
    of its seven column blocks; table 四 with its review column's figures under their labels and the
    other column blocks after blank lines among them, then its litigation figures."""
    rows = [
        Record([label_token(row.label)], line_tokens(["1 0 0 0 0 0 1"], 10 + i))
        for i, row in enumerate(TEMPLATE_2019.request_rows[: ROWS - TAIL])
    ]
    tail = Record(
        [label_token(row.label) for row in TEMPLATE_2019.request_rows[ROWS - TAIL :]],
        line_tokens([line for k in range(before) for line in _block(k)] + [""], 100),
    )
    after = [_block(k) for k in range(before, WIDTH)]
    appeals = [
        Record([label_token("结果维持")], line_tokens(["3", ""], 200)),
        Record([label_token("结果纠正")], line_tokens(["1", ""], 210)),
        Record([label_token("其他结果")], line_tokens(["0"], 220)),
        Record([label_token("行政诉讼")], line_tokens([*(after[0] if after else []), ""], 230)),
        Record([label_token("尚未审结")], line_tokens(["0", *[line for b in after[1:] for line in b], ""], 250)),
        Record([label_token("总计")], line_tokens(["4", ""], 300)),
        Record([label_token("未经复议直接起诉")], line_tokens(["1", "0", "0", "0", "1", "0", "0", "0", "0", "0"], 310)),
    ]
    return [*rows, tail], appeals


def test_blocks_among_table_four_labels_go_back_to_table_three() -> None:
    requests, appeals = _tables(3)
    moved, kept = spilled_blocks(TEMPLATE_2019, requests, appeals)
    assert moved[:-1] == requests[:-1]
    back = [t.text for t in moved[-1].values if t.text]
    assert back == [str(k) for k in range(WIDTH) for _ in range(TAIL)]  # the blocks in printed order
    left = [t.text for r in kept for t in r.values if t.text]
    assert left == ["3", "1", "0", "0", "4", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]  # 四's own


def test_nothing_moves_unless_the_blocks_are_exactly_what_table_three_lacks() -> None:
    requests, appeals = _tables(3)
    short = [*requests[:-1], Record(requests[-1].labels, requests[-1].values[:-2])]  # a figure fewer
    assert spilled_blocks(TEMPLATE_2019, short, appeals) == (short, appeals)
    extra = [*appeals[:-1], Record(appeals[-1].labels, [*appeals[-1].values, *line_tokens(["7"], 400)])]
    assert spilled_blocks(TEMPLATE_2019, requests, extra) == (requests, extra)  # 四 would keep 16
    whole, none = _tables(WIDTH)  # every block before table 四's heading: nothing lacking
    assert spilled_blocks(TEMPLATE_2019, whole, none) == (whole, none)


@pytest.mark.parametrize("report", ["t2019-a", "t2022-b"])
def test_township_tail_printed_among_table_four_reads_table_three(report: str) -> None:
    # chromium's print of 附表2's last rows above 附表3: their labels, then column blocks, some of them
    # after 附表3's heading between 结果维持 / 结果纠正 / 尚未审结 and their figures
    result = read_report(HOLDOUT5 / "pdftotext" / f"{report}~township.txt")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((HOLDOUT5 / "gold" / f"{report}.json").read_text(encoding="utf-8"))
    assert read["requests"] == gold["requests"]  # before spilled_blocks: the tail rows unknown
    assert read["appeals"] == gold["appeals"]
