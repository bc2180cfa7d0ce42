"""Issue 9: a row label of table 三 wrapped around its figures (a Word cell centred vertically),
as pymupdf4llm (pipe rows of one piece each) and markitdown (lines) print it, on the real
converter output of the 公文 hold-out set (``holdout11/fixtures``)."""

from __future__ import annotations

import pytest

from gongkai.ingest.request_label_around import request_labels_around

from .fixture_json import gold_json
from .holdout11 import FIXTURES
from .wild.scoring import read_fixture


def test_pieces_around_a_row_of_figures_are_joined() -> None:
    lines = ["一、本年", "新收政府", "26 0 2 4 1 2 35", "信息公开", "申请数量", "二、上年"]
    joined = "一、本年新收政府信息公开申请数量 26 0 2 4 1 2 35"
    assert request_labels_around(lines) == ["", "", joined, "", "", "二、上年"]
    piped = ["|一、本年|||||||||", "|||26|0|2|4|1|2|35|", "|新收政府信息公开申请数量|||||||||"]
    assert request_labels_around(piped) == [
        "||||||||||",
        "|一、本年新收政府信息公开申请数量||26|0|2|4|1|2|35|",
        "||||||||||",
    ]


def test_pieces_that_name_no_row_or_a_row_alone_are_left() -> None:
    head_names_a_row = ["4.保护第三方合法权益", "0 0 0 0 0 0 0", "5.属于三类内"]
    blanks_lost = ["2.重复申", "27 27", "请"]  # a row short of figures: read by other readers
    prose = ["本年度共收到", "26 0 2 4 1 2 35", "件申请"]
    assert request_labels_around(head_names_a_row) == head_names_a_row
    assert request_labels_around(prose) == prose
    assert request_labels_around(blanks_lost) == blanks_lost


@pytest.mark.parametrize("converter", ["pymupdf4llm", "markitdown"])
def test_the_first_row_of_table_three_is_read(converter: str) -> None:
    requests = read_fixture(FIXTURES / converter / "c2019-a~gongwen-word.md")["requests"]
    gold = gold_json(FIXTURES, "c2019-a")["requests"]
    assert isinstance(requests, dict) and isinstance(gold, dict)
    assert requests["new_received"] == gold["new_received"]


def test_rows_one_under_the_other_are_each_joined() -> None:
    """The row below's head is looked for above its figures past the row above's tail."""
    lines = [
        "一、本年",
        "新收政府",
        "26 0 2 4 1 2 35",
        "信息公开",
        "申请数量",
        "二、上年",
        "结转政府",
        "0 0 0 0 0 0 0",
        "信息公开",
        "申请数量",
    ]
    out = request_labels_around(lines)
    assert out[2] == "一、本年新收政府信息公开申请数量 26 0 2 4 1 2 35"
    assert out[7] == "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"
    assert [line for i, line in enumerate(out) if i not in (2, 7)] == [""] * 8
