"""Cheaper tests of the same facts (issue 9: read_report's speed) give what the work they replaced
gave: on every document of the corpus and two fixtures of every class
(``test_read_speed_gates._real_inputs``), and on texts made to reach their edges.

- ``ocr_figures._suspect``: substring scans and a search led by the blank, for the one search
  of ``[OoIlSBZ|丨［]|\\d[ \\u3000]\\d`` over a document's cells joined.
- ``transposed._names_items``: a figure's ASCII cell not looked up as a row of table 二.
- ``interleaved_rows._named_rows``: the template's rows by key, not a set made per record.
- ``read_vanished``: no figures beside or after labels sought where no row's first cell is open.
- ``lead_tails.record_counts``, ``request_labels.match_request_label``: the same, fewer lookups.
- ``text._OCR_LETTERS``: led by the letter, not by ``\\d`` tried at every character.
- ``deferred_totals._flow_size``: a label's end asked before the search of its text.
"""

from __future__ import annotations

import re
from copy import deepcopy

import pytest

from gongkai.ingest import deferred_totals, interleaved_rows, lead_tails, ocr_figures, transposed
from gongkai.ingest import text as text_reader
from gongkai.ingest.document import Cell, Document, UnreadableFile
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.read import read_document, read_report
from gongkai.ingest.records import Record, Token, cached_key, read_records
from gongkai.ingest.request_labels import match_request, match_request_label, printed_rows
from gongkai.ingest.vanished_anchors import any_first_open, firsts_beside_labels
from gongkai.ingest.vanished_tables import row_shape
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES, Template
from tests.ingest.test_read_speed_gates import _real_inputs

_SUSPECT_AS_IT_WAS = re.compile(r"[OoIlSBZ|丨［]|\d[ \u3000]\d")


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    found = []
    for path in _real_inputs():
        try:
            found.append(read_document(path))
        except UnreadableFile:
            continue
    assert len(found) > 20
    return found


def _joined(document: Document) -> str:
    return "\n".join(cell.text for table in document.tables for row in table.rows for cell in row)


_MADE = (
    "",
    "规章\n12\n34",
    "1O",  # a look-alike letter
    "丨 3",
    "45 ［",
    "2 7",  # a blank between digits
    "2\u30007",
    "２ ７",  # full-width digits are \d too
    "2  7",  # two blanks: no figure spaced
    " 7",
    "7 ",
    "a 7",
    "7 a",
    "行政许可 12",
    "12 行政许可",
    "1\n2",
    "1 \n 2",
)


def test_suspect_as_the_one_search(documents: list[Document]) -> None:
    texts = [_joined(d) for d in documents] + list(_MADE)
    hits = 0
    for text in texts:
        expected = _SUSPECT_AS_IT_WAS.search(text) is not None
        assert ocr_figures._suspect(text) == expected, text[:80]
        hits += expected
    assert 0 < hits < len(texts)  # both answers among the inputs


def _names_items_as_it_was(row: list[Cell]) -> bool:
    return sum(transposed._names_item(cell.text) for cell in row) >= 2


def test_names_items_skipping_ascii_cells(documents: list[Document]) -> None:
    rows = [row for d in documents for table in d.tables for row in table.rows]
    made = [
        [Cell(text, "line 1") for text in texts] for texts in (["规章", "行政许可", "1"], ["12", "规章"], ["0", "1"])
    ]
    answers = [transposed._names_items(row) for row in rows + made]
    assert answers == [_names_items_as_it_was(row) for row in rows + made]
    assert any(answers)
    assert not transposed._names_items(made[2])


def _named_rows_as_it_was(template: Template, record: Record) -> list[str]:
    named = printed_rows()
    keys = {row.key for row in template.request_rows}
    found: list[str] = []
    for token in record.labels:
        key = named.get(cached_key(token.text))
        if key is None:
            parts = [named.get(cached_key(part)) for part in token.text.split()]
            key = next((k for k in reversed(parts) if k is not None), None)
        if key is not None and key in keys:
            found.append(key)
    return found


