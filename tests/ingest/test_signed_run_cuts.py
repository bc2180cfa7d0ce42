"""A crawler's table 二 row whose 本年增/减 is negative and ran into the next cell
(``行政强制0-222``: 0 · -2 · 22; ``行政许可①0-41684``: 0 · -4 · 1684) (issue 9, holdout7 z2020-b,
holdout10 o2020-a). No reading keeps the report layer's warnings quiet (items 0 then -2), so the
cuts of the signed run that put the sign under 本年增/减 are weighed beside the readings that
suppose a cell not printed: before, the two tied and the row's last cells were left unknown."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.ingest.active_plausible import signed_run_cuts
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.row_reading import Slot
from tests.ingest.fixture_json import gold_json, read_json

TESTS = Path(__file__).resolve().parent
ITEMS = ["previous_items", "change", "decisions"]


@pytest.mark.parametrize("name", ["crawler", "crawler-nospace"])
@pytest.mark.parametrize(
    ("holdout", "report", "row"),
    [("holdout7", "z2020-b~platform", "coercion"), ("holdout10", "o2020-a~office", "licensing")],
)
def test_a_negative_change_run_into_the_next_cell_is_cut(name: str, holdout: str, report: str, row: str) -> None:
    fixtures = TESTS / holdout / "fixtures"
    data = read_json(fixtures / name / f"{report}.txt")
    assert data["active"][row] == gold_json(fixtures, report.split("~")[0])["active"][row]
    assert any(entry["cell"] == f"active.{row}" for entry in data["uncertain"])  # a cut of a run: flagged


def test_only_cuts_putting_the_sign_under_the_change() -> None:
    slots = [Slot(parse_cell("0"), "line 1 part 2"), Slot(parse_cell("-222"), "line 1 part 3")]
    assert {r.values for r in signed_run_cuts(slots, ITEMS, [])} == {(0, -2, 22), (0, -22, 2)}
    one = [Slot(parse_cell("3"), "line 1 part 2"), Slot(parse_cell("-4"), "line 1 part 3")]
    assert signed_run_cuts(one, ITEMS, []) == []  # a one-digit sign: nothing to cut


def test_table_two_dashes_run_into_figures_are_cells_where_table_three_prints_em_dash_cells() -> None:
    """holdout9 v2019-a, stripped of every space: table 二 prints no dash of its own (``规章6—5``,
    ``行政处罚—665``), but table 三 prints its zeros as em dashes (``31—22——35``): the page's
    style, so table 二's dashes are zero cells, not minus signs (6 0 5; 0 6 65; 0 10 9)."""
    fixtures = TESTS / "holdout9" / "fixtures"
    data = read_json(fixtures / "crawler-nospace" / "v2019-a~spa.txt")
    gold = gold_json(fixtures, "v2019-a")["active"]
    for row in ("regulations", "punishment", "coercion"):
        assert data["active"][row] == gold[row], row


def test_a_signed_cell_then_a_zero_word_cell_run_together() -> None:
    """holdout9 v2020-b, stripped of every space: ``行政许可７－２无`` (a platform printing its zeros
    as 无, written / by ``zero_words``): the signed cell and the zero cell are cut apart (7 -2 0);
    before, ``-2/`` was one cell and the row was lost."""
    fixtures = TESTS / "holdout9" / "fixtures"
    data = read_json(fixtures / "crawler-nospace" / "v2020-b~spa.txt")
    assert data["active"]["licensing"] == gold_json(fixtures, "v2020-b")["active"]["licensing"]
