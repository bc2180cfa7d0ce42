"""A searchable scan's text layer (the fifteenth hold-out's reports, ``holdout15/generate.py``):
figures with a letter for a digit (``1O``, ``l2``, a lone ``O``), a rule read as a mark beside a
figure (``| 12``) or a blank inside one (``2 7``), and a title whose year the OCR misread
(``2o19年``). Before, such a cell was words to every reader and its row was lost (html 59% of the
cells), and the agency was read from the body's first sentence, cut and unflagged. Now a document
that shows an OCR's hand has its figures mended (``ocr_figures``) and each mended figure is kept
only where the equations confirm it, else named in ``uncertain``; the slipped title's agency is the
signature's or the body's (``title_slips``), named in ``uncertain`` too."""

from __future__ import annotations

import json

from gongkai.ingest.ocr_figures import mend_figure, mend_ocr_text
from gongkai.ingest.read import read_document, read_report
from gongkai.ingest.title_slips import mend_title_year

from .holdout15 import FIXTURES


def _gold(name: str) -> dict:
    return json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))


def _read(cls: str, stem: str) -> dict:
    path = next((FIXTURES / cls).glob(f"{stem}.*"))
    result = read_report(path)
    assert result.report is not None, result.error
    return json.loads(result.report.to_json())


def _figures_in_the_page(cls: str, stem: str) -> list[str]:
    document = read_document(next((FIXTURES / cls).glob(f"{stem}.*")))
    return [cell.text for table in document.tables for row in table.rows for cell in row]


def test_a_scans_misread_figures_are_read_back_in_its_grid() -> None:
    # s2019-a's table 三 prints 二、上年结转 as ``| 0 0 0 0 0 1`` (the | a misread 1) and zeros as O, o
    texts = _figures_in_the_page("html", "s2019-a~ocr")
    assert "|" not in texts and "O" not in texts and "3o" not in texts
    read, gold = _read("html", "s2019-a~ocr"), _gold("s2019-a")
    assert read["requests"] == gold["requests"]
    assert read["appeals"] == gold["appeals"]


def test_a_mended_figure_no_equation_confirms_is_named_in_uncertain() -> None:
    # s2019-a's table 二: ``Z`` for 2 and ``3o`` for 30, figures no equation checks
    read, gold = _read("html", "s2019-a~ocr"), _gold("s2019-a")
    assert (
        read["active"]["normative_documents"]["new_published"] == gold["active"]["normative_documents"]["new_published"]
    )
    assert read["active"]["other_services"]["decisions"] == gold["active"]["other_services"]["decisions"]
    doubted = {entry["cell"] for entry in read["uncertain"]}
    assert {"active.normative_documents.new_published", "active.other_services.decisions"} <= doubted


def test_a_text_layers_rows_are_mended_and_doubted() -> None:
    # pdftotext -layout prints s2020-a's 行政处罚 row ``4  7  |64`` (164, its 1 read as |)
    read, gold = _read("pdftotext-layout", "s2020-a~ocr"), _gold("s2020-a")
    assert read["active"]["punishment"]["decisions"] == gold["active"]["punishment"]["decisions"] == 164
    assert "active.punishment.decisions" in {entry["cell"] for entry in read["uncertain"]}


def test_a_slipped_titles_agency_is_the_signatures_and_doubted() -> None:
    # the PDF's title line reads 宁远县民政后 2o19 年…; the signature prints 宁远县民政局
    read, gold = _read("pdf", "s2019-a~ocr"), _gold("s2019-a")
    assert (read["agency"], read["year"]) == (gold["agency"], gold["year"])
    assert {"agency", "year"} <= {entry["cell"] for entry in read["uncertain"]}


def test_plain_reports_are_left_alone() -> None:
    assert mend_figure("12") is None and mend_figure("自然人") is None and mend_figure("") is None
    assert mend_title_year("某县民政局2019年政府信息公开工作年度报告").endswith("2019年政府信息公开工作年度报告")
    text = "规章  1  0  2\n行政许可  3  4  5\n"
    assert mend_ocr_text(text, False) == (text, frozenset())


def test_a_pdfs_blank_beside_a_rules_mark_tells_the_mark_from_a_figure() -> None:
    # s2022-a's PDF prints 规章's 本年制发 as ``74`` and a rule's ``I`` a blank's width apart (its
    # text joins them: ``74I``, 74 or 741) and table 三's cells as ``l0`` (10) beside ``l 0`` (0)
    document = read_document(FIXTURES / "pdf" / "s2022-a~ocr.pdf")
    spaced = {cell.spaced for table in document.tables for row in table.rows for cell in row}
    assert "74 I" in spaced
    read, gold = _read("pdf", "s2022-a~ocr"), _gold("s2022-a")
    assert read["active"]["regulations"]["made"] == gold["active"]["regulations"]["made"] == 74
    assert read["requests"] == gold["requests"]


def test_a_rules_mark_glued_to_a_figure_is_dropped_in_a_text_layer() -> None:
    # s2023-b's 四、结转 row ``2 5 1 1 O［ 0 9［``: the rule's ［ touches the figure (no digit looks
    # like ［ or 丨); before, ``O［`` and ``9［`` were words and the row was lost
    text = "四、结转下年度继续办理          2 5 1 1 O［ 0 9［\n1.属于国家秘密  丨2 0 l3 0 1O 0 25\n"
    mended, doubted = mend_ocr_text(text, False)
    assert mended.split("\n")[0].split()[1:] == ["2", "5", "1", "1", "0", "0", "9"]
    assert mended.split("\n")[1].split()[1:] == ["2", "0", "13", "0", "10", "0", "25"]
    assert doubted == frozenset({"line 1", "line 2"})
    read, gold = _read("pdftotext-layout", "s2023-b~ocr"), _gold("s2023-b")
    assert read["requests"]["carried_forward"] == gold["requests"]["carried_forward"] == [2, 5, 1, 1, 0, 0, 9]


def test_a_rows_total_read_as_letters_is_a_figure_where_the_row_needs_it() -> None:
    # s2023-b's 4.无正当理由大量反复申请 row ``6 4 1 0 0 0 ［ ||``: its 总计 11 read as ``||``; with
    # it the row prints as many figures as the table's rows (a rule's ［ dropped), without it one short
    read, gold = _read("pdftotext-layout", "s2023-b~ocr"), _gold("s2023-b")
    assert read["requests"]["not_processed_excessive"] == gold["requests"]["not_processed_excessive"]
    assert read["requests"]["not_processed_excessive"] == [6, 4, 1, 0, 0, 0, 11]
