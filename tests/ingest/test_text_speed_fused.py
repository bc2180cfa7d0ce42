"""The text reader's passes made cheaper (issue 9's speed bar): each is checked against the code it
replaced, on drawn inputs and on every real text the tests hold."""

from __future__ import annotations

import random
from itertools import pairwise

from gongkai.ingest.cell_lines import is_blank_separated
from gongkai.ingest.lines_holding import lines_holding
from gongkai.ingest.wrapped_labels import only_labels_wrap
from tests.ingest.test_read_speed_gates import _real_texts

_KINDS = ("value", "mixed", "short", "empty", "spacer", "page", "prose", "heading")


def test_lines_holding_as_a_test_of_every_line() -> None:
    draw = random.Random(9)
    marks = "%％占比件个项条\t"
    for _ in range(5_000):
        lines = [
            "".join(draw.choice("ab 1%％占比件\t") for _ in range(draw.randint(0, 6)))
            for _ in range(draw.randint(0, 8))
        ]
        for wanted in ("%％", "占比", "件", marks):
            assert lines_holding(lines, wanted) == [i for i, line in enumerate(lines) if any(m in line for m in wanted)]
    for real in _real_texts():
        lines = real.split("\n")
        assert lines_holding(lines, marks) == [i for i, line in enumerate(lines) if any(m in line for m in marks)]


# The kinds tests as they were, a generator over every pair of lines.


def _old_blank_separated(kinds: list[str], loose: bool = False) -> bool:
    filled = sum(1 for k in kinds if k not in ("empty", "spacer", "page"))
    if kinds.count("empty") * 10 < filled * 6:
        return False
    if loose:
        return True
    filled_kinds = ("value", "mixed", "short")
    adjacent = sum(1 for a, b in pairwise(kinds) if a in filled_kinds and b in filled_kinds)
    return adjacent * 10 <= filled


def _old_only_labels_wrap(kinds: list[str]) -> bool:
    figures = ("value", "mixed")
    filled_kinds = ("value", "mixed", "short")
    filled = sum(1 for k in kinds if k in filled_kinds)
    touching = sum(
        1 for a, b in pairwise(kinds) if (a in figures and b in filled_kinds) or (b in figures and a in filled_kinds)
    )
    return kinds.count("empty") * 10 >= filled * 6 and touching * 20 <= filled


def test_kinds_tests_as_over_every_pair_of_lines() -> None:
    draw = random.Random(9)
    for _ in range(20_000):
        # weighted towards the blank lines a blank-separated table holds, so both answers come up
        kinds = [draw.choice(_KINDS + ("empty",) * 6) for _ in range(draw.randint(0, 30))]
        assert is_blank_separated(kinds) == _old_blank_separated(kinds), kinds
        assert is_blank_separated(kinds, loose=True) == _old_blank_separated(kinds, loose=True), kinds
        assert only_labels_wrap(kinds) == _old_only_labels_wrap(kinds), kinds
