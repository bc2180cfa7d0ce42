"""Read a plain-text or Markdown dump of a report into a ``Document``.

Text dumps of published reports come out of web pages, Word and PDF converters in many layouts.
This reader finds the tables among the prose and turns each into rows of cells, keeping blank
cells, for the recogniser (which maps them to the template by their labels and the arithmetic):

- tab-separated rows (a row per line, cells split by tabs, blank cells kept);
- cells as tab-indented lines (``\\t<value>``, a lone tab is a blank cell), rows split by blank lines;
- pipe (Markdown) tables, including tables a PDF converter broke into fragments;
- one cell per line, a filled cell followed by one blank line and a blank cell printed as a
  single blank line (text copied out of an HTML table);
- rows whose cells run together on one line (``规章000``, ``行政强制 76 -3 8844``): the line is
  cut into label and numbers; a digit run the recogniser may still split by the arithmetic.

Section headings (一、总体情况 …) always end a table and are kept as text.
"""

from __future__ import annotations

import re
from pathlib import Path

from gongkai.ingest.box_tables import boxes_as_tab_lines, has_boxes
from gongkai.ingest.br_lines import br_lines
from gongkai.ingest.browser_lines import browser_lines_dropped, has_browser_lines
from gongkai.ingest.change_runs import changes_dropped, laid_out_changes_dropped
from gongkai.ingest.continued_captions import continued_captions_blanked
from gongkai.ingest.document import Document, UnreadableFile
from gongkai.ingest.encoding import EncodingUnknown, decode
from gongkai.ingest.flow_units import flowed_unit_feet
from gongkai.ingest.furniture import blank_running_lines
from gongkai.ingest.html_in_text import with_html_tables
from gongkai.ingest.label_around import label_around_figures
from gongkai.ingest.label_marks import notes_apart
from gongkai.ingest.limits import check_data
from gongkai.ingest.markers import drop_in_text
from gongkai.ingest.ocr_figures import mend_ocr_text
from gongkai.ingest.ocr_glyphs import mend_glyphs
from gongkai.ingest.ocr_runs import mend_ocr_runs, mend_run_labels
from gongkai.ingest.page_numbers import drop_page_numbers
from gongkai.ingest.picture_cells import picture_cells
from gongkai.ingest.pipe_centred_units import pipe_rows_centred_units
from gongkai.ingest.pipe_digit_wraps import pipe_cells_with_digit_wraps
from gongkai.ingest.pipe_last_row import pipe_last_rows
from gongkai.ingest.pipe_loose_totals import pipe_rows_with_loose_totals
from gongkai.ingest.pipe_nested import nested_delimiters_cut
from gongkai.ingest.pipe_stacked_rows import stacked_pipe_rows
from gongkai.ingest.pipe_wraps import wrapped_pipe_cells
from gongkai.ingest.pipes import (
    PICTURE_START,
    figures_before_label,
    label_under_table,
    page_numbers_blanked,
    picture_text,
)
from gongkai.ingest.radicals import holds_radical_bytes, unradical
from gongkai.ingest.remarks import REMARKS_HEADING, remarks_cut
from gongkai.ingest.request_label_around import request_labels_around
from gongkai.ingest.runon import cut_table_paragraphs, unrun
from gongkai.ingest.share_text import drop_shares_in_text
from gongkai.ingest.side_column import has_side_column, side_column_cut
from gongkai.ingest.spread_labels import has_spread_labels, has_stop_first, numbering_rejoined, spread_labels_closed
from gongkai.ingest.text_blocks import blocks_of_lines, emptied_lines
from gongkai.ingest.trailing_citations import trailing_citations_cut
from gongkai.ingest.unit_first import (
    any_unit_first,
    units_after_figures,
    wrapped_units_blanked,
    wrapped_units_first,
)
from gongkai.ingest.unit_wraps import units_unwrapped
from gongkai.ingest.units import cells_with_units, wrapped_cells
from gongkai.ingest.vertical_labels import vertical_labels_blanked
from gongkai.ingest.wrapped_above import any_lone_unit, rows_wrapped_above
from gongkai.ingest.wrapped_pipe_figures import (
    pipe_cells_with_wrapped_digits,
    pipe_rows_with_loose_pieces,
    pipe_rows_wrapped_around,
    pipe_tails_over_page,
)
from gongkai.ingest.wrapped_rows import rows_with_wrapped_figures
from gongkai.ingest.zero_words import prints_zero_words, zero_words_as_dashes

