"""The shortcuts taken for speed (issue 9) give what the full work gives.

Each gate or rewritten pattern is checked against the form it replaced, on small inputs
enumerated or drawn at random: a gate may only skip work whose result it already knows.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import random
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from gongkai.ingest import (
    appeals,
    cell_lines,
    cell_text,
    line_kinds,
    ocr_doubts,
    page_numbers,
    plain_lines,
    recognise,
    request_rows,
    runon,
    section_headings,
    spilled,
    unit_wraps,
    units,
    wrapped_digits,
    wrapped_labels,
)
from gongkai.ingest import text as text_reader
from gongkai.ingest.document import CELL_DEFAULTS, Cell, UnreadableFile
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.padded import table_padding
from gongkai.ingest.placed import placed_readings
from gongkai.ingest.read import collector_paused, read_document, read_report
from gongkai.ingest.records import REQUESTS, Record, Token, cached_key, read_records, split_tables
from gongkai.ingest.request_rows import RequestRaw, request_records
from gongkai.ingest.requests import requests_padding
from gongkai.ingest.row_reading import Slot
from gongkai.ingest.trailing_citations import _AT_CELL_END, _after_row_label, trailing_citations_cut
from gongkai.ingest.vanished_search import _countable, row_options
from gongkai.ingest.vocabulary import label_weight, vocabulary
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
        return section_headings.SPACE.sub("", section_headings.MARKUP.sub("", unicodedata.normalize("NFKC", text)))

    draw = random.Random(9)
    for _ in range(20_000):
        text = "".join(draw.choice("#>*＊＃ \u3000\xa0\t报告a") for _ in range(draw.randint(0, 8)))
        assert section_headings.clean_line(text) == old(text), text


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
# Fourth round (h-speedr): the format readers' gates, checked on the real texts the tests hold
# ---------------------------------------------------------------------------------------------


@functools.cache
def _real_texts() -> list[str]:
    """Every text and Markdown input of the tests and the corpus, decoded as the reader does."""
    from gongkai.ingest.encoding import EncodingUnknown, decode
    from tests.environment import RAW

    here = Path(__file__).resolve().parent
    paths = sorted(here.glob("*/fixtures/**/*.txt")) + sorted(here.glob("*/fixtures/**/*.md"))
    paths += sorted(RAW.glob("*.txt")) if RAW.is_dir() else []
    texts = []
    for path in paths:
        try:
            text = decode(path.read_bytes())[0].translate(text_reader._HALF_WIDTH_DIGITS)
            texts.append(text.replace("\r\n", "\n").replace("\r", "\n"))
        except EncodingUnknown:  # a fixture that is no text (the refused ones)
            continue
    assert len(texts) > 100
    return texts


@functools.cache
def _real_lines() -> list[str]:
    return [line for text in _real_texts() for line in text.split("\n")]


_OLD_FIGURE_UNIT = rf"(?<![0-9A-Za-z第.．])[-−－]?[0-9]+(?:[.．][0-9]+)?[ \u3000]?[{_UNITS}]"


def test_figure_unit_patterns_match_as_the_look_behind_first_forms() -> None:
    old_one = re.compile(_OLD_FIGURE_UNIT)
    old_run = re.compile(rf"{_OLD_FIGURE_UNIT}(?:[ \u3000]*{_OLD_FIGURE_UNIT})+")
    alphabet = _UNITS[:2] + "-−－01.．a第 \u3000x"
    _same_matches(old_one, units._ONE, alphabet)
    _same_matches(old_run, units._RUN, alphabet)
    for line in _real_lines():
        assert [m.span() for m in old_one.finditer(line)] == [m.span() for m in units._ONE.finditer(line)], line
        assert old_run.sub("#", line) == units._RUN.sub("#", line), line


def test_cell_made_without_new_is_the_cell() -> None:
    made = tuple.__new__(Cell, ("5", "line 1 cell 2", *CELL_DEFAULTS))
    assert type(made) is Cell and made == Cell("5", "line 1 cell 2")
    assert made._asdict() == Cell("5", "line 1 cell 2")._asdict()


def test_tab_cells_without_a_mark_need_only_their_blanks_stripped() -> None:
    # tab_table's gate: a line MARKS finds nothing in gets text.strip(CELL_BLANKS) per cell.
    draw = random.Random(9)
    for _ in range(20_000):
        cell = "".join(draw.choice("<br>*_~ \t\u3000\xa0a5") for _ in range(draw.randint(0, 8)))
        if cell_text.MARKS.search(cell) is None:
            assert cell_text.clean_cell(cell) == cell.strip(cell_text.CELL_BLANKS), cell
    for line in _real_lines():
        if "\t" in line and cell_text.MARKS.search(line) is None:
            for cell in line.split("\t"):
                assert cell_text.clean_cell(cell) == cell.strip(cell_text.CELL_BLANKS), line


def test_plain_blank_runs_yield_nothing_and_pass_no_test() -> None:
    # plain_blocks skips a run of empty and spacer lines: it yields no block and no test makes it cells.
    blanks = ["", " ", "  ", "\u3000", "\xa0", " \u3000\xa0", "\u2003"]
    for size in range(1, 4):
        for run in itertools.product(blanks, repeat=size):
            lines = ["一、总体情况", *run, "规章 5"]
            kinds = [line_kinds.line_kind(line) for line in run]
            assert set(kinds) <= plain_lines._BLANK_KINDS, run
            assert list(plain_lines._texts(lines, 1, 1 + size)) == []
            part = lines[1 : 1 + size]
            assert plain_lines._figures_alone(part) < plain_lines._ROW_OF_FIGURES
            assert not plain_lines._appeal_header_over_figures(part)
            assert not plain_lines._line_of_figures(part)
            assert not plain_lines._label_between_tables(lines, 1, 1 + size)
    # and the whole reader's blocks are those of the ungated loop on every real text
    for text in _real_texts()[::7]:
        lines = text.split("\n")
        assert [repr(b) for b in plain_lines.plain_blocks(lines, 0, len(lines))] == [
            repr(b) for b in _old_plain(lines, 0, len(lines))
        ]


def _old_plain(lines: list[str], start: int, end: int) -> Iterator[object]:
    """plain_blocks as before its gates (h-speedr): a test per run, _texts a line at a time."""
    if start >= end:
        return
    kinds = [line_kinds.line_kind(lines[i]) for i in range(start, end)]
    slashed = [n for n, k in enumerate(kinds) if k == "page" and page_numbers.SLASHED.match(lines[start + n])]
    if slashed and any(line[:1] == "\f" for line in lines):
        numbered = page_numbers.slashes_number_pages(lines)
        for n in slashed:
            if not (numbered and page_numbers.at_page_edge(lines, start + n)):
                kinds[n] = line_kinds.kind_of_text(lines[start + n], lines[start + n].strip())
    cells = ("value", "mixed", "short", "empty", "spacer", "page")
    i = 0
    while i < len(kinds):
        if kinds[i] in cells:
            j = i
            while j < len(kinds) and kinds[j] in cells:
                j += 1
            numbers = sum(1 for k in kinds[i:j] if k in ("value", "mixed"))
            part = lines[start + i : start + j]
            if (
                numbers >= 3
                or sum(label_weight(lines[start + n]) for n in range(i, j) if kinds[n] == "short") >= 3
                or plain_lines._figures_alone(part) >= plain_lines._ROW_OF_FIGURES
                or plain_lines._appeal_header_over_figures(part)
                or plain_lines._line_of_figures(part)
                or plain_lines._label_between_tables(lines, start + i, start + j)
                or any(kinds[n] == "mixed" and plain_lines._statutory_row(lines[start + n]) for n in range(i, j))
            ):
                # the tight or loose reading of a run (h-text9b) is no gate: taken as plain_blocks takes it
                reading = functools.partial(cell_lines.cell_lines, lines, start + i, start + j, kinds[i:j])
                yield from wrapped_labels.better_reading(reading, kinds[i:j])
            else:
                yield from plain_lines._texts(lines, start + i, start + j)
            i = j
        else:
            yield from plain_lines._texts(lines, start + i, start + i + 1)
            i += 1


def test_pipe_gate_and_lowered_table_gate() -> None:
    # blocks_of_lines asks is_pipe only where a line holds "|"; read_text lowers the text only where it
    # holds "<": no character lowers to "<" (nor to a string holding one).
    assert not any(line_kinds.is_pipe(line) for line in _real_lines() if "|" not in line)
    assert all("<" not in chr(c).lower() for c in range(0x110000) if c != ord("<") and not 0xD800 <= c < 0xE000)


def test_run_on_joints_counted_digit_first_as_word_first() -> None:
    old = re.compile(r"[\u4e00-\u9fff）)”](?:[0-9]|[—―])")
    draw = random.Random(9)
    for _ in range(20_000):
        line = "".join(draw.choice("规章）)”1—―a 0") for _ in range(draw.randint(0, 12)))
        assert len(old.findall(line)) == len(runon._CELL_AFTER_WORD.findall(line)), line
    for line in _real_lines():
        assert len(old.findall(line)) == len(runon._CELL_AFTER_WORD.findall(line)), line


def test_tab_table_counts_indented_lines_only_where_one_starts_with_a_tab() -> None:
    for text in _real_texts():
        tab_lines = [line for line in text.split("\n") if "\t" in line]
        counted = sum(1 for line in tab_lines if line.startswith("\t") and line.count("\t") == 1)
        if "\n\t" not in "\n" + "\n".join(tab_lines):
            assert counted == 0


def _old_rows_with_wrapped_digits(lines: list[str]) -> list[str]:
    """wrapped_digits.rows_with_wrapped_digits as before h-speedr (both lines' tests each step)."""
    w = wrapped_digits
    out = list(lines)
    tail_places: dict[tuple[int, int, int], set[int]] = {}
    undecided: list[tuple[int, int, list[re.Match[str]], list[re.Match[str]], list[tuple[tuple[int, ...], list[int]]]]]
    undecided = []
    page = 0
    for i in range(len(out) - 1):
        page += out[i].count("\f")
        below = out[i + 1]
        if not (below.rstrip()[-1:].isdigit() and out[i].rstrip()[-1:].isdigit()):
            continue
        if "\t" in out[i] or "\t" in below:
            continue
        _, row = w.trailing_figures(out[i])
        if len(row) < w.MIN_FIGURES:
            continue
        words, tails = w.trailing_figures(below)
        if not tails or len(tails) > len(row) or any(ch.isdigit() for t in words for ch in t.group()):
            continue
        values = [t.group() for t in row]
        tail_figures = [int(t.group()) for t in tails]
        if w.sums_hold([int(v) for v in values]) or (len(tails) >= w.MIN_FIGURES and w.sums_hold(tail_figures)):
            continue
        found = w.joinings(values, [t.group() for t in tails])
        if len(found) > 1:
            undecided.append((i, page, row, tails, found))
        if len(found) != 1:
            continue
        columns, figures = found[0]
        for column, tail in zip(columns, tails, strict=True):
            tail_places.setdefault((page, len(row), column), set()).add(tail.start())
        out[i] = w._placed(out[i], row, figures)
        out[i + 1] = below[: tails[0].start()].rstrip()
    for i, page, row, tails, found in undecided:
        placed = [f for c, f in found if w._tails_in_place(tail_places, page, len(row), c, tails)]
        if len(placed) == 1 and out[i : i + 2] == lines[i : i + 2]:
            out[i] = w._placed(out[i], row, placed[0])
            out[i + 1] = out[i + 1][: tails[0].start()].rstrip()
    return out


def test_wrapped_digits_candidate_test_once_a_line_as_twice() -> None:
    changed = 0
    for text in _real_texts():
        lines = text.split("\n")
        new = wrapped_digits.rows_with_wrapped_digits(lines)
        assert new == _old_rows_with_wrapped_digits(lines)
        changed += new != lines
    assert changed  # the real texts hold rows the pass joins: the comparison saw it at work
    rows = ["规章   31 7 8 84 0 35 44", "       4            8", "\f规章 1 2 3 6", "4"]
    assert wrapped_digits.rows_with_wrapped_digits(rows) == _old_rows_with_wrapped_digits(rows)


def test_html_one_line_as_the_whitespace_regex() -> None:
    from gongkai.ingest.html import _one_line

    old = re.compile(r"\s+")
    blanks = "".join(chr(c) for c in range(0x3100) if chr(c).isspace()) + "\u3000\ufeff\u200b"
    draw = random.Random(9)
    for _ in range(20_000):
        text = "".join(draw.choice(blanks + "ab规5") for _ in range(draw.randint(0, 8)))
        assert _one_line(text) == old.sub(" ", text).strip(), repr(text)
    for line in _real_lines():
        assert _one_line(line) == old.sub(" ", line).strip(), line


def test_unit_test_inline_names_every_count_unit() -> None:
    # read_text tests a line for 件, 个, 项 and 条 before cells_with_units: every COUNT_UNITS unit.
    assert set(units.COUNT_UNITS) == set("件个项条")
    for line in _real_lines():
        if not any(unit in line for unit in "件个项条"):
            assert units.cells_with_units(line) == line and units.cells_with_units(line, False) == line


def test_heading_first_character_gate_as_the_full_test() -> None:
    def old(line: str) -> bool:
        return section_headings.match_section_heading(line.replace("\t", " ")) is not None

    draw = random.Random(9)
    for _ in range(20_000):
        line = "".join(draw.choice("#>* \t\u3000一三、总体情况.规章5") for _ in range(draw.randint(0, 10)))
        assert line_kinds.is_heading(line) == old(line), line
    for line in _real_lines():
        assert line_kinds.is_heading(line) == old(line), line


def test_radical_bytes_lead_every_radical_in_utf8() -> None:
    # read_text (and read_html, read_docx) skip unradical for UTF-8 whose bytes hold none of
    # RADICAL_BYTES: every code point the table maps has such bytes first, so the skipped translate
    # had nothing to change.
    from gongkai.ingest.radicals import RADICAL_BYTES, RADICALS, holds_radical_bytes, unradical

    assert all(RADICAL_BYTES.match(chr(c).encode()) for c in RADICALS)
    assert all(holds_radical_bytes(f"政府{chr(c)}公开".encode()) for c in RADICALS)
    for text in _real_texts():
        data = text.encode()
        assert holds_radical_bytes(data) == (RADICAL_BYTES.search(data) is not None)  # one pattern a lead
        if RADICAL_BYTES.search(data) is None:
            assert unradical(text) == text


def test_cells_made_with_x_without_new_are_the_cells() -> None:
    made = tuple.__new__(Cell, ("5", "line 3 part 2", *cell_text.BEFORE_X, 12.5, *cell_text.AFTER_X))
    assert type(made) is Cell and made == Cell("5", "line 3 part 2", x=12.5)
    assert tuple.__new__(Cell, ("", "line 4", *CELL_DEFAULTS)) == Cell("", "line 4")


def test_in_cells_gates_as_the_full_tests() -> None:
    def old_labelled(line: str, start: int, end: int) -> bool:
        after = line[end : end + 1]
        if after and after in units._PUNCTUATION_AFTER:
            return False
        window = max(0, start - units._LABEL_REACH)
        match = units._row_label_before().search(line[window:start])
        if match is None:
            return False
        before = line[: window + match.start()].rstrip(" \u3000")
        before = re.sub(units._ITEM_NUMBER_END.pattern, "", before).rstrip(" \u3000")  # the row's numbering
        return not before or (before[-1] not in units._CLAUSE_MARKS and not before.endswith("其中"))

    figures = re.compile(r"[0-9]+")
    draw = random.Random(9)
    labels = sorted(units._row_labels())
    for _ in range(20_000):
        line = "".join(draw.choice("12 \u3000件个-a，") for _ in range(draw.randint(0, 10)))
        assert bool(units._ROW_FIGURES.search(line)) == (len(figures.findall(line)) >= units._MIN_ROW_FIGURES), line
        if units._RUN.search(line):
            assert units._UNIT_THEN_FIGURE.search(line), line
        labelled = draw.choice(labels) + draw.choice(["", " ", "\u3000"]) + line
        for match in units._ONE.finditer(labelled):
            assert units._labelled(labelled, *match.span()) == old_labelled(labelled, *match.span()), labelled
    for line in _real_lines():
        for match in units._ONE.finditer(line):
            assert units._labelled(line, *match.span()) == old_labelled(line, *match.span()), line
        assert bool(units._ROW_FIGURES.search(line)) == (len(figures.findall(line)) >= units._MIN_ROW_FIGURES)
        if units._RUN.search(line):
            assert units._UNIT_THEN_FIGURE.search(line), line
    assert not any(unit.isascii() for unit in units.COUNT_UNITS)  # read_text skips ASCII lines


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
            moved = spilled.spilled_blocks(template, requests, appeals)
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
        line = request_rows._line_of(found.label.where)
        return bool(figures and line and line != request_rows._line_of(figures[0].where))

    rows = [found for _, raw in _request_rows(_real_inputs()) for found in raw.values()]
    assert rows
    assert [request_rows._figures_apart(found) for found in rows] == [old(found) for found in rows]


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


def test_reading_text_makes_few_reference_cycles() -> None:
    # read_report runs the format's reader with the collector paused too: a text's lines, cells
    # and blocks must be freed by reference counting like the recogniser's objects.
    paths = [p for p in _real_inputs() if p.suffix in (".txt", ".md")]
    paths.append(_FIXTURES / "pdftotext" / "000_21925bfca89cb37b~wordgov-word.txt")
    assert len(paths) > 3
    for path in paths:
        gc.collect()
        with collector_paused():
            with contextlib.suppress(UnreadableFile):
                read_document(path)
            left = gc.collect()
        assert left < 500, (path, left)


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
