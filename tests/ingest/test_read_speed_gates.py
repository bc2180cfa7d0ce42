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
from gongkai.ingest.align import Slot
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.padded import table_padding
from gongkai.ingest.records import Token
from gongkai.ingest.requests import RequestRaw, requests_padding
from gongkai.ingest.trailing_citations import _AT_CELL_END, _after_row_label, trailing_citations_cut
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


def test_requests_padding_as_table_padding_over_every_row() -> None:
    # The leading-zero gate answers 0 only where table_padding (over every row's cells and
    # groups, as before the gate) does too; tables with padded figures and without, drawn.
    template = TEMPLATES["2021"]
    bound = requests_bound(template.id)
    n = len(template.request_columns)
    draw = random.Random(9)
    for _ in range(400):
        raw = {}
        for row in template.request_rows:
            texts = [draw.choice(["0", "00", "07", "1", "12", "3", "", "—", "105", "010"]) for _ in range(n)]
            values = [Token(t, f"line 1 cell {k}", parse_cell(t)) for k, t in enumerate(texts)]
            raw[row.key] = RequestRaw(row.key, Token(row.key, "line 1", parse_cell(row.key)), values)
        old = table_padding(
            [
                ([Slot(t.value, t.where) for t in found.values], bound.run_groups(key, n))
                for key, found in raw.items()
                if key in template.requests_by_key
            ]
        )
        assert requests_padding(template, raw) == old


def test_trailing_citations_cut_touches_no_line_without_both_characters() -> None:
    def old(lines: list[str]) -> list[str]:
        return [_after_row_label(_AT_CELL_END.sub(" ", line)) if "项" in line else line for line in lines]

    draw = random.Random(9)
    for _ in range(20_000):
        line = "".join(draw.choice("第二十条（一）项 |1件规章") for _ in range(draw.randint(0, 14)))
        assert trailing_citations_cut([line]) == old([line]), line
    lines = ["| 规章 | 第二十条第（一）项 | 5 |", "规章  1  33  1   第二十条第（一）项", "事项 12 项"]
    assert trailing_citations_cut(lines) == old(lines)


def test_wrapped_cells_gate_sees_every_lone_unit_of_a_line() -> None:
    # Where the joined text holds no lone unit, no line does: the per-line pass would skip them all.
    draw = random.Random(9)
    alphabet = _UNITS + " \t\u3000\xa0\f1a|"
    for _ in range(20_000):
        lines = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 5))) for _ in range(3)]
        if units._LONE_ANY.search("\n".join(lines)) is None:
            assert not any(units._LONE_ANY.search(line) for line in lines), lines
            assert units.wrapped_cells(lines) == lines
    laid = ["          737", "规章 5", "           件"]  # 737件 wrapped: a lone unit, the row moves
    assert units.wrapped_cells(laid) == ["             ", "规章 5      737", "            "]