_FULL_WIDTH_DIGITS = "０１２３４５６７８９"
# A digit beside a look-alike letter (``1O``, ``l2``), or a look-alike alone between figures (``1 O 0``):
# an OCR's hand? The letter is searched for and the digits around it asked there (look-behinds): the same
# texts as ``\d[OoIlSBZ]|[OoIlSBZ|]\d|\d [OoIlSBZ|] \d``, whose search tried the digit class at every
# character of the text (60 µs of a corpus report)
_OCR_LETTERS = re.compile(r"[OoIlSBZ|](?:(?<=\d[OoIlSBZ])|\d|(?<=\d [OoIlSBZ|]) \d)")


# A rule's mark touching a figure (a crawler's run of a scan): the texts of ``\d[|丨［]|[丨［]\d``,
# searched led by the mark (a look-behind asks the digit before it), not by ``\d`` at every character.
_RUN_MARKS = re.compile(r"[|丨［](?:(?<=\d[|丨［])|(?<=[丨［])\d)")
_LOOKALIKES = "OoIlSBZ|"  # the letters _OCR_LETTERS is led by
_MARKS = "|丨［"  # the marks _RUN_MARKS needs


def _ocr_letters(text: str) -> bool:
    """``_OCR_LETTERS.search(text)``, told first by substring scans (most texts hold none of its
    letters: the search costs 15 µs a report)."""
    return any(letter in text for letter in _LOOKALIKES) and _OCR_LETTERS.search(text) is not None


def _run_marks(text: str) -> bool:
    """``_RUN_MARKS.search(text)``, told first by substring scans (most texts hold none of its marks: no
    search at all then)."""
    return any(mark in text for mark in _MARKS) and _RUN_MARKS.search(text) is not None


