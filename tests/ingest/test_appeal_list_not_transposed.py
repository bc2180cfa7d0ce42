"""Table 四 as a list of a row per group and result (项目 · 数量（件）: 结果维持 … 总计 three times),
each group's label set beside its middle row, as markitdown sets a Word original's (``holdout9``):
not table 四 turned over (a row per result, a column per group), which would read the blank grid
cells beside each figure as the other groups' zeros."""

from __future__ import annotations

from .fixture_json import gold_json
from .holdout9 import FIXTURES
from .wild.scoring import read_fixture


def test_a_list_of_rows_per_group_and_result_is_not_read_turned_over() -> None:
    read = read_fixture(FIXTURES / "markitdown" / "v2025-b~spa-word.md")
    assert read["appeals"] == gold_json(FIXTURES, "v2025-b")["appeals"]


def test_a_lists_figure_set_above_its_result_is_joined_to_it() -> None:
    # ``45`` then ``结果维持`` (the figure of the list's first row, a line above its label), and
    # the group's last rows as text under the table (``结果纠正 6``)
    read = read_fixture(FIXTURES / "markitdown" / "v2024-a~spa-word.md")
    assert read["appeals"] == gold_json(FIXTURES, "v2024-a")["appeals"]
