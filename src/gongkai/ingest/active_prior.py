"""The likeliest cut of a table 二 row's run of digits, where nothing else decides: a page
stripped of its markup runs a row's cells together (``规章17543163440009``), table 二 has no
equation, and often neither the report layer's warnings, the prose nor ``LIKELY`` pick one cut.

A row's figures share the agency's size, so its counts are of like magnitude (17543 1634 40009
rather than 1 75431634 40009), and 本年增/减 is a small change to the items (``-3``, ``12``).
Measured on every gold report the project holds, each row's figures run together and cut every
plausible way: the cut these two likelihoods favour reads about two cells in three right where
nothing else decided. It is a likelihood, not proof: the row stays in ``uncertain`` with the
other cuts as alternatives.

Before both: a cut printing one figure of two digits or more twice in the row (``1205143574120514``:
120514 3574 120514). Rows repeat a figure often (本年新制作 = 本年新公开, 本年制发 = 现行有效),
while a run whose digits only happen to allow such a cut is rare: measured the same way
(``bench/active_priors.py``), of the 100 rows where exactly one cut repeats a figure it reads 96
right, the other priors 70 (none of theirs lost). Only rows of counts: a count equal to an amount
in 元 is no usual relation."""

from __future__ import annotations

import math

from gongkai.ingest.active_plausible import LIKELY
from gongkai.ingest.row_reading import Number

# Each digit of 本年增/减 past the first weighs as much as this much spread of the counts'
# magnitudes (squared difference of their log10s from their mean).
CHANGE_DIGIT_WEIGHT = 3.0


def _likely_only(order: list[str], cuts: list[tuple[Number, ...]]) -> list[tuple[Number, ...]]:
    """The cuts that pass the row's test of ``LIKELY`` (made = published, in force >= made …)
    where any does; else all of them."""
    for keys, test, _, _ in LIKELY:
        if sorted(order) != sorted(keys):
            continue
        at = [order.index(key) for key in keys]
        passing = [c for c in cuts if test(tuple(c[i] for i in at))]
        return passing or cuts
    return cuts


def likelihood(order: list[str], values: tuple[Number, ...]) -> float:
    """Higher for a cut whose counts are of like magnitude and whose 本年增/减 is short."""
    score = 0.0
    logs = []
    for key, value in zip(order, values, strict=True):
        if key == "change":
            score -= CHANGE_DIGIT_WEIGHT * max(0, len(str(int(abs(value)))) - 1)
        else:
            logs.append(math.log10(abs(value) + 1))
    if logs:
        mean = sum(logs) / len(logs)
        score -= sum((x - mean) ** 2 for x in logs)
    return score


def prior_cut(
    order: list[str],
    distinct: list[tuple[Number | None, ...]],
    cuts: set[tuple[Number | None, ...]],
) -> tuple[tuple[Number | None, ...], str, str] | None:
    """The one cut of a row's run (every reading a cut of what was printed, none supposing a
    blank cell) that ``likelihood`` favours over all others; None where the readings are not all
    cuts, fewer than two, or the best ties."""
    if len(distinct) < 2 or not all(v in cuts and None not in v for v in distinct):
        return None
    whole: list[tuple[Number, ...]] = [v for v in distinct if None not in v]  # type: ignore[misc]
    ranked = sorted(_likely_only(order, whole), key=lambda v: -likelihood(order, v))
    if len(ranked) > 1 and likelihood(order, ranked[0]) == likelihood(order, ranked[1]):
        return None
    return (
        ranked[0],
        "各数字量级相近、本年增/减较小的常见情形（仅为可能性）",
        "the usual magnitudes (a row's counts alike, its change small; a likelihood only)",
    )


def _repeats(values: tuple[Number | None, ...]) -> bool:
    """Whether a cut prints one whole figure of two digits or more in two of its cells."""
    seen: set[int] = set()
    for v in values:
        if type(v) is int and abs(v) >= 10:
            if v in seen:
                return True
            seen.add(v)
    return False


def repeated_cut(
    distinct: list[tuple[Number | None, ...]],
    cuts: set[tuple[Number | None, ...]],
) -> tuple[tuple[Number | None, ...], str, str] | None:
    """The one cut of a row's run that prints a figure of two digits or more twice (made =
    published, made = in force …), where several cuts fit; else None."""
    if len(distinct) < 2:
        return None
    repeating = [v for v in distinct if v in cuts and None not in v and _repeats(v)]
    if len(repeating) != 1:
        return None
    return (
        repeating[0],
        "同一行重复印出同一数字的常见情形（仅为可能性）",
        "a figure the row prints twice (a likelihood only)",
    )


def ranked_rivals(
    order: list[str], distinct: list[tuple[Number | None, ...]], most: int
) -> list[tuple[Number | None, ...]]:
    """At most ``most`` of a row's readings, likeliest first, to list as alternatives."""
    whole = [v for v in distinct if None not in v]
    return sorted(whole, key=lambda v: -likelihood(order, v))[:most]  # type: ignore[arg-type]
