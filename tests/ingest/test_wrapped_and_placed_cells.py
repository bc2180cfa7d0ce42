"""Cells of laid-out text and of pymupdf4llm's picture text put back where the printed table has
them: wrapped figure+unit cells (``picture_cells``, ``wrapped_figures``, ``unit_first``), table
四's header pieces over a row of figures, strike-through marks, columns placed by the header's
proportions (``header_columns``), a group-numbered row label on its figures' line, and table 四
absent with the prose stating no case. Every input is a generated fixture (real tools' output)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.header_columns import header_fractions
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.picture_cells import picture_cells
from gongkai.ingest.read import read_document, read_report
from gongkai.ingest.row_reading import Slot
from gongkai.ingest.unit_first import units_after_figures
from gongkai.ingest.wrapped_above import rows_wrapped_above
from gongkai.ingest.wrapped_figures import wrapped_figure_readings
from gongkai.report.model import Report
from gongkai.report.templates import REQUEST_COLUMNS

from .holdout2 import FIXTURES as FIXTURES2
from .holdout3 import FIXTURES
from .holdout5 import FIXTURES as FIXTURES5


def _gold(fixtures: Path, report: str) -> dict:
    return json.loads((fixtures / "gold" / f"{report}.json").read_text(encoding="utf-8"))


def _read(path: Path) -> Report:
    result = read_report(path)
    assert result.report is not None, result.error_en
    return result.report


def _uncertain(report: Report) -> set[str]:
    return {u.cell for u in report.uncertain or []}


def test_picture_text_wrapped_cells_are_put_at_their_lone_units() -> None:
    """``328 339 102 102 611`` over ``件 [98][件] … [590] 件 … 件 件 [67][件] 件 件``: each lone unit
    after no figure takes the next figure of the line above."""
    path = FIXTURES / "pymupdf4llm" / "c2020-b~county.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    joined = "\n".join(picture_cells(lines))
    assert "328件 98件 66件 98件 590 件 101件 29件 16件 26件 172 件 339件 102件 67件 102件 611件" in joined
    appeals = _read(path).appeals
    assert appeals == _gold(FIXTURES, "c2020-b")["appeals"]


def test_figures_wrapped_above_the_row_are_placed_by_the_group_sums() -> None:
    """``14 22 11`` / ``7件 2件 2件 3件 13件 …`` / ``件 件 件``: the first line's figures go where every
    group of table 四 adds up; the placement is a judgement, named in ``uncertain``."""
    path = FIXTURES / "pymupdf4llm" / "c2023-c~county.md"
    report = _read(path)
    assert report.appeals == _gold(FIXTURES, "c2023-c")["appeals"]
    assert "appeals" in _uncertain(report)


def test_wrapped_figure_readings_keep_each_lines_order() -> None:
    def slot(text: str, line: int) -> Slot:
        return Slot(parse_cell(text), f"line {line} part 1")

    slots = [slot("5", 1), slot("9", 1), *(slot(t, 2) for t in ("2", "3", "4", "5"))]

    def accept(values: tuple[object, ...]) -> bool:  # two groups of three: a + b = total
        return values[0] + values[1] == values[2] and values[3] + values[4] == values[5]  # type: ignore[operator]

    found = {r.values for r in wrapped_figure_readings(slots, 6, accept)}
    assert found == {(2, 3, 5, 4, 5, 9)}


def test_table_four_header_pieces_over_a_row_of_figures_are_a_table() -> None:
    path = FIXTURES / "pymupdf4llm" / "c2023-e~county.md"
    assert _read(path).appeals == _gold(FIXTURES, "c2023-e")["appeals"]


def test_strike_through_marks_are_dropped_from_cells() -> None:
    """pymupdf4llm marks a cell a rule crosses ``~~/~~``, ``~~3、补正后申请~~``."""
    path = FIXTURES / "pymupdf4llm" / "c2021-a~county-word.md"
    assert "~~" in path.read_text(encoding="utf-8")
    report = _read(path)
    gold = _gold(FIXTURES, "c2021-a")
    assert report.requests["unavailable_unclear"] == gold["requests"]["unavailable_unclear"]


def test_a_unit_printed_first_is_turned_round_on_a_laid_out_row() -> None:
    line = "           1.属于国家秘密 114件 30件 0件 30件 10件 件0 184件"
    turned = units_after_figures(line)
    assert turned.endswith("10件 0件 184件") and len(turned) == len(line)
    assert (
        units_after_figures("1.属于国家秘密 114件 30件 件0 184件") == "1.属于国家秘密 114件 30件 件0 184件"
    )  # not laid out
    assert units_after_figures("  共收到申请 件0 份") == "  共收到申请 件0 份"  # no row of cells


def test_columns_are_placed_by_the_header_proportions() -> None:
    """A header in smaller type than the figures (``自然 商业 科研`` / ``人 企业 机构 社会公 …``): the
    titles' proportions place the figures; two columns blank throughout, which no sum can tell."""
    rows = ("new_received", "carried_over", "granted", "not_processed_confirmation", "carried_forward")
    _placed_by_header(FIXTURES, "c2023-e~county", rows)


