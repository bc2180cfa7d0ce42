"""markitdown's pipe rows of a table typing a unit in every cell (``ingest/pipe_wraps.py``,
``ingest/stacked_cells.py``): a wrapped figure+unit cell put back on its row across a fragment's
``| --- |`` line and loose label pieces, into a cell the converter merged over two of the page's
columns (the order then chosen by the arithmetic), and from a line of its own above the row."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.pipe_wraps import STACKED, wrapped_pipe_cells
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Token
from gongkai.ingest.stacked_cells import stacked_orders

from .fixture_json import gold_json
from .holdout3 import FIXTURES


def _lines(name: str) -> list[str]:
    return (FIXTURES / "markitdown" / name).read_text(encoding="utf-8").split("\n")


def _figures(line: str) -> list[int]:
    return [int(part.rstrip("件")) for part in line.replace("|", " ").split() if part.rstrip("件").isdigit()]


def test_a_wrapped_figure_is_put_back_over_a_fragment_start() -> None:
    """``| 267 | … | 0 |`` / ``| --- |`` / ``| 69件 | 0件 | … |`` / ``| 件 | … | 件 |``."""
    lines = _lines("c2020-b~county.md")
    at = next(i for i, line in enumerate(lines) if "69件" in line and "431件" in line)
    fixed = wrapped_pipe_cells(lines)
    assert _figures(fixed[at]) == gold_json(FIXTURES, "c2020-b")["requests"]["partially_granted"]


def test_a_wrapped_figure_joins_a_merged_cell_marked_stacked() -> None:
    """``| 2091 | … |`` over ``| 547件 | 0件 561件 | …``: one converter cell, its order unknown."""
    lines = _lines("c2020-b~county.md")
    at = next(i for i, line in enumerate(lines) if "547件" in line)
    fixed = wrapped_pipe_cells(lines)
    assert f"2091{STACKED}547件" in fixed[at]
    gold = gold_json(FIXTURES, "c2020-b")["requests"]["unavailable_not_held"]
    assert sorted(_figures(fixed[at].replace(STACKED, " "))) == sorted(gold)


def test_a_figure_on_a_line_of_its_own_above_its_row() -> None:
    """``104`` / ``| 四、结转下年度继续办理 | … | 25件 0件 |     |`` / ``| --- |`` / ``件``."""
    lines = _lines("c2023-c~county-word.md")
    at = next(i for i, line in enumerate(lines) if line.startswith("| 四、结转下年度继续办理"))
    fixed = wrapped_pipe_cells(lines)
    assert _figures(fixed[at].replace("件", " ")) == gold_json(FIXTURES, "c2023-c")["requests"]["carried_forward"]
    assert not fixed[at - 1].strip()


def test_stacked_orders_move_the_wrapped_figure_within_its_cell() -> None:
    cell = "line 9 cell 5"
    tokens = [
        Token(t, w, parse_cell(t), stacked=s)
        for t, w, s in (
            ("8", "line 9 cell 4", False),
            ("1200", f"{cell} number 1", True),
            ("0", f"{cell} number 2", True),
        )
    ]
    orders = stacked_orders(tokens)
    assert [[t.text for t in order] for order in orders] == [["8", "0", "1200"]]


def test_the_arithmetic_orders_stacked_cells_and_nothing_is_wrong_unflagged() -> None:
    """Whole reports: every row of table 三 and 四 right where a converter stacked figures."""
    for name, report in (("c2020-b~county.md", "c2020-b"), ("c2023-c~county-word.md", "c2023-c")):
        result = read_report(Path(FIXTURES / "markitdown" / name))
        assert result.report is not None
        gold = gold_json(FIXTURES, report)
        assert result.report.requests == gold["requests"]
