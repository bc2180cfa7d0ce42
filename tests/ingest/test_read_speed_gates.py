"""The shortcuts taken for speed (issue 9) give what the full work gives.

Each gate or rewritten pattern is checked against the form it replaced, on small inputs
enumerated or drawn at random: a gate may only skip work whose result it already knows.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import random
import re
import unicodedata
from pathlib import Path

import pytest

from gongkai.ingest import appeals, meta, ocr_doubts, recognise, requests, spilled, unit_wraps, units
from gongkai.ingest.align import Slot
from gongkai.ingest.document import UnreadableFile
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.padded import table_padding
from gongkai.ingest.placed import placed_readings
from gongkai.ingest.read import collector_paused, read_document, read_report
from gongkai.ingest.records import REQUESTS, Record, Token, cached_key, read_records, split_tables
from gongkai.ingest.requests import RequestRaw, request_records, requests_padding
from gongkai.ingest.trailing_citations import _AT_CELL_END, _after_row_label, trailing_citations_cut
from gongkai.ingest.vanished import _countable, row_options
from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.equations import requests_bound
from gongkai.report.templates import TEMPLATES, Template
from tests.environment import RAW, need_corpus

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


# ---------------------------------------------------------------------------------------------
# Gates of the table readers (h-speedt), checked against the ungated work on real inputs: the
# corpus and two fixtures of every class of the publishers set (text, Markdown, HTML, DOCX, PDF).
# ---------------------------------------------------------------------------------------------

_FIXTURES = Path(__file__).parent / "publishers" / "fixtures"


def _real_inputs() -> list[Path]:
    need_corpus()
    found = sorted(RAW.iterdir())
    for folder in sorted(p for p in _FIXTURES.iterdir() if p.is_dir() and p.name != "gold"):
        found += sorted(p for p in folder.iterdir() if p.is_file())[:2]
    return found


def _reports(paths: list[Path]) -> list[object]:
    out: list[object] = []
    for path in paths:
        result = read_report(path)
        out.append(result.report.to_dict() if result.report else result.error_en)
    return out


def _request_rows(paths: list[Path]) -> list[tuple[Template, dict[str, RequestRaw]]]:
    """Table 三's rows as the labels found them, of every real input that reads."""
    found = []
    for path in paths:
        try:
            document = read_document(path)
        except UnreadableFile:
            continue
        parts = split_tables(read_records(document))
        raw, votes, _ = request_records(parts[REQUESTS])
        template = TEMPLATES[max(set(votes), key=votes.count)] if votes else TEMPLATES["2021"]
        found.append((template, raw))
    return found


def test_ocr_doubts_gate_reads_as_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # Text, Markdown, HTML and DOCX documents hold no OCR confidence: the notes are skipped there.
    paths = _real_inputs()
    gated = _reports(paths)
    monkeypatch.setattr(ocr_doubts, "OCR_FORMATS", frozenset({"text", "markdown", "html", "docx", "pdf", "image"}))
    assert _reports(paths) == gated
    for path in paths:
        if path.suffix.lower() in (".pdf", ".png", ".jpg"):
            continue
        document = read_document(path)
        assert not ocr_doubts.low_confidence(document), path
        assert all(p.confidence is None for p in document.paragraphs), path


def test_spilled_gate_reads_as_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def ungated(
        template: Template, active: list[Record], requests: list[Record], appeals: list[Record]
    ) -> tuple[list[Record], list[Record]]:
        moved = spilled.spilled_columns(template, requests, appeals)
        if moved[0] is requests:
            moved = spilled.spilled_rows(template, requests, appeals)
        if moved[0] is requests:
            moved = spilled.figures_ahead(template, active, requests), appeals
        return moved

    paths = _real_inputs()
    gated = _reports(paths)
    monkeypatch.setattr(recognise, "spilled", ungated)
    assert _reports(paths) == gated


def test_placed_readings_read_nothing_where_no_figure_was_laid_out() -> None:
    # read_requests asks placed_readings only where some figure of table 三 has a place (x).
    checked = 0
    for template, raw in _request_rows(_real_inputs()):
        n = len(template.request_columns)
        bound = requests_bound(template.id)
        for key, found in raw.items():
            if key not in template.requests_by_key or any(t.x is not None for t in found.values):
                continue
            slots = [Slot(t.value, t.where) for t in found.values]
            xs = [t.x for t in found.values]
            assert placed_readings(slots, xs, n, bound.row_check(key), None, (), None) == [], (key, slots)
            checked += 1
    assert checked > 100


def test_figures_apart_as_over_every_figure() -> None:
    def old(found: RequestRaw) -> bool:
        figures = [t for t in found.values if t.value.kind is not CellKind.BLANK]
        line = requests._line_of(found.label.where)
        return bool(figures and line and line != requests._line_of(figures[0].where))

    rows = [found for _, raw in _request_rows(_real_inputs()) for found in raw.values()]
    assert rows
    assert [requests._figures_apart(found) for found in rows] == [old(found) for found in rows]


def test_header_names_as_found_in_every_label() -> None:
    vocab = vocabulary()

    def old(key: str) -> list[tuple[str, bool]]:
        hits = sorted(
            [(key.find(label), len(label), group, True) for label, group in vocab.appeal_groups.items() if label in key]
            + [
                (key.find(label), len(label), name, False)
                for label, name in vocab.appeal_fields.items()
                if label in key
            ],
            key=lambda hit: (hit[0], -hit[1]),
        )
        return [(name, is_group) for _, _, name, is_group in hits]

    keys = {
        cached_key(token.text)
        for template, raw in _request_rows(_real_inputs())
        for found in raw.values()
        for token in [found.label, *found.values]
    }
    keys |= {"行政复议行政诉讼", "结果维持结果纠正其他结果尚未审结总计", "未经复议直接起诉复议后起诉"}
    for key in keys:
        assert list(appeals._header_names(key)) == old(key), key


def test_recognising_makes_few_reference_cycles() -> None:
    # read_report recognises with the cyclic collector paused (collector_paused): what the
    # readers make must be freed by reference counting, or it would wait for the collector. A
    # search whose recursive closure kept its memo (row_options: 66,769 objects on this
    # pdftotext fixture) fails here.
    paths = [*_real_inputs(), _FIXTURES / "pdftotext" / "000_21925bfca89cb37b~wordgov-word.txt"]
    for path in paths:
        try:
            document = read_document(path)
        except UnreadableFile:
            continue
        gc.collect()
        with collector_paused():
            with contextlib.suppress(UnreadableFile):
                recognise.recognise(document)
            left = gc.collect()  # paused still: no collection since the one before took any
        assert left < 2_000, (path, left)


def test_collector_paused_leaves_the_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()