def _placed_by_header(fixtures: Path, name: str, rows: tuple[str, ...]) -> None:
    """The header of ``name``'s laid-out text names every column, and ``rows`` read as the gold."""
    path = fixtures / "pdftotext-layout" / f"{name}.txt"
    fractions = header_fractions(read_document(path).tables, [c.labels for c in REQUEST_COLUMNS])
    assert fractions is not None and len(fractions) == len(REQUEST_COLUMNS)
    report = _read(path)
    gold = _gold(fixtures, name.split("~")[0])["requests"]
    for row in rows:
        assert report.requests[row] == gold[row], row


def test_a_wrapped_title_piece_spaced_off_its_title_joins_the_title_it_spells() -> None:
    """A header compressed by pdftotext (``人 商业企 科研机 社会公益 法律服务 其 总``) whose wrapped
    pieces it spaced on their own line's scale (``业 构 组织`` each a few characters left of its
    title): a piece joins the title it goes on spelling (科研机 + 构, not + 组织), so the header's
    proportions place 30 under 科研机构, the same column for every row."""
    rows = ("new_received", "carried_over", "granted", "not_processed_petition", "not_processed_excessive")
    _placed_by_header(FIXTURES5, "t2020-b~township", rows)


def test_table_four_as_laid_out_stacked_halves_is_read_by_places_on_the_titles_scale() -> None:
    """Table 四 as two half-tables in ``pdftotext -layout`` lines: 行政复议's titles closed up over
    figures spaced wider (``1`` nearest 总计 as printed, under 尚未审结 on the titles' scale), the
    lower half's figures a line set far in (``      1   1   2``). The Word copy's lower half, its
    titles wrapped into pieces, names no column: it stays unknown."""
    gold = _gold(FIXTURES5, "t2020-b")["appeals"]
    report = _read(FIXTURES5 / "pdftotext-layout" / "t2020-b~township.txt")
    assert report.appeals == gold
    word = _read(FIXTURES5 / "pdftotext-layout" / "t2020-b~township-word.txt")
    assert word.appeals["review"] == gold["review"]
    assert all(v is None for v in word.appeals["litigation_after_review"].values())
    assert "appeals.review" in _uncertain(word)


def test_a_group_numbered_label_on_the_figures_line_names_the_row() -> None:
    """Blank rows' labels above ``（七）总 计   5   5`` join into a longer row's label; the label on
    the figures' line names the row."""
    path = FIXTURES / "pdftotext-layout" / "c2019-a~county.txt"
    report = _read(path)
    gold = _gold(FIXTURES, "c2019-a")["requests"]
    assert report.requests["total_processed"] == gold["total_processed"]
    assert report.requests["not_processed_confirmation"] == gold["not_processed_confirmation"]


def test_table_four_absent_with_the_prose_stating_no_case_reads_zero_in_doubt() -> None:
    path = FIXTURES2 / "pymupdf4llm" / "g2022-c~gazette-word.md"
    report = _read(path)
    assert report.appeals == _gold(FIXTURES2, "g2022-c")["appeals"]
    assert "appeals" in _uncertain(report)


def test_a_row_over_two_lines_gets_its_wrapped_figures_from_the_line_above() -> None:
    """``(二)部分公开（区分处理的， 267   0 431件`` over ``只计这一情形… 件  69件 0件  71件  24件 件``:
    each lone unit takes the bare figure over it; the one-line cell of the first line comes too."""
    path = FIXTURES / "pdftotext-layout" / "c2020-b~county.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "(二)部分公开" in line)
    label, row = rows_wrapped_above(lines[at : at + 2])
    assert label.strip() == "果 (二)部分公开（区分处理的，"
    assert row.split()[1:] == ["267件", "69件", "0件", "71件", "24件", "0件", "431件"]
    gold = _gold(FIXTURES, "c2020-b")["requests"]
    assert _read(path).requests["partially_granted"] == gold["partially_granted"]
    prose = ["本年度共收到申请 55", "件，其中 12件 予以公开"]
    assert rows_wrapped_above(prose) == prose  # a word after the figures: a sentence, left alone


def test_a_short_numbered_blank_row_before_the_total_is_read_blank() -> None:
    """``3.其他`` printed with no figure right above ``（七）总计  2897 …``: its own row, read 0."""
    path = FIXTURES / "pdftotext-layout" / "c2023-e~county.txt"
    assert _read(path).requests["other_other"] == _gold(FIXTURES, "c2023-e")["requests"]["other_other"]
