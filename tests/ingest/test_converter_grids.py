"""Issue 9: how PDF-to-Markdown converters lose a table's cells, on the real converter output of
the gazette hold-out set (``holdout2/fixtures``): markitdown's empty grid columns among a row's
figures, and pymupdf4llm's table 四 flattened into one paragraph of header words and figures."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.document import TableBlock
from gongkai.ingest.pipes import phantom_columns
from gongkai.ingest.runon import header_then_figures
from gongkai.ingest.text import read_text

from .fixture_json import gold_json
from .holdout2 import FIXTURES
from .wild.scoring import read_fixture


def _rows(path: Path) -> list[list[str]]:
    document = read_text(path, path.read_bytes())
    return [
        [cell.text for cell in row] for block in document.blocks if isinstance(block, TableBlock) for row in block.rows
    ]


def test_an_empty_grid_column_among_the_figures_is_dropped() -> None:
    """markitdown's continued table 三 (续表) of a gazette page prints 14 grid columns for 7 figure
    columns and a label; one of them, between 商业企业 and 科研机构, no cell fills, header rows
    included. Kept, ``53 · · 3 2 · 4 62`` has one blank too many and the reading cannot tell
    which blank is the grid's; dropped, each figure stands under its header."""
    path = FIXTURES / "markitdown" / "g2020-c~gazette.md"
    row = next(row for row in _rows(path) if "53" in row)
    assert row[row.index("53") :] == ["53", "", "3", "2", "", "4", "62"]
    requests = read_fixture(path)["requests"]
    gold = gold_json(FIXTURES, "g2020-c")["requests"]
    assert isinstance(gold, dict)
    for key in ("unavailable_not_held", "not_processed_duplicate", "not_processed_excessive", "total_processed"):
        assert requests[key] == gold[key], key


def test_a_column_the_headers_name_stays_however_blank() -> None:
    """A column of zeros printed as blanks is still a column when a header names it; a blank
    column left of every header, or a table with no header row, keeps every column."""
    header = ["", "自然人", "", "法律服务机构", "总计"]
    rows = [header, ["一、本年新收", "5", "", "", "5"], ["二、上年结转", "1", "", "", "1"]]
    assert phantom_columns(rows) == {5: frozenset({2})}
    assert phantom_columns(rows[1:]) == {}
    assert phantom_columns([["", "自然人", "总计"], ["", "5", "5"]]) == {}


def test_a_flattened_table_four_is_read() -> None:
    """pymupdf4llm printed a LibreOffice (Word route) table 四 as one paragraph: its header words,
    then its fifteen figures. The figures, set on a line of their own, are the table's row."""
    path = FIXTURES / "pymupdf4llm" / "g2020-c~gazette-word.md"
    line = next(line for line in path.read_text(encoding="utf-8").split("\n") if line.startswith("未经复议直接起诉"))
    words, gap, figures = header_then_figures(line) or ["", "", ""]
    assert gap == "" and words.startswith("未经复议直接起诉") and words.endswith("审结")
    assert figures == "15 4 2 4 25 4 1 2 1 8 15 5 3 5 28"
    assert read_fixture(path)["appeals"] == gold_json(FIXTURES, "g2020-c")["appeals"]


def test_prose_with_figures_is_no_flattened_table() -> None:
    assert header_then_figures("本年度发生政府信息公开行政复议 25 件，行政诉讼 36 件。") is None
    assert header_then_figures("行政复议 行政诉讼 电话 0571 8705 4321 12 34") is None
    assert header_then_figures("规章 5 5 46 7 8") is None  # one label: a row, not headers


def test_a_title_wrapped_around_its_box_label() -> None:
    """markitdown prints a Word page's metadata box with the title's last character on a line of
    its own after the box's label (``…工作年度报`` / ``名称`` / ``告``): the title is the two
    pieces, and its agency and year are read from it."""
    from gongkai.ingest.meta import identify

    from .publishers.scoring import FIXTURES as PUBLISHERS

    path = PUBLISHERS / "markitdown" / "004_26dfd29bd5682613~wordgov-word.md"
    found = identify(read_text(path, path.read_bytes()))
    assert (found.agency, found.year) == ("盐池县人民政府办公室", 2020)