_HALF_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def read_text(path: Path, data: bytes) -> Document:
    """Decode ``data`` (UTF-8 or the GB family, else charset-normalizer's guess) and find its tables."""
    source = str(path)
    check_data(source, data)
    try:
        text, encoding = decode(data)
    except EncodingUnknown:
        raise UnreadableFile(source, "不是文本文件（无法识别编码）", "not a text file (no known encoding)") from None
    if "\x00" in text[:4096]:
        raise UnreadableFile(source, "不是文本文件（含二进制数据）", "not a text file (binary data)")
    fmt = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    text, misread_labels = mend_glyphs(text)  # a scan's OCR: 甲请 法入 逾期末按 in the labels read back
    text = drop_in_text(text)  # 60① read 601 once NFKC folds the marker: marks go first
    if fmt == "text":
        text = notes_apart(text)  # a crawler's 数量注2 6850… : the note's digit is no figure
        text = changes_dropped(text)  # a crawler's 规章11206932195218426.0%: 上年数 · 同比 run on
        text = laid_out_changes_dropped(text)  # the same printed apart: 规章 1120 6932 1952 1842 6.0%
        text = drop_shares_in_text(text)  # a 占比 column or row: a percentage is never a count
    if encoding != "utf-8" or holds_radical_bytes(data):  # radicals' bytes (``radicals``): not in most
        text = unradical(text)  # a PDF converter's ⼀、⾏政 and 人⺠政府
    if any(digit in text for digit in _FULL_WIDTH_DIGITS):  # ten substring scans: faster than a class
        text = text.translate(_HALF_WIDTH_DIGITS)  # １２３ printed: the same figures, and 1.属于… labels
    doubtful: frozenset[str] = frozenset()
    ocr_letters = _ocr_letters(text)  # asked again below of the text mended, else the answer kept
    if ocr_letters or "~~" in text:  # a searchable scan's text layer: 1O, l2 for figures
        text, doubtful = mend_ocr_text(text, fmt == "markdown")
        ocr_letters = _ocr_letters(text)
    lone_units = fmt != "markdown"
    lines = (text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text).split("\n")
    page_title: str | None = None
    if has_browser_lines(text):
        lines, page_title = browser_lines_dropped(lines)  # a browser's print date, URL and 1/5 at every page's edges
    if fmt == "text" and has_side_column(text):
        lines = side_column_cut(lines)  # -layout: a portal's dated 相关链接 beside the article's lines
    if has_spread_labels(text):
        # 分散对齐: 自 然 人, 3 . 其 他 (no run crosses a line: the lines joined are closed up in
        # one pass that skips to the runs, not a call a line)
        lines = spread_labels_closed("\n".join(lines)).split("\n")
    if has_boxes(text):
        lines = boxes_as_tab_lines(lines)  # an old site's tables drawn with ┌─┬─┐ or +---+
    if prints_zero_words(text):
        lines = zero_words_as_dashes(lines)  # a platform's 无 for every zero cell
    lines = trailing_citations_cut(lines)  # table 二's 第二十条 citation printed after a row's figures
    if fmt == "markdown" and PICTURE_START in text:
        lines = picture_cells(lines)  # pymupdf4llm: wrapped cells of a region taken for a picture
    if lone_units:
        if "表" in text:
            lines = continued_captions_blanked(lines)  # 续表2, 表 3: a caption, its number no cell
        lines = vertical_labels_blanked(lines)  # pdftotext: table 三's group cells a character a line
        if has_stop_first(text):
            lines = numbering_rejoined(lines)  # pdftotext: a spread label's 3 / . 其 / 他 a piece a line
        if REMARKS_HEADING in text:
            lines = remarks_cut(lines)  # a 备注 column's notes after a row's figures
        # (each asked of the text once: a scan of every unit it holds; a lone unit decides both)
        lone_unit = any_lone_unit(text)
        unit_first = lone_unit or any_unit_first(text)
        if unit_first:
            lines = flowed_unit_feet(lines)  # pdftotext: wrapped figure+unit cells' units in the flow
            lines = [units_after_figures(line) for line in wrapped_units_first(lines)]
        lines = wrapped_cells(lines)
        if lone_unit:
            lines = rows_wrapped_above(lines)  # -layout: a row's wrapped figures on the line above
        if unit_first:
            lines = wrapped_units_blanked(lines)  # -layout: a row's last cell 0 over 件, the 件 alone
        lines = units_unwrapped(lines)
        lines = rows_with_wrapped_figures(lines)  # a narrow cell's figure: 80 on the row, 6 under it …
    joined: frozenset[int] = frozenset()
    if not lone_units:
        if "---" in text:
            lines = nested_delimiters_cut(lines)  # markdownify: a nested table's | --- | on the outer row's line
        if "<br" in text:
            lines = stacked_pipe_rows(lines)  # pymupdf4llm: several rows set in one two-cell row
        lines = pipe_last_rows(lines)  # table 四's last row a converter set after the table
        printed = lines
        lines = wrapped_pipe_cells(lines)
        lines = pipe_rows_wrapped_around(lines)  # markitdown: a narrow cell's 31 above the row, 4 below
        lines = pipe_rows_with_loose_pieces(lines)  # markitdown: 29 above the table, 6 under its | --- |
        lines = pipe_rows_with_loose_totals(lines)  # markitdown: a row's 总计 1150 above it, its 件 below
        lines = pipe_rows_centred_units(lines)  # markitdown: two-line cells' figures above the row, units below
        if "<br" in text:
            lines = pipe_cells_with_wrapped_digits(lines)  # pymupdf4llm: a narrow cell's 80<br>6
            lines = pipe_cells_with_digit_wraps(lines)  # pymupdf4llm: a figure a digit a line, 4<br>0<br>件
        lines = pipe_tails_over_page(lines)  # pymupdf4llm: a wrapped figure's tail on the next page
        joined = emptied_lines(printed, lines)
    counted = len(lines)
    # (a line holding no unit is returned as it is: tested here, not in a call per line)
    # (units.COUNT_UNITS, four ``in`` tests: faster than a regex search per line; none where the
    # line is ASCII, which str.isascii tells without reading it: empty lines, lines of figures)
    lines = [
        cells_with_units(line, lone_units)
        if not line.isascii() and ("件" in line or "个" in line or "项" in line or "条" in line)
        else line
        for line in lines
    ]
    if "<" in text and "<table" in text.lower():  # no character lowers to "<"
        blocks = list(with_html_tables(path, lines))
    else:
        if fmt == "markdown":
            # A rule-less table a converter set as paragraphs, labels after their figures, page numbers.
            lines = label_under_table(
                figures_before_label(
                    request_labels_around(
                        label_around_figures(cut_table_paragraphs(page_numbers_blanked(br_lines(picture_text(lines)))))
                    )
                )
            )
        if "\f" in text:
            lines = drop_page_numbers(blank_running_lines(lines))
        scan_runs = mended_runs = False
        if fmt == "text" and (misread_labels or ocr_letters or _run_marks(text)):
            # a crawler's run of a scan: 49 |0Z96O［ 488
            lines, scan_runs, mended_runs = mend_ocr_runs(lines, misread_labels)
        lines = unrun(lines)
        if scan_runs:
            lines = mend_run_labels(lines)
        if mended_runs:  # every figure cut from the runs is the arithmetic's to confirm
            doubtful |= {f"line {n + 1}" for n, line in enumerate(lines) if any(c.isdigit() for c in line)}
        blocks = list(blocks_of_lines(lines, joined if len(lines) == counted else frozenset()))
    return Document(
        source=source,
        format=fmt,
        blocks=blocks,
        encoding=encoding,
        title=page_title,
        mended=bool(doubtful),
        doubtful=doubtful,
    )
