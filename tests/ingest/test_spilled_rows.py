"""Table 三's last rows printed after table 四's heading (``pdftotext`` default mode, a table split
over pages): ``ingest/spilled.py`` hands the run of full-width lines back to table 三."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record
from gongkai.ingest.spilled import spilled, spilled_rows
from gongkai.report.templates import TEMPLATE_2019

from .printed_tokens import label_token, line_tokens

HOLDOUT3 = Path(__file__).parent / "holdout3" / "fixtures"
WIDTH = len(TEMPLATE_2019.request_columns)
ROWS = len(TEMPLATE_2019.request_rows)


def _page_one(rows: int) -> list[Record]:
    """The first page's rows of table 三, each its label and its full row of figures."""
    return [
        Record([label_token(row.label)], line_tokens(["1 0 0 0 0 0 1"], 10 + i))
        for i, row in enumerate(TEMPLATE_2019.request_rows[:rows])
    ]


def _appeals(spilled_lines: list[str]) -> list[Record]:
    """Table 四's header records, its 未经复议直接起诉 figures on one line, then table 三's spilled rows
    (a blank line between), then table 四's last figures."""
    lines = ["06 01 00 00", "", *spilled_lines, "", "04 01 00 01 06"]
    return [
        Record([label_token("行政复议")], line_tokens(["03", "05", "01", "00", "01"], 100)),
        Record([label_token("未经复议直接起诉")], line_tokens(lines, 200)),
    ]


def test_rows_after_table_four_heading_go_back_to_table_three() -> None:
    lacking = ROWS - 9
    rows = [f"{k} 0 0 0 0 0 {k}" for k in range(lacking)]
    requests, appeals = _page_one(9), _appeals(rows)
    moved, kept = spilled(TEMPLATE_2019, [], requests, appeals)
    assert moved[:-1] == requests
    assert [t.text for t in moved[-1].values] == " ".join(rows).split()  # in printed order, last
    left = [t.text for t in kept[1].values if t.text]
    assert left == ["06", "01", "00", "00", "04", "01", "00", "01", "06"]  # table 四's own figures stay


def test_nothing_moves_unless_one_run_numbers_exactly_the_lacking_rows() -> None:
    lacking = ROWS - 9
    rows = [f"{k} 0 0 0 0 0 {k}" for k in range(lacking)]
    requests = _page_one(9)
    short = _appeals(rows[:-1])  # one row too few
    assert spilled_rows(TEMPLATE_2019, requests, short) == (requests, short)
    split = _appeals([*rows[:5], "1 2", *rows[5:]])  # two runs: which is table 三's is not known
    assert spilled_rows(TEMPLATE_2019, requests, split) == (requests, split)
    whole = _page_one(ROWS)  # nothing lacking
    assert spilled_rows(TEMPLATE_2019, whole, _appeals(rows)) == (whole, _appeals(rows))


def test_county_table_split_over_pages_reads_its_second_page() -> None:
    path = HOLDOUT3 / "pdftotext" / "c2020-c~county.txt"
    result = read_report(path)
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((HOLDOUT3 / "gold" / "c2020-c.json").read_text(encoding="utf-8"))
    assert read["requests"] == gold["requests"]  # before spilled_rows: the first 9 rows only


def test_first_figures_printed_before_the_header_go_back_to_table_three() -> None:
    # chromium: 本年度共收到政府信息公开申请18件，具体情况如下： / 17 / 0 / 9 / (blank) / 1 / 0 / 1, then the
    # header words of table 三 and the rest of its figures
    last_active = Record([label_token("采购总金额")], line_tokens(["44.9"], 80))
    sentence = Record(
        [label_token("本年度共收到政府信息公开申请18件，具体情况如下：")],
        line_tokens(["17", "0", "9", "", "1", "0", "1"], 90),
    )
    requests = _page_one(ROWS - 1)[1:]  # the rest of table 三: six figures lacking
    requests.append(Record([label_token("四、结转下年度继续办理")], line_tokens(["0 0 0 0 0 0 0", "1"], 300)))
    moved, _ = spilled(TEMPLATE_2019, [last_active, sentence], requests, [])
    assert [t.text for t in moved[0].values if t.text] == ["17", "0", "9", "1", "0", "1"]
    assert moved[1:] == requests
    # a labelled row of table 二 last, or figures not numbering what table 三 lacks: nothing moves
    assert spilled(TEMPLATE_2019, [sentence, last_active], requests, [])[0] == requests
    assert spilled(TEMPLATE_2019, [last_active, sentence], requests[1:], [])[0] == requests[1:]
