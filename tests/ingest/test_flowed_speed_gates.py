"""The recogniser's first gates and label caches added for speed (issue 9, bench/read.py's text
speed) give what the full work gives.

Each gate is held open and the real inputs (the corpus and two fixtures of every class) read the
same; each gate's claim is checked on their table 三 records too; and each cache answers as the
function it stands in for on every label of those inputs.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

import pytest

from gongkai.ingest import active_rows, column_tail, deferred_totals, paragraph_runs, request_labels, vanished
from gongkai.ingest.broken_rows import broken_rows
from gongkai.ingest.document import UnreadableFile
from gongkai.ingest.extra_columns import extra_tail
from gongkai.ingest.header_units import _lone_unit_tail
from gongkai.ingest.numbers import CellKind, header_unit, parse_cell
from gongkai.ingest.read import read_document
from gongkai.ingest.records import (
    REQUESTS,
    Record,
    Token,
    _gapped_hits,
    _label_hits,
    _laid_out,
    _token_hits,
    cached_bare,
    printed_counts,
    read_records,
    split_tables,
)
from gongkai.ingest.row_reading import Value
from gongkai.ingest.template_align import fuzzy_row
from gongkai.ingest.vanished_flow import figures_in_flow, printed_count
from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.equations import COLUMN_BALANCE, OUTCOME_SUM, ROW_SUM, Cell, equations
from gongkai.report.templates import TEMPLATES, Template
from tests.ingest.test_read_speed_gates import _real_inputs, _reports


def _records(paths: list[Path]) -> list[list[Record]]:
    """Every real input's records, of all tables, in order."""
    found = []
    for path in paths:
        try:
            found.append(read_records(read_document(path)))
        except UnreadableFile:
            continue
    return found


def test_flowed_gates_read_as_without_them(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _real_inputs()
    gated = _reports(paths)
    monkeypatch.setattr(deferred_totals, "_flow_size", lambda records: len(deferred_totals._flow(records) or ()))
    monkeypatch.setattr(paragraph_runs, "_fills", lambda records, cells: True)
    monkeypatch.setattr(vanished, "printed_count", lambda records: (0, True))
    monkeypatch.setattr(column_tail, "_unread_pair", lambda order, report: True)
    monkeypatch.setattr(request_labels, "_row_starts", lambda record: 2)
    assert _reports(paths) == gated


def test_flow_sizes_told_before_the_flow_is_built() -> None:
    for records in _records(_real_inputs()):
        requests = split_tables(records)[REQUESTS]
        flow = deferred_totals._flow(requests)
        assert flow is None or len(flow) == deferred_totals._flow_size(requests)
        printed, dashed = printed_count(requests)
        figures = figures_in_flow(requests)
        assert dashed == any(t.value.kind is CellKind.DASH for r in requests for t in r.values)
        if figures is not None:
            assert len(figures) == printed if not dashed else len(figures) >= printed


def test_label_caches_answer_as_the_work_they_stand_in_for() -> None:
    vocab = vocabulary()
    for records in _records(_real_inputs()):
        for k, record in enumerate(records):
            # the row a record's labels name: the same from their texts alone as from the record
            for started in (False, True):
                for next_index in (0, k % 9):
                    expected = request_labels._match_record(record, started, next_index)
                    assert request_labels.match_request(record, started, next_index) == expected
            for token in record.labels:
                hits = _label_hits(token.text)
                laid = _laid_out(token)
                assert _token_hits(token.text, laid) == (hits if any(hits) else _gapped_hits(token.text, laid))
                assert extra_tail(token.text) == extra_tail.__wrapped__(token.text)
                assert header_unit(token.text) == header_unit.__wrapped__(token.text)
                assert _lone_unit_tail(token.text) == _lone_unit_tail.__wrapped__(token.text)
                bare = cached_bare(token.text)
                assert active_rows._fuzzy_active(bare) == fuzzy_row(bare, vocab.active_rows)


def _broken_rows_before(template: Template, table: dict[str, list[int | None]]) -> dict[str, list[str]]:
    """``broken_rows`` as it was: every equation asked through ``Equation.holds``."""
    broken: dict[str, list[str]] = {}

    def value(cell: Cell) -> Value:
        row = table.get(cell.row)
        return row[cell.column] if row is not None and isinstance(cell.column, int) else None

    def note(cells: Iterable[Cell], what: str) -> None:
        for row in dict.fromkeys(c.row for c in cells):
            broken.setdefault(row, []).append(what)

    done = template.request_row("total_processed").printed
    found = [e for e in equations(template) if e.table == "requests"]
    order = {ROW_SUM: 0, OUTCOME_SUM: 1, COLUMN_BALANCE: 2}
    found.sort(key=lambda e: (e.rule != ROW_SUM, e.column if e.rule != ROW_SUM else 0, order.get(e.rule, 3)))
    for equation in found:
        holds = equation.holds(value)
        column = template.request_columns[equation.column].label if isinstance(equation.column, int) else ""
        if equation.rule == ROW_SUM:
            if holds is False:
                note(equation.cells, "各类申请人之和不等于总计")
        elif equation.rule == OUTCOME_SUM:
            if holds is False:
                note((*equation.left, *equation.right), f"“{column}”列各办理结果之和不等于{done}")
            elif holds is None and equation.exceeded(value):
                note(
                    (*(c for c in equation.left if value(c)), *equation.right),
                    f"“{column}”列已读出的办理结果之和已超过{done}",
                )
        elif equation.rule == COLUMN_BALANCE and holds is False:
            note((*equation.left, *equation.right), f"“{column}”列第一项加第二项不等于第三项加第四项")
    return broken


def test_broken_rows_as_every_equation_asked_in_turn() -> None:
    draw = random.Random(9)
    for template in TEMPLATES.values():
        width = len(template.request_columns)
        for _ in range(1500):
            table = {
                row.key: [None if draw.random() < 0.08 else draw.randint(0, 2) for _ in range(width)]
                for row in template.request_rows
                if draw.random() > 0.04
            }
            found = broken_rows(template, table)
            if found:  # (a table keeping every equation takes the compiled path, as before)
                expected = _broken_rows_before(template, table)
                assert found == expected and list(found) == list(expected), table


def _printed_counts_before(records: list[Record]) -> list[Token] | None:
    """``records.printed_counts`` as it was: the printed cells gathered, then each checked."""
    printed = [t for record in records for t in record.values if t.value.kind is not CellKind.BLANK]
    for token in printed:
        amount = token.value.amount
        if token.value.kind is CellKind.TEXT or not isinstance(amount, int) or amount < 0:
            return None
    return printed


def test_printed_counts_in_one_pass_as_before() -> None:
    draw = random.Random(11)
    texts = ["", "0", "12", "-3", "1.5", "abc", "—", "未知", "3件", "  "]
    for _ in range(5000):
        records = [
            Record(
                [],
                [Token(t, f"line {k}", parse_cell(t)) for k, t in enumerate(draw.choices(texts, k=draw.randint(0, 5)))],
            )
            for _ in range(draw.randint(0, 4))
        ]
        found, expected = printed_counts(records), _printed_counts_before(records)
        assert (found is None) == (expected is None)
        assert found is None or expected is None or [id(t) for t in found] == [id(t) for t in expected]
