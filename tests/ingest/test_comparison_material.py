"""Non-statutory comparison material inside the statutory tables (holdout10's city office page):
table 二's 上年数 · 增减 / 同比 columns (``extra_columns``), table 四's 年度 column and 上年 / 同比
row (``appeal_extra``), footnote markers on labels (``label_marks``, ``report.labels``). Read on
the real generated fixtures: the unchanged reader read ``行政处罚442344+98`` as 442344 with no
doubt, left table 二 unread in the grid prints, and read a marker's digit as a figure."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.extra_columns import cut_extra, extra_tail
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.records import Token
from gongkai.report.labels import bare_label_key

from .fixture_json import gold_json, read_json

FIXTURES = Path(__file__).resolve().parent / "holdout10" / "fixtures"


def _tokens(*texts: str) -> list[Token]:
    return [Token(t, f"line 1 part {i}", parse_cell(t)) for i, t in enumerate(texts)]


def test_the_change_pins_the_cut_of_a_run() -> None:
    cut = cut_extra(_tokens("442344", "+98"))
    assert cut is not None and [t.text for t in cut.values] == ["442"]
    cut = cut_extra(_tokens("549116513881218", "+170"))  # 本年制发 · 废止 · 现行有效 1388 · 上年 1218
    assert cut is not None and [t.text for t in cut.values] == ["5491165", "1388"]
    cut = cut_extra(_tokens("129", "121", "6.6%"))  # printed apart, 同比
    assert cut is not None and [t.text for t in cut.values] == ["129"]
    assert cut_extra(_tokens("442344", "+7")) is None  # no cut gives the change: not read


def test_comparison_headers_run_onto_a_statutory_one() -> None:
    assert extra_tail("本年处理决定数量上年数增减") == ("本年处理决定数量", ("上年数", "增减"))
    assert extra_tail("本年增/减")[1] == ()  # the 2019 template's own column stays


def test_marker_is_no_part_of_a_label() -> None:
    assert bare_label_key("行政许可注1") == bare_label_key("行政许可①") == bare_label_key("行政许可")
    assert bare_label_key("（七）总计***") == bare_label_key("（七）总计")


def test_crawler_table_two_with_comparison_columns() -> None:
    for name in ("o2021-a", "o2024-a"):
        gold = gold_json(FIXTURES, name)["active"]
        for fmt in ("crawler", "crawler-nospace"):
            data = read_json(FIXTURES / fmt / f"{name}~office.txt")
            flagged = {u["cell"] for u in data["uncertain"]}
            for row in ("punishment", "coercion"):
                read = data["active"][row]["decisions"]
                assert read == gold[row]["decisions"] or f"active.{row}" in flagged or read is None, (fmt, name)
            assert data["active"]["punishment"]["decisions"] == gold["punishment"]["decisions"]


def test_grid_table_two_and_table_four_with_comparison() -> None:
    gold = gold_json(FIXTURES, "o2021-a")
    data = read_json(FIXTURES / "html" / "o2021-a~office.html")
    assert data["active"]["punishment"] == gold["active"]["punishment"]
    assert data["active"]["regulations"] == gold["active"]["regulations"]
    gold = gold_json(FIXTURES, "o2023-a")
    data = read_json(FIXTURES / "pymupdf4llm" / "o2023-a~office-word.md")
    assert data["appeals"] == gold["appeals"]  # 年度 column and 同比 row left out


def test_note_digit_is_no_figure() -> None:
    gold = gold_json(FIXTURES, "o2022-a")["requests"]
    data = read_json(FIXTURES / "pdftotext-layout" / "o2022-a~office.txt")
    assert data["requests"]["new_received"][0] == gold["new_received"][0]  # not the 2 of 注2
