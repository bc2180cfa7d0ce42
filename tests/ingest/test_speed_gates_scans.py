"""Cheaper tests of the same facts (issue 9: read_report's speed) give what the work they replaced
gave, on every document of the corpus and two fixtures of every class
(``test_read_speed_gates._real_inputs``), and on texts made to reach their edges.

- ``text._ocr_letters``, ``text._run_marks``: substring scans before the search, and the rule
  marks' search led by the mark, for ``_OCR_LETTERS.search`` and ``\\d[|丨［]|[丨［]\\d``.
- ``spilled``: table 三's lacking figures counted once and handed to its four steps.
- ``block_orders.row_equations``: remembered per bound, rows and width, a copy each call.
- ``units._APART``: led by a figure's first character, for ``(?<![^\\s|]){_FIGURE_UNIT}(?![^\\s|])``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai.ingest import block_orders, spilled, spilled_blocks, units
from gongkai.ingest import text as text_reader
from gongkai.ingest.document import UnreadableFile
from gongkai.ingest.read import read_document
from gongkai.ingest.records import ACTIVE, APPEALS, REQUESTS, Record, read_records, split_tables
from gongkai.report.equations import requests_bound
from gongkai.report.templates import TEMPLATES
from tests.ingest.test_read_speed_gates import _real_inputs, _same_matches

_RUN_MARKS_AS_IT_WAS = re.compile(r"\d[|丨［]|[丨［]\d")
_MADE = (
    "",
    "1|",
    "|1",  # a pipe before a figure: no rule mark (a table's cell border)
    "丨1",
    "1丨",
    "［2",
    "2［",
    "a|b",
    "12 | 3",
    "x［",
    "||1",
    "1||",
    "１|",  # full-width digits are \d too
    "丨１",
    "1O",
    "O1",
    "l",
    "1 O 0",
    "ZZ",
    "B8",
    "|",
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [path.read_text(encoding="utf-8", errors="replace") for path in _real_inputs()] + list(_MADE)


def test_ocr_letters_and_run_marks_as_the_searches(texts: list[str]) -> None:
    letters = marks = 0
    for text in texts:
        expected = text_reader._OCR_LETTERS.search(text) is not None
        assert text_reader._ocr_letters(text) == expected, text[:80]
        letters += expected
        expected = _RUN_MARKS_AS_IT_WAS.search(text) is not None
        assert (text_reader._RUN_MARKS.search(text) is not None) == expected, text[:80]
        assert text_reader._run_marks(text) == expected, text[:80]
        marks += expected
    assert 0 < letters < len(texts)
    assert 0 < marks < len(texts)


def _parts(paths: list[Path]) -> list[dict[str, list[Record]]]:
    found = []
    for path in paths:
        try:
            found.append(split_tables(read_records(read_document(path))))
        except UnreadableFile:
            continue
    return found


def test_spilled_steps_given_the_count() -> None:
    lacking = 0
    for parts in _parts(_real_inputs()):
        requests, appeals = parts[REQUESTS], parts[APPEALS]
        for template in TEMPLATES.values():
            rows, width = len(template.request_rows), len(template.request_columns)
            need = rows * width - spilled.printed_figures(requests)
            assert need == rows * width - sum(spilled._figures(r) for r in requests)
            lacking += need > 0
            for step in (spilled.spilled_columns, spilled.spilled_rows, spilled_blocks.spilled_blocks):
                assert step(template, requests, appeals, need) == step(template, requests, appeals)
            active = parts[ACTIVE]
            assert spilled.figures_ahead(template, active, requests, need) == spilled.figures_ahead(
                template, active, requests
            )
    assert lacking


def test_row_equations_remembered() -> None:
    for template in TEMPLATES.values():
        bound = requests_bound(template.id)
        keys = [row.key for row in template.request_rows]
        width = len(template.request_columns)
        for some in (keys, keys[:3], keys[-2:]):
            first = block_orders.row_equations(bound, some, width)
            assert first == block_orders._row_equations(bound, some, width)
            if first:
                first[0][0] += 100  # a reader changing its copy changes no later answer
            assert block_orders.row_equations(bound, some, width) == block_orders._row_equations(bound, some, width)


def test_figures_apart_led_by_their_first_character(texts: list[str]) -> None:
    old = re.compile(rf"(?<![^\s|]){units._FIGURE_UNIT}(?![^\s|])")
    _same_matches(old, units._APART, "件个-−－01.．a第 \u3000x|\t\n")
    hits = 0
    made = ["737    55 件    151", "一、本年新收 12件 3件 0件", "|-3件|", "x12件 4.5件\t"]
    for line in [*(line for text in texts for line in text.split("\n")), *made]:
        assert [m.span() for m in old.finditer(line)] == [m.span() for m in units._APART.finditer(line)], line
        hits += old.search(line) is not None
    assert hits
