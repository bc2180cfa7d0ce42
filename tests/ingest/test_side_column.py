"""A portal's side column of dated 相关链接 beside the report's tables in ``pdftotext -layout``'s
text of a page printed from a browser (``holdout16/beside.py``: three of the sixteenth hold-out's
reports with a long side column): the links' words and dates stand on the lines of the tables' rows
(``行政处罚   126      2022-05-01``). Before, b2020-a lost 169 cells, b2022-a 177 and b2024-a was
refused (no statutory table found); now the column is cut off and every cell is read."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.read import read_report
from gongkai.ingest.side_column import has_side_column, side_column_cut

from .holdout16 import FIXTURES
from .holdout16.beside import BESIDE, NAMES


@pytest.mark.parametrize("name", NAMES)
def test_the_tables_beside_a_dated_side_column_are_read_whole(name: str) -> None:
    path = BESIDE / f"{name}~beside.txt"
    assert has_side_column(path.read_text("utf-8"))
    result = read_report(path)
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))
    for part in ("active", "requests", "appeals"):
        assert read[part] == gold[part], part
    assert (read["agency"], read["year"]) == (gold["agency"], gold["year"])


def test_a_column_of_figures_or_a_lone_date_is_never_cut() -> None:
    lines = [
        "规章            0        15        2021-01-05",
        "规范性文件      5         2        30",
        "行政许可        17                 2021-02-05",
        "行政处罚        126                41",
        "行政强制        53                 2021-03-05",
    ]
    cut = side_column_cut(lines)
    assert cut[1] == lines[1] and cut[3] == lines[3]  # figures at the column stay
    assert cut[0] == "规章            0        15"
    assert side_column_cut(lines[:2]) == lines[:2]  # one date: nothing to tell a column by


def test_a_side_column_on_the_left_runs_no_words_into_the_agency() -> None:
    """The column on the article's left (b2022-a~left): pdftotext -layout sets a link's words on
    the title's line (``关于2022年第4批行   东阳市…2022年…报告``). Before, the agency was read
    ``第4批行东阳市住房和城乡建设局2022年`` (unflagged); the browser's header names the page's title,
    whose agency has no list's number in it."""
    result = read_report(BESIDE / "b2022-a~left.txt")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / "b2022-a.json").read_text("utf-8"))
    assert (read["agency"], read["year"]) == (gold["agency"], gold["year"])
    for part in ("active", "requests", "appeals"):
        assert read[part] == gold[part], part
