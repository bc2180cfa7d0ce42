"""The shortcuts taken for speed (issue 9) give what the full work gives.

Each gate or rewritten pattern is checked against the form it replaced, on small inputs
enumerated or drawn at random: a gate may only skip work whose result it already knows.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata

from gongkai.ingest import meta, unit_wraps, units
from gongkai.ingest.vanished import _countable, row_options
from gongkai.report.equations import requests_bound
from gongkai.report.templates import TEMPLATES

_UNITS = units.COUNT_UNITS


def test_countable_rules_out_only_streams_with_no_assignment() -> None:
    # Every stream of up to six figures from {0, 1, 2, 3}, one or two rows: where counting says
    # no, the search finds nothing either.
    for length in range(7):
        for stream in itertools.product(range(4), repeat=length):
            for rows in (1, 2):
                if not _countable(stream, rows):
                    assert row_options(stream, rows, 5) is None, (stream, rows)


def test_countable_spares_a_real_stream() -> None:
    stream = [180, 1, 84, 3, 184, 2, 86]  # 180 1 3 184 a row, 84 2 86 the next, interleaved
    assert _countable(stream, 2)
    assert row_options(stream, 2, 5) is not None


def _same_matches(old: re.Pattern[str], new: re.Pattern[str], alphabet: str) -> None:
    draw = random.Random(9)
    for _ in range(20_000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 9)))
        for pos in range(len(text) + 1):
            a, b = old.search(text, pos), new.search(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)
        assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)], text


def test_lone_unit_patterns_match_as_the_look_behind_first_forms() -> None:
    alphabet = _UNITS + " |\t\n\u3000a1"
    _same_matches(re.compile(rf"(?<![^\s|])[{_UNITS}](?![^\s|])"), units._LONE_UNIT, alphabet)
    _same_matches(re.compile(rf"(?<![^\s])[{_UNITS}](?![^\s])"), units._LONE_ANY, alphabet)


def test_unit_cells_pattern_matches_as_the_look_behind_first_form() -> None:
    old = re.compile(rf"(?<![0-9A-Za-z第.．])[0-9]+[{_UNITS}][ \u3000]+[0-9]+[{_UNITS}]?(?![^\s])")
    _same_matches(old, unit_wraps._UNIT_CELLS, "01件项 \u3000\nA第.．x")


def test_digit_unit_is_found_wherever_a_figure_with_its_unit_is() -> None:
    draw = random.Random(9)
    for _ in range(20_000):
        text = "".join(draw.choice("01.．-第a 件个\u3000") for _ in range(draw.randint(0, 9)))
        if units._ONE.search(text):
            assert units._DIGIT_UNIT.search(text), text


def test_clean_line_as_with_the_marker_regex_always() -> None:
    def old(text: str) -> str:
        return meta._SPACE.sub("", meta._MARKUP.sub("", unicodedata.normalize("NFKC", text)))

    draw = random.Random(9)
    for _ in range(20_000):
        text = "".join(draw.choice("#>*＊＃ \u3000\xa0\t报告a") for _ in range(draw.randint(0, 8)))
        assert meta.clean_line(text) == old(text), text


def test_broken_scores_a_table_changed_in_place_anew() -> None:
    bound = requests_bound("2021")
    table = {row.key: [1, 0, 0, 0, 0, 0, 1] for row in TEMPLATES["2021"].request_rows}
    first = bound.broken(table)
    assert bound.broken(table) == first
    table["granted"][0] = 7  # the same dict, other figures: not the remembered score
    assert bound.broken(table) == bound._broken(table.get) != first
