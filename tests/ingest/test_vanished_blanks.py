"""Table 三 of a Word export whose zero cells vanished from ``pdftotext``'s flow
(``ingest/vanished.py``). The streams are what ``pdftotext`` (default mode) printed for the
fixtures in ``tests/ingest/publishers/fixtures/pdftotext``; the gold beside them in ``fixtures/gold``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.vanished import _rows_by_line
from gongkai.ingest.vanished_anchors import figures_inside_labels
from gongkai.ingest.vanished_search import row_options
from gongkai.ingest.vanished_tables import agreed_cells, middle_placements, placed_tables, row_shape
from gongkai.report.equations import requests_bound
from gongkai.report.templates import TEMPLATES

FIXTURES = Path(__file__).parent / "publishers" / "fixtures"

# 000_21925bfca89cb37b~wordgov (chromium): the 自然人 figures beside their labels (anchors), the
# organisation and 总计 columns as blocks of their own, the zero organisation cells not printed.
STREAM_000 = [
    180, 1, 3, 1, 84, 22, 0, 184, 1, 1, 1, 86, 22, 0, 0, 0, 0, 0, 1, 1, 4, 4, 0, 0, 0, 0, 0, 0,
    60, 2, 62, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 175, 1, 1, 1, 3, 179, 6, 6,
]  # fmt: skip
ANCHORS_000 = {
    0: 0, 3: 1, 4: 2, 5: 3, 14: 5, 18: 7, 20: 8, 22: 9, 24: 10, 26: 11, 28: 12,
    31: 13, 33: 14, 35: 15, 37: 16, 39: 17, 41: 18, 43: 19,
}  # fmt: skip


def _gold(name: str) -> dict[str, list[int]]:
    data: dict[str, list[int]] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))[
        "requests"
    ]
    return data


def _flagged(cell: str, uncertain: list[dict[str, object]]) -> bool:
    return any(cell == u["cell"] or cell.startswith(f"{u['cell']}[") for u in uncertain)


def test_rows_follow_from_the_order_of_the_grid_and_the_row_sums() -> None:
    options = row_options(STREAM_000, 23, 5, ANCHORS_000)
    assert options is not None
    assert options[0] == {(180, (1, 3), 184)}  # new: 1 and 3 between 180 and its 总计 184
    assert options[2] == {(84, (1, 1), 86)}  # granted: its 总计 printed after the rows below began
    assert options[12] == {(60, (2,), 62)}  # not held: one organisation figure, column not said
    assert options[3] == {(22, (), 22)}  # partially granted: no organisation figure, zeros


def test_without_anchors_the_same_figures_leave_rows_open() -> None:
    # The 自然人 figures not tied to their labels: 1 after 180 may be carried over's 自然人.
    options = row_options(STREAM_000[:14], 5, 5)
    assert options is not None
    assert (180, (1, 3), 184) in options[0] and len(options[0]) > 1


def test_a_narrow_search_finds_what_the_word_print_holds() -> None:
    # 000~wordgov-word (LibreOffice): no 自然人 figure beside its label; three rows begun at once.
    stream = [180, 1, 84, 1, 3, 184, 1, 1, 1, 86, 22, 22]
    options = row_options(stream, 4, 5, most_open=3)
    assert options == [{(180, (1, 3), 184)}, {(1, (), 1)}, {(84, (1, 1), 86)}, {(22, (), 22)}]
    assert row_options(stream, 4, 5, most_open=2) is None  # 180, 1 and 84 begun before 184 closes


def test_no_reading_when_the_figures_do_not_add_up() -> None:
    assert row_options([5, 2, 6], 1, 5) is None  # 5 + 2 is not 6
    assert row_options([0, 0, 0], 1, 5) is None  # a zero is never an organisation figure printed


@pytest.mark.parametrize("suffix", ["wordgov", "wordgov-word"])  # chromium's print; LibreOffice's, no anchors
def test_a_word_export_reads_its_rows_without_organisation_figures(suffix: str) -> None:
    name = "000_21925bfca89cb37b"
    report = json.loads(read_report(FIXTURES / "pdftotext" / f"{name}~{suffix}.txt").report.to_json())
    gold = _gold(name)
    read = report["requests"]
    uncertain = report["uncertain"]
    right = unknown = 0
    for key, cells in gold.items():
        for c, expected in enumerate(cells):
            got = read[key][c]
            if got is None:
                unknown += 1
                assert _flagged(f"requests.{key}[{c}]", uncertain) or _flagged(f"requests.{key}", uncertain)
            else:
                assert got == expected, (key, c)
                right += 1
    # Unknown: the organisation cells of the rows that print some (which columns, not said), but
    # for 不掌握's first (its 2 is 总计's 3, after 总计's 1: the column sums place it past the first).
    assert unknown == 5 * sum(1 for cells in gold.values() if any(cells[1:6])) - 1
    assert read["unavailable_not_held"][1] == 0
    assert right == sum(len(cells) for cells in gold.values()) - unknown
    assert read["granted"][0] == 84 and read["granted"][6] == 86
    assert read["new_received"][1:6] == [None] * 5  # 1 and 3 in two of five columns: not said which
    entry = next(u for u in uncertain if u["cell"] == "requests.new_received[1]")
    # blank, or the row's first figure (its 3 follows the 1: never in the first column)
    assert sorted(entry["alternatives"]) == [[0], [1]]


def test_a_report_contradicting_itself_is_read_as_printed_and_said() -> None:
    # 004: 予以公开 3 and 不掌握 2, but （七）总计 0: read as printed, the break in uncertain.
    name = "004_26dfd29bd5682613"
    for suffix in ("wordgov", "wordgov-word"):
        report = json.loads(read_report(FIXTURES / "pdftotext" / f"{name}~{suffix}.txt").report.to_json())
        assert report["requests"] == _gold(name)
        assert _flagged("requests.total_processed", report["uncertain"])


_BESIDE = "only the figure printed beside this row's label is read"


@pytest.mark.parametrize(
    ("name", "suffix", "least"),
    [
        # 6.属于四类过程性信息 printed after 7. and 8.: no column keeps its order (the rows of a run
        # cut off right after their labels are read whole instead: test_anchored_runs).
        ("synth-2019-tiny", "wordgov", 7),
        # labels in order, but no interleaving of the grid's columns explains the flow.
        ("synth-2019-mixed", "wordgov", 8),
        ("synth-2021-medium", "wordgov", 8),
    ],
)
def test_a_flow_no_grid_order_explains_reads_only_the_figures_beside_labels(name: str, suffix: str, least: int) -> None:
    # chromium's print of a Word export: the 自然人 figure stays on its row's label line.
    report = json.loads(read_report(FIXTURES / "pdftotext" / f"{name}~{suffix}.txt").report.to_json())
    gold = _gold(name)
    beside = [u for u in report["uncertain"] if _BESIDE in u["reason_en"]]
    assert len(beside) >= least
    for entry in beside:
        key, column = entry["cell"].removeprefix("requests.").rstrip("]").split("[")
        assert column == "0"  # the 自然人 cell only: no organisation figure or 总计 is placed
        assert entry["value"] == report["requests"][key][0] == gold[key][0], key
    # nothing else is said to come from the order of the grid
    assert not any("each column top to bottom" in u["reason_en"] for u in report["uncertain"])


def test_no_figure_beside_a_label_is_read_where_the_print_keeps_none() -> None:
    # LibreOffice's print (``-word``): every label a block of its own, no figure beside it.
    report = read_report(FIXTURES / "pdftotext" / "synth-2019-tiny~wordgov-word.txt").report
    assert report is not None
    assert not any(_BESIDE in u.reason_en for u in report.uncertain or [])


_AFTER = "only the figure printed right after this row's label block is read"


@pytest.mark.parametrize(
    ("name", "least", "merged"),
    [
        ("synth-2019-tiny", 5, ()),
        # 1.属于国家秘 / 1570 / 密: inside its wrapped label, read as such (``figures_inside_labels``)
        ("synth-2019-large", 3, ()),
        # a block naming two rows (（三）… 4.保护第三方 … 5.属于三类内部) gives no figure: the one
        # figure after it is another row's
        ("synth-2021-mixed", 4, ("denied_internal_affairs", "denied_third_party")),
    ],
)
def test_the_word_print_reads_the_one_figure_between_a_label_block_and_the_next(
    name: str, least: int, merged: tuple[str, ...]
) -> None:
    # LibreOffice's print: each cell a block; label, its 自然人 figure alone, the next label.
    report = json.loads(read_report(FIXTURES / "pdftotext" / f"{name}~wordgov-word.txt").report.to_json())
    gold = _gold(name)
    after = [u for u in report["uncertain"] if _AFTER in u["reason_en"]]
    assert len(after) >= least
    for entry in after:
        key, column = entry["cell"].removeprefix("requests.").rstrip("]").split("[")
        assert column == "0"
        assert entry["value"] == report["requests"][key][0] == gold[key][0], key
    assert not any(u["cell"].split("[")[0].removeprefix("requests.") in merged for u in after)


HOLDOUT4 = Path(__file__).parent / "holdout4" / "fixtures"


def test_an_excel_paste_with_dash_zeros_reads_each_line_of_figures_as_a_row() -> None:
    """holdout4 b2021-a (pdftotext default): narrow Excel columns lost two cells of every row
    (``10 2 - - 12``), a row's figures run into the next label's line (``- - - - （一）予以公开``)
    and the last row into the note under the table. Each row's 自然人 and 总计 are read, its middle
    cells 0 where every printed middle is a dash; the columns of a nonzero middle are not said."""
    report = json.loads(read_report(HOLDOUT4 / "pdftotext" / "b2021-a~bureau.txt").report.to_json())
    gold = json.loads((HOLDOUT4 / "gold" / "b2021-a.json").read_text(encoding="utf-8"))["requests"]
    read, uncertain = report["requests"], report["uncertain"]
    for key, cells in gold.items():
        for c, expected in enumerate(cells):
            got = read[key][c]
            if got is None or got != expected:
                assert _flagged(f"requests.{key}[{c}]", uncertain) or _flagged(f"requests.{key}", uncertain)
    assert read["granted"] == [2, 0, 0, 0, 0, 0, 2]  # ``2 - - - 2``: every middle 0 by the row's sum
    assert read["new_received"][0] == 10 and read["new_received"][6] == 12
    # the 2 in one of three columns (two dashes follow it): not said which; the last two are 0
    assert read["new_received"][1:6] == [None, None, None, 0, 0]
    assert read["carried_over"] == [0] * 7  # ``- - - -`` ahead of the next label's words
    # run into the note under the table: worked out from 新收 + 结转 − 总计, and said
    assert read["carried_forward"] == [0] * 7
    assert _flagged("requests.carried_forward", uncertain)


def test_runs_of_figures_are_rows_only_when_each_adds_up() -> None:
    def tokens(*lines: str) -> list[Token]:
        return [
            Token(part, f"line {n} part {k}", parse_cell(part))
            for n, line in enumerate(lines, 1)
            for k, part in enumerate(line.split(), 1)
        ]

    figures = tokens("10 2 - - 12", "- - - -")
    values = [int(t.value.amount or 0) for t in figures]
    assert _rows_by_line(figures, values, 2, 5) == [{(10, (2, 0, 0), 12)}, {(0, (0, 0), 0)}]
    figures = tokens("10 2 - - 11", "- - - -")  # a run that does not add up: not a row
    assert _rows_by_line(figures, [int(t.value.amount or 0) for t in figures], 2, 5) is None


def _placed(printed: dict[str, tuple[int, tuple[int, ...], int]]) -> tuple[dict[str, list[int | None]], set[str]]:
    """Table 三 of the 2021 template read from each row's printed figures as pdftotext's default
    mode writes a table leaving zeros blank (``5 1 2 8``: 自然人, the organisation figures
    printed, 总计); rows not given print nothing (all 0). The cells every consistent placement
    agrees on, and the cells left unknown."""
    template = TEMPLATES["2021"]
    keys = [row.key for row in template.request_rows]
    bound = requests_bound(template.id)
    shape = row_shape(bound, keys, 7)
    assert shape is not None
    options = [{printed.get(key, (0, (), 0))} for key in keys]  # (-1, (), -1): a row not found
    tables = placed_tables(options, keys, shape, bound)
    assert tables is not None
    decided, seen = agreed_cells(tables, keys, 7)
    return {str(k): v for k, v in decided.items()}, {f"{k}[{c}]" for k, c in seen}


def test_a_row_printing_fewer_figures_than_columns_has_every_placement_in_order() -> None:
    shape = row_shape(requests_bound("2021"), [row.key for row in TEMPLATES["2021"].request_rows], 7)
    assert shape is not None
    placements = middle_placements((10, (2, 0, 0), 12), shape)  # ``10 2 - - 12``: two cells lost
    assert len(placements) == 10  # 3 figures in 5 columns, left to right
    assert {p.index(2) for p in placements} == {1, 2, 3}  # two dashes follow the 2
    assert all(p[0] == 10 and p[6] == 12 and sum(p[1:6]) == 2 for p in placements)


def test_the_columns_sums_place_a_rows_figures_where_a_full_row_pins_them() -> None:
    """``4 1 5`` alone could put its 1 in any organisation column; （七）总计 printing all five
    (``5 2 1 1 1 1 11``) and （二）部分公开 printing ``1 1 1 1 1 1 6`` leave one place for it."""
    decided, unknown = _placed(
        {
            "new_received": (5, (2, 1, 1, 1, 1), 11),
            "granted": (4, (1,), 5),
            "partially_granted": (1, (1, 1, 1, 1, 1), 6),
            "total_processed": (5, (2, 1, 1, 1, 1), 11),
        }
    )
    assert decided["granted"] == [4, 1, 0, 0, 0, 0, 5]
    assert decided["carried_forward"] == [0] * 7
    assert not unknown


def test_placements_the_arithmetic_cannot_tell_apart_are_left_unknown() -> None:
    """Every row prints the same two organisation figures (``5 1 2 8``): any two columns keep
    every equation, so the five organisation cells are unknown, 自然人 and 总计 read."""
    row = (5, (1, 2), 8)
    decided, unknown = _placed({"new_received": row, "granted": row, "total_processed": row})
    for key in ("new_received", "granted", "total_processed"):
        assert decided[key] == [5, None, None, None, None, None, 8]
        assert {f"{key}[{c}]" for c in range(1, 6)} <= unknown
    assert decided["carried_over"] == [0] * 7


def test_a_row_not_found_is_worked_out_from_the_others_where_its_equations_pin_it() -> None:
    """（七）总计 ``4 1 5`` and 新收 ``5 1 6``: 结转下年, run into the note under the table, is
    新收 − 总计 column by column; the 1s stand in the same organisation column, which one is not said."""
    decided, unknown = _placed(
        {
            "new_received": (5, (1,), 6),
            "granted": (4, (1,), 5),
            "total_processed": (4, (1,), 5),
            "carried_forward": (-1, (), -1),
        }
    )
    assert decided["carried_forward"] == [1, 0, 0, 0, 0, 0, 1]
    assert decided["new_received"][1:6] == [None] * 5
    assert "new_received[1]" in unknown


def _token(text: str, line: int) -> Token:
    return Token(text, f"line {line}", parse_cell(text))


def test_a_figure_between_the_lines_of_its_wrapped_label_is_that_rows_first_cell() -> None:
    # LibreOffice's print of a tall row: the 自然人 cell beside the middle of its wrapped label, in
    # the label's block (``6. 属于四类过程性`` / ``6`` / ``信息``); the organisation cells elsewhere.
    wrapped, six = _token("6. 属于四类过程性", 211), _token("6", 212)
    query, twelve = _token("8. 属于行政查询事", 221), _token("12", 222)
    own, four = _token("3. 要求提供公开出版", 276), _token("4", 277)
    records = [
        Record([wrapped], [six]),
        Record([_token("信息", 213)], [_token("", 214), _token("1", 215), _token("", 216)]),
        Record([query], [twelve]),
        Record([_token("项", 223)], [_token("", 224), _token("2", 225)]),
        Record([own], [four]),  # the next label opens with a row mark: another row's, not this one's end
        Record([_token("(五) 不 物", 278)], [_token("8", 279)]),
    ]
    keys = [row.key for row in TEMPLATES["2021"].request_rows]
    raw = {
        "denied_process_info": RequestRaw("denied_process_info", wrapped, [six]),
        "denied_query_matter": RequestRaw("denied_query_matter", query, [twelve]),
        "not_processed_publication": RequestRaw("not_processed_publication", own, [four]),
    }
    figures = [t for r in records for t in r.values if t.text]
    found = figures_inside_labels(records, raw, keys, figures)
    assert found == {0: keys.index("denied_process_info"), 2: keys.index("denied_query_matter")}


def test_the_gazette_word_print_reads_the_figures_inside_wrapped_labels() -> None:
    # holdout2's gazette Word table (LibreOffice): blank zero cells and all-zero rows leave no order
    # of the grid; the 自然人 figures inside their wrapped labels are read, each named.
    fixtures = Path(__file__).parent / "holdout2" / "fixtures"
    report = json.loads(read_report(fixtures / "pdftotext" / "g2020-c~gazette-word.txt").report.to_json())
    gold = json.loads((fixtures / "gold" / "g2020-c.json").read_text(encoding="utf-8"))["requests"]
    beside = {u["cell"] for u in report["uncertain"] if _BESIDE in u["reason_en"]}
    for key in ("new_received", "denied_internal_affairs", "denied_process_info", "unavailable_not_held"):
        assert f"requests.{key}[0]" in beside
        assert report["requests"][key][0] == gold[key][0]


def test_column_blocks_by_their_bottom_row_and_rows_printing_nothing_read_as_zeros() -> None:
    """pdftotext's flow of a Word table whose 自然人 column came out with the labels and the other
    columns in blocks over several rows, ordered by their bottom row (``3``/``11`` after the row
    above's total), five rows printing nothing: every 自然人 and 总计 cell read, the rows of zeros
    zero, the organisation cells of the rows printing some unknown and said (not in the text)."""
    holdout3 = Path(__file__).parent / "holdout3" / "fixtures"
    report = json.loads(read_report(holdout3 / "pdftotext" / "c2023-e~county.txt").report.to_json())
    gold = json.loads((holdout3 / "gold" / "c2023-e.json").read_text(encoding="utf-8"))["requests"]
    read, uncertain = report["requests"], report["uncertain"]
    for key, cells in gold.items():
        for c, expected in enumerate(cells):
            got = read[key][c]
            if got is None:
                assert 1 <= c <= 5 and any(cells[1:6]), (key, c)
                assert _flagged(f"requests.{key}[{c}]", uncertain)
            else:
                assert got == expected, (key, c)
        assert read[key][0] == cells[0] and read[key][6] == cells[6]
    assert read["denied_state_secret"] == [0] * 7
