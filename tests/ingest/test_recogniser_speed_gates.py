"""The recogniser's shortcuts for speed (issue 9, session 15) give what the full work gives.

Each gate is checked against the work it skips, on the corpus and a few fixtures of every class
(read with the gate and with it held open: the same reports), and the rewritten loops against
the forms they replaced on inputs drawn at random.
"""

from __future__ import annotations

import copy
import dataclasses
import random

import pytest

from gongkai.ingest import column_order, inorder, markers, recognise, transposed
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.label_marks import _FIGURE, _MARKED_RUN, _MAX_LABEL, _marked_run
from gongkai.ingest.numbers import CellKind, CellValue, parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Token
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES, Template
from tests.ingest.make_files import Fixtures
from tests.ingest.test_read_speed_gates import _real_inputs, _reports

from .files import report_files

__all__ = ["report_files"]

# the corpus and two fixtures of every publishers class, read whole (shared with the table
# readers' gates: ``test_read_speed_gates``)
_inputs = _real_inputs


def test_flowed_readers_are_not_asked_of_a_report_read_whole(
    report_files: Fixtures, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Word table of the gold data: tables 三 and 四 read whole by their labels, adding up. The
    # readers of flowed text would each return at their own first gate; they are not asked.
    path = next(iter(report_files.docx.values()))
    asked: list[str] = []

    def tell(name: str) -> object:
        def reader(*args: object, **kwargs: object) -> None:
            asked.append(name)

        return reader

    for name in ("read_row_bands", "read_deferred_totals", "read_appeals_blocks", "read_appeal_dashes"):
        monkeypatch.setattr(recognise, name, tell(name))
    result = read_report(path)
    assert result.report is not None
    if result.report.uncertain:
        pytest.skip("this gold report is read with a doubt: the readers are asked there")
    assert asked == []


def test_flowed_readers_gate_reads_as_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _inputs()
    gated = _reports(paths)
    monkeypatch.setattr(recognise, "_requests_settled", lambda *args: False)
    monkeypatch.setattr(recognise, "appeals_settled", lambda *args: False)
    assert _reports(paths) == gated


# the readers ``_read_flowed_requests`` asks: the first all gated on table 三 whole and adding up
# (``_requests_whole``), the last three weighing doubts too (asked unless ``_requests_settled``)
_WHOLE_GATED = (
    "read_row_bands",
    "read_banded_tail",
    "read_blocks",
    "read_band_blocks",
    "read_beside_labels",
    "read_merged_blocks",
    "read_split_rows",
    "read_vanished",
    "read_interleaved_rows",
    "read_column_tail",
    "read_lead_tails",
    "read_part_leads",
    "read_blank_zero_rows",
    "read_blank_bands",
    "read_row_pieces",
    "read_column_pieces",
)
_DOUBT_GATED = ("read_stated_rows", "read_deferred_totals", "read_paragraph_runs")


def test_each_flowed_reader_returns_at_its_gate_where_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    # Both gates held open: wherever one would have shut, each reader it skips is asked and must
    # change nothing. Table 三 whole and adding up with a doubt on it (the corpus's 000 and 002:
    # only the doubt-weighing readers run), or with doubts elsewhere only (none runs).
    whole = recognise._requests_whole
    state = {"whole": False, "settled": False}
    seen = {"doubted": 0, "elsewhere": 0}

    def held_open(template: Template, report: Report) -> bool:
        # asked once at the entry of ``_read_flowed_requests`` (and by ``_requests_settled`` before)
        state["whole"] = whole(template, report)
        return False

    def entered(template: Template, report: Report, evidence: Evidence) -> bool:
        doubted = any(entry.cell.startswith("requests") for entry in evidence.uncertain)
        state["settled"] = whole(template, report) and not doubted
        seen["doubted"] += whole(template, report) and doubted
        seen["elsewhere"] += state["settled"] and bool(evidence.uncertain)
        return False

    def watched(name: str, skipped: str) -> object:
        reader = getattr(recognise, name)

        def run(*args: object) -> object:
            if not state[skipped]:
                return reader(*args)
            report = next(a for a in args if isinstance(a, Report))
            evidence = next(a for a in args if isinstance(a, Evidence))
            before = (copy.deepcopy(report.requests), list(evidence.uncertain), dict(evidence.provenance))
            found = reader(*args)
            assert found is None, name
            assert (report.requests, evidence.uncertain, evidence.provenance) == before, name
            return found

        return run

    monkeypatch.setattr(recognise, "_requests_whole", held_open)
    monkeypatch.setattr(recognise, "_requests_settled", entered)
    for name in _WHOLE_GATED:
        monkeypatch.setattr(recognise, name, watched(name, "whole"))
    for name in _DOUBT_GATED:
        monkeypatch.setattr(recognise, name, watched(name, "settled"))
    _reports(_inputs())
    assert seen["doubted"] and seen["elsewhere"]  # both gates shut for real reports


def test_untransposed_gate_reads_as_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _inputs()
    gated = _reports(paths)
    monkeypatch.setattr(transposed, "_names_items", lambda row: True)
    assert _reports(paths) == gated


def test_header_order_gate_reads_as_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _inputs()
    gated = _reports(paths)
    monkeypatch.setattr(column_order, "_orders_nothing", lambda header: False)
    assert _reports(paths) == gated


def test_table_two_block_readers_gate_reads_as_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # Table 二's readers of flowed text fill open cells only: where the labels left none open they
    # are not asked (session 19); asked always, they give the same reports.
    paths = _inputs()
    gated = _reports(paths)
    monkeypatch.setattr(recognise, "any_open_cell", lambda *args: True)
    assert _reports(paths) == gated


def test_in_order_gate_reads_as_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # The in-order reading never replaces tables 三 and 四 read whole by their labels, adding up:
    # their figures are not gathered there (session 19); gathered always, the same reports.
    paths = _inputs()
    gated = _reports(paths)
    monkeypatch.setattr(inorder, "_labels_read_whole", lambda *args: False)
    assert _reports(paths) == gated


def _unwoven_before(figures: list[Token], grid: inorder._Grid) -> tuple[list[Token], list[int]]:
    """``inorder._unwoven`` as it was: every pair's sums asked afresh."""
    n, out, woven = grid.n, list(figures), []
    for i in range(len(grid.rows) - 1):
        if (i + 2) * n > len(out):
            break
        pair = out[i * n : (i + 2) * n]
        amounts = [int(t.value.amount or 0) for t in pair]
        check_first, check_second = grid.requests.row_check(grid.rows[i]), grid.requests.row_check(grid.rows[i + 1])
        if check_first(amounts[:n]) or check_second(amounts[n:]):
            continue
        if not (check_first(amounts[0::2]) and check_second(amounts[1::2])) or not any(amounts):
            continue
        out[i * n : (i + 2) * n] = pair[0::2] + pair[1::2]
        woven.append(i)
    return out, woven


def _woven_row(draw: random.Random, n: int) -> list[int]:
    """A row of table 三 adding up (总计 last), its figures small."""
    row = [draw.randint(0, 3) for _ in range(n - 1)]
    return [*row, sum(row)]


def test_unwoven_asks_each_rows_sum_once_as_before() -> None:
    draw = random.Random(15)
    for template in TEMPLATES.values():
        grid = inorder._Grid(template)
        n = grid.n
        for _ in range(400):
            amounts: list[int] = []
            for _row in grid.rows:
                amounts += _woven_row(draw, n) if draw.random() < 0.6 else [draw.randint(0, 4) for _ in range(n)]
            for i in range(0, len(grid.rows) - 1, 2):  # some pairs printed a column at a time
                if draw.random() < 0.3:
                    pair = amounts[i * n : (i + 2) * n]
                    amounts[i * n : (i + 2) * n] = [v for both in zip(pair[:n], pair[n:], strict=True) for v in both]
            cut = draw.choice((len(amounts), len(amounts) - draw.randint(1, n)))
            figures = [Token(str(v), f"line {k}", parse_cell(str(v))) for k, v in enumerate(amounts[:cut])]
            new, new_woven = inorder._unwoven(figures, grid)
            old, old_woven = _unwoven_before(figures, grid)
            assert [t.text for t in new] == [t.text for t in old] and new_woven == old_woven, amounts[:cut]


def test_one_search_over_the_joined_texts_as_one_a_text() -> None:
    draw = random.Random(16)
    alphabet = "12 \t\n注①*¹<br>a"
    for _ in range(5000):
        texts = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 6))) for _ in range(draw.randint(1, 4))]
        each = any(markers._ANY.search(text) for text in texts)
        assert (markers._ANY.search("\n".join(texts)) is not None) == each, texts


