"""The text reader's passes made cheaper (issue 9's speed bar): each is checked against the code it
replaced, on drawn inputs and on every real text the tests hold."""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from itertools import pairwise

from gongkai.ingest import encoding, share_text, shares, tab_tables, units
from gongkai.ingest.cell_lines import is_blank_separated
from gongkai.ingest.line_kinds import is_empty, is_spacer
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


def test_only_two_characters_fold_to_bi() -> None:
    """``is_share_title`` asks nothing of a text holding neither 比 nor ⽐: every share word holds
    比, and NFKC makes it of these two characters only (比 composes with nothing)."""
    assert all(word.count("比") for word in shares.SHARE_WORDS)
    folding = [chr(c) for c in range(sys.maxunicode + 1) if "比" in unicodedata.normalize("NFKC", chr(c))]
    assert folding == [shares._BI_RADICAL, "比"]


_BLANKS = " \t\r\u3000\xa0\u2003\f\x0b"


def test_sign_alone_as_the_look_behind_first() -> None:
    old = re.compile(r"(?<!\S)[%％](?!\S)")
    draw = random.Random(9)
    for _ in range(20_000):
        text = "".join(draw.choice("1%％a比" + _BLANKS + "\n") for _ in range(draw.randint(0, 10)))
        spans = [m.span() for m in old.finditer(text)]
        assert [m.span() for m in share_text._SIGN_ALONE.finditer(text)] == spans, text
        assert share_text._any_sign_alone(text) == bool(spans), text


def test_blank_line_of_a_tab_table_as_empty_or_spacer() -> None:
    draw = random.Random(9)
    for _ in range(20_000):
        line = "".join(draw.choice("a1" + _BLANKS) for _ in range(draw.randint(0, 5)))
        assert ("\t" not in line and not line.strip()) == (is_empty(line) or is_spacer(line)), repr(line)


def test_indented_lines_counted_as_a_test_of_every_line() -> None:
    draw = random.Random(9)
    for _ in range(20_000):
        lines = ["".join(draw.choice("\t\ta1 ") for _ in range(draw.randint(1, 5))) for _ in range(draw.randint(1, 6))]
        old = sum(1 for line in lines if line.startswith("\t") and line.count("\t") == 1)
        assert sum(1 for _ in tab_tables._INDENTED.finditer("\n".join(lines))) == old, lines


def test_utf8_bytes_as_the_sample_encoded() -> None:
    draw = random.Random(9)
    for _ in range(5_000):
        text = "".join(draw.choice("a1 中\x00\x07\t\n\x1f") for _ in range(draw.randint(0, 12)))
        assert encoding._looks_like_text(text, text.encode("utf-8")) == encoding._looks_like_text(text), repr(text)
    for real in _real_texts()[:50]:
        assert encoding._looks_like_text(real[: encoding._SAMPLE], real[: encoding._SAMPLE].encode()) == (
            encoding._looks_like_text(real[: encoding._SAMPLE])
        )


def _old_in_cells(line: str) -> str:
    """``units._in_cells`` as it was: ``_ONE`` searched for, then found again over the line."""
    if units._DIGIT_UNIT.search(line) is None or units._ONE.search(line) is None:
        return line
    spaced = units._unit_to_space
    out = units._RUN.sub(lambda m: spaced(m.group()), line) if units._UNIT_THEN_FIGURE.search(line) else line
    if not units._COUNTED_CLAUSE.search(out) and units._ROW_FIGURES.search(out):
        out = units._APART.sub(lambda m: spaced(m.group()), out)
    pieces: list[str] = []
    done = 0
    for match in units._ONE.finditer(out):
        if units._labelled(out, match.start(), match.end()):
            pieces += [out[done : match.start()], spaced(match.group())]
            done = match.end()
    return "".join(pieces) + out[done:] if pieces else out


def test_unit_cells_as_when_the_figures_were_searched_twice() -> None:
    draw = random.Random(9)
    words = ["12", "0", "3件", "8896件", "件", " ", "  ", "，", "行政许可", "规章", "第", "1.5", "个", "项", "。"]
    for _ in range(20_000):
        line = "".join(draw.choice(words) for _ in range(draw.randint(0, 9)))
        assert units._in_cells(line) == _old_in_cells(line), line
    for line in _real_lines_with_units():
        assert units._in_cells(line) == _old_in_cells(line), line


def _real_lines_with_units() -> list[str]:
    return [line for text in _real_texts() for line in text.split("\n") if units._ANY_UNIT.search(line)]


def test_mostly_indented_as_counted_line_by_line() -> None:
    draw = random.Random(9)
    for _ in range(20_000):
        lines = ["".join(draw.choice("\t\ta1 ") for _ in range(draw.randint(0, 5))) for _ in range(draw.randint(0, 8))]
        lines = [line if "\t" in line else "\t" + line for line in lines]  # (tab_table's lines hold a tab)
        indented = sum(1 for line in lines if line.startswith("\t") and line.count("\t") == 1)
        assert tab_tables._mostly_indented(lines) == (indented * 5 >= len(lines) * 4), lines
