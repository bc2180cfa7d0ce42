"""Table 三 of Word exports read as a crawler's page text (issue 9): zero cells left blank, the
blank cells collapsed into one space (``crawler``) or gone with every separator
(``crawler-nospace``). The spaces place figures (``blank_gaps``); the table's column sums choose
among the rest, searched over whole tables (``table_search``); what they cannot tell stays
unknown, its readings kept as alternatives. Lines are as the fixtures print them
(``tests/ingest/publishers/fixtures``)."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest

from gongkai.ingest.blank_gaps import gap_readings, spaced_table
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.row_reading import Reading, Slot
from gongkai.ingest.table_search import supported_readings, witnessed_readings

FIXTURES = Path(__file__).resolve().parent / "publishers" / "fixtures"


def _slots(line: str, number: int = 57) -> list[Slot]:
    return [Slot(parse_cell(text), f"line {number} part {k + 1}") for k, text in enumerate(line.split())]


def _cheapest(line: str) -> set[tuple[int | float | None, ...]]:
    """The readings of a row with its first run in the first column (the cheapest)."""
    found = gap_readings(_slots(line), 7)
    least = min(r.cost for r in found)
    return {r.values for r in found if r.cost == least}


def test_each_space_is_one_blank_cell_or_more() -> None:
    # synth-2019-large~wordgov: 3.补正后申请内容仍不明确14 14 15 43 — three runs between spaces:
    # 14 (自然人), a blank, 14, a blank, 15, a blank, 43 (总计). Nothing else fits.
    assert _cheapest("14 14 15 43") == {(14, 0, 14, 0, 15, 0, 43)}
    # （一）予以公开829 537 871: 537 is two cells side by side that add up (5 37, not 53 7), in
    # columns the text does not say: both placements, for the column sums.
    assert _cheapest("829 537 871") == {(829, 0, 5, 37, 0, 0, 871), (829, 0, 0, 5, 37, 0, 871)}
    # A row with no blank cell is one run: every column filled, cut where it adds up (two cuts do:
    # the table's column sums choose).
    assert _cheapest("195165743") == {(19, 5, 1, 6, 5, 7, 43), (1, 9, 5, 16, 5, 7, 43)}


def test_a_blank_first_column_is_a_dearer_reading_taken_only_where_needed() -> None:
    # 5 5: 自然人 5 and 总计 5, or (a table that leaves 自然人 blank too) 5 in a later column.
    found = {r.values: r.cost for r in gap_readings(_slots("5 5"), 7)}
    first = found.pop((5, 0, 0, 0, 0, 0, 5))
    assert set(found) == {(0, 5, 0, 0, 0, 0, 5), (0, 0, 5, 0, 0, 0, 5), (0, 0, 0, 5, 0, 0, 5), (0, 0, 0, 0, 5, 0, 5)}
    assert all(cost > first for cost in found.values())


def test_a_row_no_reading_of_which_adds_up_gets_none() -> None:
    assert gap_readings(_slots("5 5 99"), 7) == []
    assert gap_readings(_slots("1 1 1 1 4"), 7) == []  # five runs need four blanks: nine cells


def test_only_runs_of_glued_cells_are_read_by_their_spaces() -> None:
    crawler = [_slots("1 11115"), _slots("829 537 871"), _slots("0 1 1")]
    assert spaced_table(crawler, 7)
    # A cell per figure with spaces between (text laid out from a PDF, Markdown): the printed
    # figures add up as they stand, so the spaces are no blank cells.
    laid_out = [_slots("180 1 3 184"), _slots("56 15 6 9 86"), _slots("0 1 1")]
    assert not spaced_table(laid_out, 7)
    # A row printing more runs than a blank between each two allows is no run of glued cells.
    assert not spaced_table([*crawler, _slots("1 2 3 4 5 6 21")], 7)


class _Columns:
    """Rows r… add up, column by column, to row t (table 三's outcome sums in small)."""

    def __init__(self, keys: list[str], width: int) -> None:
        self.keys, self.width = keys, width

    def parts(self) -> list[frozenset[str]]:
        return [frozenset({*self.keys, "t"})] * self.width

    def terms(self, part: str, values: tuple[int | None, ...]) -> dict[int, float]:
        sign = -1 if part == "t" else 1
        return {c: sign * (values[c] or 0) for c in range(self.width)}

    def broken(self, table: dict[Any, Any]) -> int:
        if any(k not in table for k in (*self.keys, "t")):
            return 0
        return sum(1 for c in range(self.width) if sum(table[k][c] or 0 for k in self.keys) != table["t"][c])


def _reading(values: tuple[int, ...], cost: int = 1) -> Reading:
    return Reading(values, (None,) * len(values), ("",) * len(values), cost, "", "")


@pytest.mark.parametrize("seed", range(40))
def test_the_searches_keep_exactly_the_readings_some_cheapest_consistent_table_uses(seed: int) -> None:
    rng = random.Random(seed)
    width = 3
    keys = [f"r{i}" for i in range(rng.randint(2, 5))]
    options: dict[object, list[Reading]] = {}
    for key in keys:
        values = {tuple(rng.randint(0, 2) for _ in range(width)) for _ in range(rng.randint(1, 4))}
        options[key] = [_reading(v, rng.choice((1, 1, 2))) for v in sorted(values)]
    truth = [rng.choice(options[key]).values for key in keys]
    total = tuple(sum(int(v[c] or 0) for v in truth) for c in range(width))
    base: dict[Any, Any] = {"t": total}
    bound = _Columns(keys, width)
    # Every combination, the cheapest consistent ones kept.
    tables = [
        combo
        for combo in itertools.product(*(options[k] for k in keys))
        if bound.broken({**base, **{k: r.values for k, r in zip(keys, combo, strict=True)}}) == 0
    ]
    least = min(sum(r.cost for r in combo) for combo in tables)
    expected = [{combo[i].values for combo in tables if sum(r.cost for r in combo) == least} for i in range(len(keys))]
    for search in (witnessed_readings, supported_readings):
        winners = search(options, list(keys), base, bound.broken, bound)  # type: ignore[arg-type]
        assert winners, search.__name__
        got = [{w[i].values for w in winners} for i in range(len(keys))]
        assert got == expected, search.__name__
        first = {k: r.values for k, r in zip(keys, winners[0], strict=True)}
        assert bound.broken({**base, **first}) == 0


def test_a_table_no_reading_balances_is_left_to_the_fewest_broken_search() -> None:
    keys = ["r0", "r1"]
    bound = _Columns(keys, 2)
    options: dict[object, list[Reading]] = {"r0": [_reading((1, 0)), _reading((0, 1))], "r1": [_reading((1, 0))]}
    assert witnessed_readings(options, keys, {"t": (0, 3)}, bound.broken, bound) == []  # type: ignore[arg-type]


def _gold(report: str) -> dict[str, list[int]]:
    data: dict[str, list[int]] = json.loads((FIXTURES / "gold" / f"{report}.json").read_text(encoding="utf-8"))[
        "requests"
    ]
    return data


WORD_PAGES = sorted(p.name for p in (FIXTURES / "crawler").iterdir() if p.stem.endswith("~wordgov"))


@pytest.mark.parametrize("kind", ["crawler", "crawler-nospace"])
@pytest.mark.parametrize("name", WORD_PAGES)
def test_word_tables_in_crawler_text_read_right_or_unknown_with_their_readings(kind: str, name: str) -> None:
    result = read_report(FIXTURES / kind / name)
    assert result.report is not None
    data = json.loads(result.report.to_json())
    gold = _gold(name.split("~")[0])
    doubts = {u["cell"]: u for u in data["uncertain"]}
    for key, row in data["requests"].items():
        expected = gold[key]
        assert all(v is None or v == e for v, e in zip(row, expected, strict=True)), (key, row, expected)
        if None in row:
            entry = doubts[f"requests.{key}"]
            alternatives = entry.get("alternatives", [])
            assert len(alternatives) >= 2, key
            assert expected in alternatives or len(alternatives) >= 10, (key, alternatives)


def test_spaces_place_a_row_the_column_sums_alone_would_not() -> None:
    # synth-2019-large~wordgov (crawler): 14 14 15 43 has one reading; without its spaces
    # (crawler-nospace) the same figures may sit in any of the middle columns.
    spaced = json.loads(read_report(FIXTURES / "crawler" / "synth-2019-large~wordgov.txt").report.to_json())  # type: ignore[union-attr]
    assert spaced["requests"]["unavailable_unclear"] == [14, 0, 14, 0, 15, 0, 43]