def test_a_minus_sign_goes_under_the_change_column() -> None:
    """``行政事业性收费 -1`` under 上一年项目数量 / 本年增/减 (the items left blank): the figure
    is the change, never a count below zero; the row stays in doubt (a cell not printed)."""
    path = FIXTURES / "pymupdf4llm" / "g2020-c~gazette.md"
    pred = read_fixture(path)
    gold = gold_json(FIXTURES, "g2020-c")["active"]
    assert isinstance(gold, dict)
    assert pred["active"]["fees"] == gold["fees"] == {"previous_items": 0, "change": -1}
    assert any(entry["cell"] == "active.fees" for entry in pred["uncertain"])


def test_a_lone_minus_figure_in_a_wide_grid_goes_under_the_change_column() -> None:
    """markitdown sets ``| 行政事业性收费 | | | | -1 | | |`` on a grid of its own (its header on
    another): four cells for two columns, nothing in the positions; the one reading that makes no
    count negative is taken, and stays in doubt."""
    path = FIXTURES / "markitdown" / "g2020-c~gazette-word.md"
    pred = read_fixture(path)
    assert pred["active"]["fees"] == {"previous_items": 0, "change": -1}
    assert any(entry["cell"] == "active.fees" for entry in pred["uncertain"])


def test_the_sign_does_not_choose_a_reading_that_supposes_a_cell() -> None:
    """``行政强制0-320`` (crawler text: 0, -3 and 20 run together): the cheapest readings suppose a
    cell not printed, and the only one of them with no count below zero (0, -320, ·) is a guess;
    the row's columns stay unknown rather than read so."""
    path = FIXTURES / "crawler" / "g2019-a~gazette.txt"
    coercion = read_fixture(path)["active"]["coercion"]
    assert coercion["change"] != -320
    assert coercion["change"] in (None, -3)


def test_the_blank_rows_zeros_refute_a_label_cell_shift() -> None:
    """markitdown's Word print of a gazette's table 三: ``| | (一) 予以公开 | | 348 | 29 | 16 | 49 442 |``
    on a page grid of 7 cells, 29 in the cell of 商业企业 and 科研机构, 16 in that of 社会公益 and
    法律服务. Read on the page's grid with the label-only rows (部分公开, 国家秘密, …) as rows of 0,
    the column sums place them (商业企业 and 法律服务 total 0); read with the blank after the label
    as the label's cell instead, those sums break. The shift is refuted, not a tie that leaves the
    cells unknown."""
    path = FIXTURES / "markitdown" / "g2020-c~gazette-word.md"
    report = read_fixture(path)
    gold = gold_json(FIXTURES, "g2020-c")["requests"]
    assert isinstance(gold, dict)
    for key in ("granted", "denied_process_info", "denied_query_matter"):
        assert report["requests"][key] == gold[key], key
    assert not [u for u in report["uncertain"] if u["cell"] == "requests.granted" and "cannot decide" in u["reason_en"]]


def test_figures_after_a_wrapped_label_go_to_the_one_line_label_below() -> None:
    """markitdown's Word print of a gazette's table 三 prints each row's figures where Word centres
    them: between the lines of a wrapped label (``1. 本机关不掌握相关`` / figures / ``政府信息``).
    ``1. 信访举报投诉类申`` / ``请`` / figures / ``| 三、本年度 | | 2. 重复申请 | | …blank… |``: the
    figures come after the wrapped label's last line, just before a one-line label with blank cells,
    so they are 重复申请's; 信访举报投诉类申请 is the blank row. Both stay named in doubt."""
    path = FIXTURES / "markitdown" / "g2020-c~gazette-word.md"
    report = read_fixture(path)
    gold = gold_json(FIXTURES, "g2020-c")["requests"]
    assert isinstance(gold, dict)
    for key in ("not_processed_petition", "not_processed_duplicate"):
        assert report["requests"][key] == gold[key], key
    doubted = {u["cell"] for u in report["uncertain"] if "which row they belong to" in u["reason_en"]}
    assert {"requests.not_processed_petition", "requests.not_processed_duplicate"} <= doubted
    # A label whose lines go on after the figures (``补正、行政机`` / figures / ``关不再处理其`` …)
    # keeps them, though the next row (2.申请人逾期) prints blank cells.
    from .pdfvariants import FIXTURES as VARIANTS

    rotated = read_fixture(VARIANTS / "markitdown" / "v2021-f~word-rotated-landscape.md")["requests"]
    assert rotated["other_no_correction"] == gold_json(VARIANTS, "v2021-f")["requests"]["other_no_correction"]