def test_named_rows_by_the_templates_keys(documents: list[Document]) -> None:
    named = 0
    for document in documents:
        for record in read_records(document):
            for template in TEMPLATES.values():
                rows = interleaved_rows._named_rows(template, record)
                assert rows == _named_rows_as_it_was(template, record)
                named += bool(rows)
    assert named


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    found = []
    for path in _real_inputs():
        result = read_report(path)
        if result.report is not None:
            found.append(result.report)
    assert len(found) > 20
    return found


def test_no_first_cell_open_no_first_filled(reports: list[Report]) -> None:
    """``read_vanished`` returns before seeking the figures beside or after labels where every
    row's first cell is read: ``firsts_beside_labels`` would fill none (and fills where one is open)."""
    shut = opened = 0
    for report in reports:
        template = report.template
        keys = [row.key for row in template.request_rows]
        width = len(template.request_columns)
        shape = row_shape(requests_bound(template.id), keys, width)
        if shape is None or not all(report.requests.get(key) for key in keys):
            continue
        figures = [Token(str(k), f"line {k}", parse_cell(str(k))) for k in range(len(keys))]
        anchors = dict(enumerate(range(len(keys))))
        for open_row in (None, keys[-1]):
            copy = deepcopy(report)
            if open_row is not None:
                copy.requests[open_row][shape.first] = None
            before, evidence = deepcopy(copy.requests), Evidence()
            firsts_beside_labels(keys, shape, figures, anchors, copy, evidence)
            firsts_beside_labels(keys, shape, figures, anchors, copy, evidence, beside=False)
            if any_first_open(keys, shape, _with(copy, before)):
                assert copy.requests != before
                opened += 1
            else:
                assert copy.requests == before and not evidence.uncertain and not evidence.provenance
                shut += 1
    assert shut and opened


def _with(report: Report, requests: dict[str, list[int | None]]) -> Report:
    copy = deepcopy(report)
    copy.requests = deepcopy(requests)
    return copy


def _figures_as_it_was(record: Record) -> list[Token] | None:
    out = []
    for token in record.values:
        if token.value.kind is CellKind.BLANK:
            continue
        amount = token.value.amount
        if token.value.kind is CellKind.TEXT or not isinstance(amount, int) or amount < 0:
            return None
        out.append(token)
    return out


def test_lead_figures_and_label_matches(documents: list[Document]) -> None:
    records = [record for document in documents for record in read_records(document)]
    assert [lead_tails.record_counts(r) for r in records] == [_figures_as_it_was(r) for r in records]
    matched = 0
    for record in records:
        for token in record.labels:
            match = match_request_label(token.text)
            assert match == match_request(Record([token], [], record.table), False, 0)
            matched += match is not None
    assert matched


_OCR_LETTERS_AS_IT_WAS = re.compile(r"\d[OoIlSBZ]|[OoIlSBZ|]\d|\d [OoIlSBZ|] \d")
_OCR_MADE = ("1O", "O1", "|1", "1|", "l", "1 O", "Ol", "2Z3", "ZZ", "a1", "1a", "", "|", "１O", "O１", "B8")


def test_ocr_letters_led_by_the_letter() -> None:
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in _real_inputs()] + list(_OCR_MADE)
    hits = 0
    for text in texts:
        expected = _OCR_LETTERS_AS_IT_WAS.search(text) is not None
        assert (text_reader._OCR_LETTERS.search(text) is not None) == expected, text[:80]
        hits += expected
    assert 0 < hits < len(texts)


def _flow_size_as_it_was(records: list[Record]) -> int:
    printed = sum(t.value.kind is not CellKind.BLANK for record in records for t in record.values)
    at_end = deferred_totals._AT_LABEL_END
    return printed + sum(1 for record in records for label in record.labels if at_end.search(label.text))


def test_flow_size_asks_the_label_end_first(documents: list[Document]) -> None:
    sizes = []
    for document in documents:
        records = read_records(document)
        sizes.append(deferred_totals._flow_size(records))
        assert sizes[-1] == _flow_size_as_it_was(records)
    made = Record([Token(text, "line 1", parse_cell(text)) for text in ("另行制作 7 件", "另行 7件\n", "7 件 ", "7件")])
    assert deferred_totals._flow_size([made]) == _flow_size_as_it_was([made]) == 2
