"""Choosing one reading per row with the arithmetic of the whole table (``choose``): the combination
that breaks the fewest statutory equations, ties by cost, columns the tied readings disagree on unknown."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Protocol

from gongkai.ingest.row_reading import (
    MAX_PLACEMENTS,
    Reading,
    Value,
)


@dataclass(frozen=True)
class Choice:
    reading: Reading
    unknown: frozenset[int]  # columns the arithmetic could not decide (tied readings disagree)
    rivals: int  # how many distinct readings were considered
    alternatives: tuple[tuple[Value, ...], ...] = ()  # the tied readings, where they disagree


def choose(
    options: dict[Hashable, list[Reading]],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    exhaustive_limit: int = 4096,
    bound: Terms | None = None,
) -> dict[Hashable, Choice]:
    """Pick one reading per row so that the table breaks the fewest statutory equations.

    Ties are broken by cost (the reading nearest to what was printed); readings that still tie
    but disagree leave the disagreeing columns unknown. ``bound``: the equations ``failures``
    counts, by row; with it, a table too big to try every combination is searched
    (``table_search.best_tables``) before falling back to improving one row at a time.
    """
    fixed = {key: opts[0] for key, opts in options.items() if len(opts) == 1}
    open_rows = [key for key, opts in options.items() if len(opts) > 1]
    result = {key: Choice(reading, frozenset(), 1) for key, reading in fixed.items()}
    if not open_rows:
        return result
    base = {key: reading.values for key, reading in fixed.items()}
    size = 1
    for key in open_rows:
        size *= len(options[key])
    descended = False
    if size <= exhaustive_limit:
        scored: list[tuple[tuple[int, int, int], tuple[Reading, ...]]] = []
        for combo in itertools.product(*(options[key] for key in open_rows)):
            table = dict(base)
            table.update({key: r.values for key, r in zip(open_rows, combo, strict=True)})
            score = (failures(table), sum(r.cost for r in combo), sum(r.tail for r in combo))
            scored.append((score, combo))
        best = min(score for score, _ in scored)
        winners = [combo for score, combo in scored if score == best]
    else:
        searched = _searched(options, open_rows, base, failures, bound) if bound is not None else None
        winners = searched if searched is not None else _descend(options, open_rows, base, failures)
        descended = searched is None
    for index, key in enumerate(open_rows):
        chosen = winners[0][index]
        unknown: set[int] = set()
        for combo in winners[1:]:
            other = combo[index].values
            unknown.update(i for i, (a, b) in enumerate(zip(chosen.values, other, strict=True)) if a != b)
        tied = tuple(dict.fromkeys(combo[index].values for combo in winners)) if unknown else ()
        if descended and chosen.placements:
            # One row at a time cannot see placements that hold together with another row's
            # (figures swapping columns between rows): a placement it settled on is a guess.
            for placed in chosen.placements:
                unknown.update(i for i, (a, b) in enumerate(zip(chosen.values, placed, strict=True)) if a != b)
            tied = tuple(dict.fromkeys((*tied, *chosen.placements))) if unknown else tied
        result[key] = Choice(chosen, frozenset(unknown), len(options[key]), tied[:MAX_PLACEMENTS])
    return result


def _searched(
    options: dict[Hashable, list[Reading]],
    open_rows: list[Hashable],
    base: dict[Hashable, tuple[Value, ...]],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Terms,
) -> list[tuple[Reading, ...]] | None:
    """The consistent tables of least cost, as winners: by layers (``table_search``: every
    row's supported readings, however many tables combine them), else by ``best_tables``."""
    from gongkai.ingest.table_search import best_tables, supported_readings, witnessed_readings

    found = witnessed_readings(options, open_rows, base, failures, bound)
    if found == []:
        return None  # no table keeps every equation: the caller seeks the fewest broken
    if found is None:
        found = supported_readings(options, open_rows, base, failures, bound)
    return found if found is not None else best_tables(options, open_rows, base, failures, bound)


class Terms(Protocol):
    """The statutory equations as a search over readings of whole rows needs them
    (``report.equations.Bound``)."""

    def parts(self) -> list[frozenset[Hashable]]: ...

    def terms(self, part: Hashable, values: Sequence[Value]) -> dict[int, float]: ...


def _descend(
    options: dict[Hashable, list[Reading]],
    open_rows: list[Hashable],
    base: dict[Hashable, tuple[Value, ...]],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
) -> list[tuple[Reading, ...]]:
    """Too many rows for a full search: one row at a time, three sweeps."""
    current = {key: options[key][0] for key in open_rows}
    for _ in range(3):
        for key in open_rows:

            def rank(r: Reading, key: Hashable = key) -> tuple[int, int, int]:
                table = dict(base)
                table.update({k: v.values for k, v in current.items()})
                table[key] = r.values
                return failures(table), r.cost, r.tail

            current[key] = min(options[key], key=rank)
    winners = [tuple(current[key] for key in open_rows)]
    # Too many rows to try every combination: still, a row whose other readings do as well
    # with the rest of the table as chosen leaves the columns they disagree on unknown.
    for index, key in enumerate(open_rows):

        def settled(r: Reading, key: Hashable = key) -> tuple[int, int, int]:
            table = dict(base)
            table.update({k: v.values for k, v in current.items()})
            table[key] = r.values
            return failures(table), r.cost, r.tail

        best_rank = settled(current[key])
        for rival in options[key]:
            if rival is not current[key] and settled(rival) == best_rank:
                winners.append((*winners[0][:index], rival, *winners[0][index + 1 :]))
    return winners