def test_marked_run_as_the_match_made_for_every_token() -> None:
    draw = random.Random(17)
    alphabet = "行政许可注①*0-41 2\u3000"
    for _ in range(5000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 12)))
        squeezed = "".join(text.split())
        found = (
            _MARKED_RUN.match(squeezed) if len(squeezed) <= _MAX_LABEL and any(c.isdigit() for c in squeezed) else None
        )
        expected = (found["label"] + found["mark"], tuple(_FIGURE.findall(found["run"]))) if found else None
        assert _marked_run(text) == expected, text


def test_stored_amount_as_the_property_was() -> None:
    # ``CellValue.amount`` stored at construction: what the property computed, every kind of cell,
    # and a value made anew by ``replace`` stores its own.
    draw = random.Random(7)
    texts = ["", "0", "12", "-3", "1.5", "271.53万元", "1,070", "abc", "—", "/", "未知", "不详", "3件", "０７", " "]
    for _ in range(3000):
        value = parse_cell("".join(draw.choices(texts, k=draw.randint(1, 2))))
        expected = value.number if value.number is not None else None if value.kind is CellKind.UNKNOWN else 0
        assert value.amount == expected and type(value.amount) is type(expected)
        other = dataclasses.replace(value, number=None if value.number else 4)
        assert other.amount == (4 if other.number == 4 else None if other.kind is CellKind.UNKNOWN else 0)
        assert value == CellValue(value.kind, value.number, value.unit, value.digits)
