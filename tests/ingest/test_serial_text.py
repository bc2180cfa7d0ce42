"""A 序号 column in a text stream (``serials.text_without_serials``): a crawler's page text has no
first column, so each row's number ends the row above it, as a cell of its own (``294 2``) or
glued to the last figure (``755`` for 75 and row 5). Read as printed, table 二's last figure took
the number on, silently (行政处罚 75 read 755; 规章 read 29413145 · 294 · 2).

The fixtures are the seventh hold-out's crawler texts (``tests/ingest/holdout7``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.ingest.document import Cell, Document, TableBlock
from gongkai.ingest.serials import text_without_serials

from .holdout7 import FIXTURES
from .wild.scoring import read_fixture


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("path", "rows"),
    [
        ("crawler-nospace/z2021-a~platform.txt", ("punishment", "coercion", "fees")),
        ("crawler-nospace/z2022-a~platform.txt", ("punishment", "coercion", "fees")),
        ("crawler-nospace/z2024-a~platform.txt", ("punishment", "coercion", "fees")),
        ("crawler/z2024-a~platform.txt", ("punishment", "coercion", "fees")),
    ],
)
def test_a_numbered_table_in_text_reads_its_rows_without_the_next_rows_number(path: str, rows: tuple[str, ...]) -> None:
    read = read_fixture(FIXTURES / path)
    gold = _gold(path.split("/")[1].split("~")[0])
    for row in rows:
        assert read["active"][row] == gold["active"][row], row


def test_a_run_the_number_came_off_is_read_or_left_unknown_never_wrong() -> None:
    """crawler z2024-a: 规章 29413,145 294 then row 2's number; 29413,145 cuts more than one way."""
    read = read_fixture(FIXTURES / "crawler/z2024-a~platform.txt")
    gold = _gold("z2024-a")["active"]["regulations"]
    assert read["active"]["regulations"]["in_force"] == gold["in_force"]
    assert all(read["active"]["regulations"][k] in (None, v) for k, v in gold.items())


def _doc(rows: list[list[str]]) -> Document:
    return Document("x", "text", [TableBlock([[Cell(text, "t") for text in row] for row in rows], "t")])


def test_each_rows_number_is_taken_off_the_end_of_the_row_above() -> None:
    rows = [
        ["第二十条第（六）项 序号", "信息内容", "本年处理决定数量", "1"],
        ["行政处罚", "752"],
        ["行政强制", "20"],
        ["第二十条第（八）项 序号", "信息内容", "本年收费金额", "3"],
        ["行政事业性收费", "4.5"],
    ]
    assert text_without_serials(_doc(rows)).tables[0].texts() == [
        ["第二十条第（六）项 序号", "信息内容", "本年处理决定数量"],
        ["行政处罚", "75"],
        ["行政强制", "20"],
        ["第二十条第（八）项 序号", "信息内容", "本年收费金额"],
        ["行政事业性收费", "4.5"],
    ]


@pytest.mark.parametrize(
    "rows",
    [
        [["序号 项目", "1"], ["规章", "35"], ["行政规范性文件", "2"]],  # 35 does not end with 2: no numbers
        [["序号 项目", "1"], ["规章", "35"], ["行政规范性文件", "2"], ["行政许可", "3"]],  # nor wrapped
        [["项目", "1"], ["规章", "32"], ["行政规范性文件", "2"]],  # no 序号 over them
    ],
)
def test_figures_that_do_not_count_the_rows_are_left_as_printed(rows: list[list[str]]) -> None:
    assert text_without_serials(_doc(rows)).tables[0].texts() == rows
