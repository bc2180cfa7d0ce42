"""Footnote marks after figures (``ingest/markers.py``): ``60①`` reads 60, not 601 (NFKC folds ①
to 1), in every reader; the 注 explaining them and emphasis stay as printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.markers import drop_in_text, drop_marks, explained_superscripts
from tests.ingest.holdout8 import FIXTURES
from tests.ingest.holdout8.layout import MARKED
from tests.ingest.wild.scoring import read_fixture


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("60①", "60"),
        ("1③", "1"),
        ("4200<br>①", "4200"),
        ("26 150①", "26 150"),
        ("数量732968520①二、上年结转", "数量732968520二、上年结转"),
        ("51039③75201", "5103975201"),
        ("60⑴", "60"),
        ("60❶", "60"),
        ("60㈠", "60"),
        ("12※", "12"),
        ("60注1", "60"),
        ("60注①", "60"),
        ("现行有效件数119188*信息内容", "现行有效件数119188信息内容"),
    ],
)
def test_a_figures_mark_is_dropped(printed: str, read: str) -> None:
    assert drop_marks(printed) == read


@pytest.mark.parametrize(
    "printed",
    ["**60**", "*60*", "注：①含通过12345热线转办的申请", "①本年新收", "第20条", "10²", "60¹"],
)
def test_no_mark_after_a_figure_stays(printed: str) -> None:
    assert drop_marks(printed) == printed


def test_a_superscript_is_a_mark_only_where_a_note_explains_it() -> None:
    assert drop_in_text("本年新收 60¹\n面积 100m²") == "本年新收 60¹\n面积 100m²"
    assert explained_superscripts("m² 100²") == frozenset()
    assert drop_in_text("本年新收 60¹\n注：¹含转办的申请") == "本年新收 60\n注：¹含转办的申请"


def test_a_mark_wrapped_onto_a_line_of_its_own_goes() -> None:
    assert drop_in_text("29 68 520\n①\n6\n") == "29 68 520\n6\n"


def _cell(report: dict, table: str, row: str, field: str | int) -> object:
    return report[table][row][field]


# Fixtures whose marked figures every reader read with the mark as a digit (60① → 601, 1③ → 13).
READ = [
    ("html", "w2019-a~wechat.html"),
    ("html", "w2025-a~wechat.html"),
    ("docx", "w2019-a~wechat-word.docx"),
    ("pdf", "w2021-a~wechat.pdf"),
    ("pdftotext", "w2025-a~wechat.txt"),
    ("pdftotext-layout", "w2021-a~wechat.txt"),
    ("pymupdf4llm", "w2019-a~wechat.md"),
    ("markitdown", "w2025-a~wechat.md"),
    ("crawler-nospace", "w2025-a~wechat.txt"),
]


@pytest.mark.parametrize(("name", "fixture"), READ)
def test_marked_figures_read_as_printed(name: str, fixture: str) -> None:
    path = FIXTURES / name / fixture
    gold = json.loads((FIXTURES / "gold" / f"{fixture.split('~')[0]}.json").read_text(encoding="utf-8"))
    report = read_fixture(Path(path))
    for table, row, field in MARKED:
        if table == "active":
            continue  # 3*: parse_cell dropped a star before; table 二's cells are another matter here
        assert _cell(report, table, row, field) == _cell(gold, table, row, field), (table, row, field)
