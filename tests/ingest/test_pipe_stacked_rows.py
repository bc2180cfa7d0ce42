"""Issue 9: several rows of table 三 that pymupdf4llm set in one two-cell pipe row (labels with
each row's first figure in the first cell, the other figures row after row in the second), on the
real converter output of the 公文 hold-out set (``holdout11/fixtures``)."""

from __future__ import annotations

import pytest

from gongkai.ingest.pipe_stacked_rows import stacked_pipe_rows

from .fixture_json import gold_json
from .holdout11 import FIXTURES
from .wild.scoring import read_fixture

_ROWS = ("new_received", "carried_over", "granted", "partially_granted")


def _stacked(name: str) -> str:
    lines = (FIXTURES / "pymupdf4llm" / f"{name}.md").read_text(encoding="utf-8").split("\n")
    return next(line for line in lines if line.startswith("|") and line.count("|") == 3 and "申请数量" in line)


def test_a_stacked_row_is_set_back_as_its_rows() -> None:
    rows = stacked_pipe_rows([_stacked("c2021-a~gongwen")])
    assert len(rows) == 4
    assert rows[0].endswith("|98|14|8|0|0|0|120|")
    assert rows[3].endswith("|4|0|0|0|0|0|4|")


def test_other_pipe_rows_are_left_as_printed() -> None:
    uneven = "|一、本年<br>26<br>二、上年<br>0|0<br>2<br>4|"  # figures no whole number per row
    figures = "|0<br>0|0<br>0<br>0<br>0|"  # no labels
    label = "|（三）不予公开|1.属于国家秘<br>密||0|0|0|0|0|0|"  # no figure in the label's cell
    assert stacked_pipe_rows([uneven, figures, label]) == [uneven, figures, label]


def test_one_row_has_its_first_figure_set_apart_from_its_label() -> None:
    # the label's cell ends with the row's first figure: not a line of the label
    one = "|一、本年<br>新收政府<br>申请数量<br>26|0<br>2<br>4<br>1<br>2<br>35|"
    assert stacked_pipe_rows([one]) == ["|一、本年新收政府申请数量|26|0|2|4|1|2|35|"]
    grouped = "|三、本年<br>度办理结<br>果|（一）予<br>以公开<br>12|0<br>8<br>0<br>0<br>4<br>24|"
    assert stacked_pipe_rows([grouped]) == ["|三、本年度办理结果|（一）予以公开|12|0|8|0|0|4|24|"]
    wide = "||2.重 复 申<br>请<br>21||0|1|1|0|1|24|"  # its own cell left empty
    assert stacked_pipe_rows([wide]) == ["||2.重 复 申请|21|0|1|1|0|1|24|"]


def test_rows_of_a_wide_row_are_set_back_as_their_rows() -> None:
    # a Word print's table 三: two rows in one pipe row of full width, their labels with their
    # first figures (the last run on to its label) in one cell, every other cell a figure a row
    label = "3.要求提供公<br>开出版物<br>1<br>4.无正当理由<br>大量反复申请1"
    line = f"|（五<br>）不<br>予处<br>理|{label}||0<br>1|0<br>0|1<br>3|"
    assert stacked_pipe_rows([line]) == [
        "|（五）不予处理|3.要求提供公开出版物|1|0|0|1|",
        "||4.无正当理由大量反复申请|1|1|0|3|",
    ]


@pytest.mark.parametrize(
    ("held", "name"),
    [
        ("holdout16", "b2019-a~portal-word"),
        ("holdout17", "k2019-a~catalogue-word"),
        ("holdout18", "v2019-a~agency-word"),
    ],
)
def test_the_rows_of_a_wide_stacked_row_are_read(held: str, name: str) -> None:
    fixtures = FIXTURES.parent.parent / held / "fixtures"
    requests = read_fixture(fixtures / "pymupdf4llm" / f"{name}.md")["requests"]
    gold = gold_json(fixtures, name.split("~")[0])["requests"]
    assert isinstance(requests, dict) and isinstance(gold, dict)
    for row in ("not_processed_publication", "not_processed_excessive"):
        assert requests[row] == gold[row], row


@pytest.mark.parametrize("name", ["c2019-a~gongwen", "c2020-a~gongwen", "c2022-a~gongwen", "c2023-a~gongwen"])
def test_rows_each_stacked_alone_are_read_whole(name: str) -> None:
    requests = read_fixture(FIXTURES / "pymupdf4llm" / f"{name}.md")["requests"]
    assert requests == gold_json(FIXTURES, name.split("~")[0])["requests"]


@pytest.mark.parametrize("name", ["c2021-a~gongwen", "c2025-a~gongwen"])
def test_the_stacked_rows_are_read(name: str) -> None:
    requests = read_fixture(FIXTURES / "pymupdf4llm" / f"{name}.md")["requests"]
    gold = gold_json(FIXTURES, name.split("~")[0])["requests"]
    assert isinstance(requests, dict) and isinstance(gold, dict)
    for row in _ROWS:
        assert requests[row] == gold[row], row
