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
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from gongkai.ingest.appeal_pieces import names_appeal_header
from gongkai.ingest.document import CELL_DEFAULTS, Block, Cell, Document, TableBlock, TextBlock, UnreadableFile
from gongkai.ingest.encoding import EncodingUnknown, decode
from gongkai.ingest.furniture import blank_running_lines
from gongkai.ingest.label_around import label_around_figures
from gongkai.ingest.limits import check_data
from gongkai.ingest.markers import drop_in_text
from gongkai.ingest.meta import HEADING_FIRST, match_section_heading
from gongkai.ingest.numbers import RUN_COMMA, CellKind, parse_cell, several_numbers
from gongkai.ingest.picture_cells import picture_cells
from gongkai.ingest.pipe_last_row import pipe_last_rows
from gongkai.ingest.pipe_repeats import repeated_spans
from gongkai.ingest.pipe_spans import span_blanks
from gongkai.ingest.pipe_wraps import wrapped_pipe_cells
from gongkai.ingest.pipes import (
    PICTURE_START,
    figures_before_label,
    label_under_table,
    labels_after_figures,
    page_numbers_blanked,
    phantom_columns,
    picture_text,
    rejoin_displaced,
)
from gongkai.ingest.pipes import lone_figures as _lone_figures
from gongkai.ingest.radicals import unradical
from gongkai.ingest.remarks import REMARKS_HEADING, remarks_cut
from gongkai.ingest.runon import cut_table_paragraphs, unrun
from gongkai.ingest.trailing_citations import trailing_citations_cut
from gongkai.ingest.unit_first import any_unit_first, units_after_figures
from gongkai.ingest.unit_wraps import units_unwrapped
from gongkai.ingest.units import cells_with_units, wrapped_cells
from gongkai.ingest.vertical_labels import vertical_labels_blanked
from gongkai.ingest.vocabulary import (
    ends_with_appeal_group,
    ends_with_request_row,
    is_active_row,
    is_numbered_request_row,
    is_table_label,
    label_weight,
)
from gongkai.ingest.wrapped_above import any_lone_unit, rows_wrapped_above
from gongkai.ingest.wrapped_digits import (
    rows_with_split_figures,
    rows_with_tails_further_down,
    rows_with_wrapped_digits,
    rows_wrapped_around,
)
from gongkai.ingest.wrapped_pipe_figures import (
    pipe_cells_with_wrapped_digits,
    pipe_rows_with_loose_pieces,
    pipe_rows_wrapped_around,
    pipe_tails_over_page,
)
from gongkai.ingest.zero_words import prints_zero_words, zero_words_as_dashes

_MAX_SHORT = 60  # longer lines are prose, never a table cell
# No two neighbouring repeats can match the same spaces: linear time on a line of blanks.
_PIPE_SEPARATOR = re.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:(?:\s*[,，/])?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# A number inside a line: optional sign, digits (ASCII or full-width, thousands separators),
# decimals, an optional money unit.
_NUMBER_IN_LINE = re.compile(
    r"[-−－–—]?[0-9０-９]+(?:[,，\u201a][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?(?:\s*(?:万元|亿元|元))?"
)
_CJK = re.compile(r"[\u3400-\u9fff（(]")
# Characters after a number that make it part of a phrase (2020年, 第3项, 26个领域) rather than a cell.
_WORD_AFTER = frozenset("年月日号时分秒岁届期页章节条款项个件次人户家名位批类种份张篇本部所座处亿万千百十%％·:：/-—.．")
_IDENTIFIER_BEFORE = re.compile(r"[A-Za-z0-9０-９/\-:：.．_#]")


_FULL_WIDTH_DIGITS = "０１２３４５６７８９"
# The UTF-8 of every code point from U+2E80 to U+2FFF starts with these two bytes: text decoded
# as UTF-8 holds none of the radicals ``unradical`` maps (U+2E80–U+2FD5) where its bytes hold
# none of these (a search led by the one byte, not a class tested at every character).
_RADICAL_BYTES = re.compile(rb"\xe2[\xba-\xbf]")
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
    text = drop_in_text(text)  # 60① read 601 once NFKC folds the marker: marks go first
    if encoding != "utf-8" or _RADICAL_BYTES.search(data):  # bytes of U+2E80–U+2FFF: not in most
        text = unradical(text)  # a PDF converter's ⼀、⾏政 and 人⺠政府
    if any(digit in text for digit in _FULL_WIDTH_DIGITS):  # ten substring scans: faster than a class
        text = text.translate(_HALF_WIDTH_DIGITS)  # １２３ printed: the same figures, and 1.属于… labels
    lone_units = fmt != "markdown"
    lines = (text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text).split("\n")
    if prints_zero_words(text):
        lines = zero_words_as_dashes(lines)  # a platform's 无 for every zero cell
    lines = trailing_citations_cut(lines)  # table 二's 第二十条 citation printed after a row's figures
    if fmt == "markdown" and PICTURE_START in text:
        lines = picture_cells(lines)  # pymupdf4llm: wrapped cells of a region taken for a picture
    if lone_units:
        lines = vertical_labels_blanked(lines)  # pdftotext: table 三's group cells a character a line
        if REMARKS_HEADING in text:
            lines = remarks_cut(lines)  # a 备注 column's notes after a row's figures
        if any_unit_first(text):
            lines = [units_after_figures(line) for line in lines]
        lines = wrapped_cells(lines)
        if any_lone_unit(text):
            lines = rows_wrapped_above(lines)  # -layout: a row's wrapped figures on the line above
        lines = units_unwrapped(lines)
        lines = rows_wrapped_around(lines)  # a Word cell centred: 270 above the row, 3 below
        lines = rows_with_split_figures(lines)  # a narrow cell's figure: 15      0 on the row's line
        lines = rows_with_wrapped_digits(lines)  # a narrow cell's figure: 80 on the row, 6 under it
        lines = rows_with_tails_further_down(lines)  # pdftotext: the tails after the row's label
    joined: frozenset[int] = frozenset()
    if not lone_units:
        lines = pipe_last_rows(lines)  # table 四's last row a converter set after the table
        printed = lines
        lines = wrapped_pipe_cells(lines)
        lines = pipe_rows_wrapped_around(lines)  # markitdown: a narrow cell's 31 above the row, 4 below
        lines = pipe_rows_with_loose_pieces(lines)  # markitdown: 29 above the table, 6 under its | --- |
        if "<br" in text:
            lines = pipe_cells_with_wrapped_digits(lines)  # pymupdf4llm: a narrow cell's 80<br>6
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
        blocks = list(_with_html_tables(path, lines))
    else:
        if fmt == "markdown":
            # A rule-less table a converter set as paragraphs, labels after their figures, page numbers.
            lines = label_under_table(
                figures_before_label(
                    label_around_figures(cut_table_paragraphs(page_numbers_blanked(_br_lines(picture_text(lines)))))
                )
            )
        if "\f" in text:
            lines = _drop_page_numbers(blank_running_lines(lines))
        lines = unrun(lines)
        blocks = list(_blocks(lines, joined if len(lines) == counted else frozenset()))
    return Document(source=source, format=fmt, blocks=blocks, encoding=encoding)


def _br_lines(lines: list[str]) -> list[str]:
    """Lines a converter joined with ``<br>`` outside a pipe table (pymupdf4llm sets the text of
    a table it took for a picture as one paragraph: ``规章 5 5 46<br>规范性文件 610 610 1197``),
    one a line again."""
    out: list[str] = []
    for line in lines:
        if "<br" in line and not line.lstrip().startswith("|"):
            out += _BR.split(line)
        else:
            out.append(line)
    return out


_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)


def _with_html_tables(path: Path, lines: list[str]) -> Iterator[Block]:
    """Markdown (and text) dumps often keep a complex table as raw HTML: the HTML reader reads
    those tables, this reader the lines around them."""
    try:
        from gongkai.ingest.html import read_html
    except ImportError:  # the HTML reader is not there: read the markup as text
        yield from _blocks(lines)
        return
    text = "\n".join(lines)
    done = 0
    for match in _HTML_TABLE.finditer(text):
        before = text[done : match.start()]
        first_line = text.count("\n", 0, match.start())
        yield from _blocks_from(before, text.count("\n", 0, done))
        try:
            fragment = read_html(path, match.group().encode("utf-8"))
        except UnreadableFile:
            fragment = Document(str(path), "html")
        at = f"line {first_line + 1}"
        for table in fragment.tables:
            rows = [[Cell(c.text, f"{at} {c.where}", c.rowspan, c.colspan) for c in row] for row in table.rows]
            yield TableBlock(rows, f"{at} {table.where}")
        done = match.end()
    yield from _blocks_from(text[done:], text.count("\n", 0, done))


def _blocks_from(text: str, offset: int) -> Iterator[Block]:
    """``_blocks`` on a piece of the file, with line numbers counted from the file's start."""
    for block in _blocks(text.split("\n")):
        if isinstance(block, TextBlock):
            block.where = _shift(block.where, offset)
        else:
            block.where = _shift(block.where, offset)
            block.rows = [
                [Cell(c.text, _shift(c.where, offset), c.rowspan, c.colspan) for c in row] for row in block.rows
            ]
        yield block


def _shift(where: str, offset: int) -> str:
    return re.sub(r"\d+", lambda m: str(int(m.group()) + offset), where, count=2) if offset else where


# ---------------------------------------------------------------------------------------------
# Lines into segments
# ---------------------------------------------------------------------------------------------


def _is_tab(line: str) -> bool:
    return "\t" in line and (len(line) <= 400 or line.count("\t") >= 3)


def _is_pipe(line: str) -> bool:
    stripped = line.strip()
    return stripped.count("|") >= 2 and (stripped.startswith("|") or stripped.endswith("|") or stripped.count("|") >= 3)


def _is_empty(line: str) -> bool:
    return not line.strip(" \t\r") and "\t" not in line


def _is_spacer(line: str) -> bool:
    """A line of nothing but no-break or ideographic spaces: a spacer paragraph, never a cell."""
    return bool(line) and not line.strip() and "\t" not in line and line.strip(" ") != ""


def emptied_lines(printed: list[str], joined: list[str]) -> frozenset[int]:
    """The lines (0-based) that held text in ``printed`` and none once a converter's wrapped
    pieces were ``joined`` into their rows: empty now, but not the empty line a converter joins
    pages with."""
    if len(printed) != len(joined):
        return frozenset()
    return frozenset(k for k, (a, b) in enumerate(zip(printed, joined, strict=True)) if a.strip() and not b.strip())


def _blocks(lines: list[str], joined: frozenset[int] = frozenset()) -> Iterator[Block]:
    """``joined``: lines emptied by joining wrapped pieces into their rows (``emptied_lines``)."""
    i, n = 0, len(lines)
    plain_start = 0
    pipes = "|" in "".join(lines)  # no line is a pipe row (_is_pipe) without one
    last_pipe_end: int | None = None  # where the previous pipe table ended
    while i < n:
        line = lines[i]
        if _is_tab(line) and not _heading(line):
            yield from _plain(lines, plain_start, i)
            end = _segment_end(lines, i, _is_tab)
            yield from _tab_table(lines, i, end)
            i = plain_start = end
        elif pipes and _is_pipe(line):
            yield from _plain(lines, plain_start, i)
            end = _segment_end(
                lines,
                i,
                lambda s: _is_pipe(s) or bool(_PIPE_SEPARATOR.match(s)),
                _lone_figures,
                beside=_active_row_line,
                wrapped_most=_MAX_WRAPPED_PIPE,
            )
            # An empty line since the previous pipe table: where the converter joined two pages
            # between tables (the rows after it stand on the next page's grid).
            before = (
                tuple(k + 1 for k in range(last_pipe_end, i) if _is_empty(lines[k]) and k not in joined)
                if last_pipe_end is not None
                else ()
            )
            yield from _pipe_table(lines, i, end, joined, before)
            i = plain_start = last_pipe_end = end
        else:
            i += 1
    yield from _plain(lines, plain_start, n)


def _heading(line: str) -> bool:
    # A heading's first character but blanks is one of these (match_section_heading's own first
    # test, asked here before the copy with tabs as spaces and the call: asked of every tab row).
    first = line.lstrip()[:1]
    return bool(first) and first in HEADING_FIRST and match_section_heading(line.replace("\t", " ")) is not None


def _segment_end(
    lines: list[str],
    start: int,
    member: object,
    inside: Callable[[str], bool] | None = None,
    beside: Callable[[str], bool] | None = None,
    wrapped_most: int = 3,
) -> int:
    """The end of a run of table lines; blank lines inside the run belong to it, lines
    ``inside`` says may stand between its rows (a cell a converter set on a line of its own), and
    lines ``beside`` says may follow a row of it (blank lines between)."""
    test = member if callable(member) else None
    assert test is not None
    end = start + 1
    last = start
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if test(line) and not _heading(line):
            last = i
        elif (
            inside is not None and inside(line) and ((i + 1 < len(lines) and test(lines[i + 1])) or test(lines[i - 1]))
        ):
            last = i  # kept when a row of the table is next to it
        elif beside is not None and beside(line) and test(lines[_previous_filled(lines, i)]):
            last = i  # a row printed without pipes right under the table
        elif not (_is_empty(line) or _is_spacer(line)):
            wrapped = _wrapped_label_lines(lines, i, test, inside, wrapped_most)
            if not wrapped:
                break
            i += wrapped
            continue
        i += 1
    end = last + 1
    return end


def _previous_filled(lines: list[str], i: int) -> int:
    """The last line before ``i`` that holds something (``i - 1`` when none does)."""
    j = i - 1
    while j > 0 and _is_empty(lines[j]):
        j -= 1
    return j


_MAX_WRAPPED = 3  # a long row label wraps onto at most this many lines of its own
_MAX_WRAPPED_PIECE = 40
# Lines between two rows of a pipe table a converter pulled out of a Word table's narrow label
# column (the end of one row's label, a group heading's pieces, the start of the next row's
# label: ``量反复`` / ``申请`` / ``5.要求行`` / ``政机关`` / ``确认或``), a page break's empty
# lines among them.
_MAX_WRAPPED_PIPE = 8
_MAX_PIPE_PIECE = 12


def _wrapped_label_lines(
    lines: list[str],
    i: int,
    member: Callable[[str], bool],
    inside: Callable[[str], bool] | None = None,
    most: int = _MAX_WRAPPED,
) -> int:
    """How many lines from ``i`` are pieces of a row label a web page or Word wrapped onto lines
    of their own inside a tab table (``（二）部分公开（区分处理的，`` then ``只计这一情形…\t22\t0…``):
    short, not a heading, not a sentence, and followed by a row of the table. 0 if not that.
    ``most`` beyond ``_MAX_WRAPPED`` (pipe tables): up to that many pieces of a dozen
    characters at most, empty lines between them not counted."""
    count = 0
    pieces = 0
    while i + count < len(lines) and pieces <= most:
        text = lines[i + count].strip()
        if member(lines[i + count]) and not _heading(lines[i + count]):
            return count
        if inside is not None and inside(lines[i + count]):
            count += 1  # a cell set on a line of its own beside the wrapped label
            pieces += 1
            continue
        if most > _MAX_WRAPPED and count and (_is_empty(lines[i + count]) or _is_spacer(lines[i + count])):
            count += 1
            continue
        if pieces >= _MAX_WRAPPED and len(text) > _MAX_PIPE_PIECE:
            return 0
        if (
            not text
            or len(text) > _MAX_WRAPPED_PIECE
            or _heading(text)
            or text.endswith(("。", "；", ";"))
            or parse_cell(text).is_value
        ):
            return 0
        count += 1
        pieces += 1
    return 0


# ---------------------------------------------------------------------------------------------
# Tab-separated layouts
# ---------------------------------------------------------------------------------------------


def _tab_table(lines: list[str], start: int, end: int) -> Iterator[Block]:
    tab_lines = [line for line in lines[start:end] if "\t" in line]
    # (counted only where a line starts with a tab: one search of the lines joined)
    indented = 0
    if "\n\t" in "\n" + "\n".join(tab_lines):
        indented = sum(1 for line in tab_lines if line.startswith("\t") and line.count("\t") == 1)
    rows: list[list[Cell]] = []
    if indented * 5 >= len(tab_lines) * 4:
        # One cell per tab-indented line, rows split by blank lines.
        row: list[Cell] = []
        for number in range(start, end):
            line = lines[number]
            if _is_empty(line) or _is_spacer(line):
                if row:
                    rows.append(row)
                    row = []
                continue
            text = line[1:] if line.startswith("\t") else line
            row.append(Cell(_clean_cell(text.replace("\t", " ")), f"line {number + 1}"))
        if row:
            rows.append(row)
    else:
        for number in range(start, end):
            line = lines[number]
            if "\t" not in line and (_is_empty(line) or _is_spacer(line)):  # (neither holds a tab)
                continue
            cells = line.rstrip("\r\n").split("\t")
            if _MARKS.search(line) is None:
                # No mark for _clean_cell to take out: it only strips the cell's blanks, and only
                # where the line holds one of them (a cell holds no tab and no newline).
                if " " in line or "\u3000" in line or "\xa0" in line or "\r" in line:
                    cells = [text.strip(_CELL_BLANKS) for text in cells]
                head = f"line {number + 1} cell "
                rows.append(
                    [
                        _tuple_new(Cell, (text, head + str(k)) + CELL_DEFAULTS)  # noqa: RUF005
                        for k, text in enumerate(cells, start=1)
                    ]
                )
            else:
                rows.append(
                    [Cell(_clean_cell(text), f"line {number + 1} cell {k + 1}") for k, text in enumerate(cells)]
                )
    filled = [cell for cell in rows[0] if cell.text] if len(rows) == 1 else []  # asked of one row only
    if len(rows) == 1 and len(filled) == 1 and "报告" in filled[0].text and not label_weight(filled[0].text):
        # A PDF converter's "table" of one line of text (the title, set in its own frame): text.
        yield TextBlock(filled[0].text, filled[0].where.split(" cell")[0])
    elif rows:
        yield TableBlock(rows, f"lines {start + 1}-{end}")


# ---------------------------------------------------------------------------------------------
# Pipe tables
# ---------------------------------------------------------------------------------------------


def _pipe_cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    return [part.replace("\\|", "|") for part in re.split(r"(?<!\\)\|", stripped)]


def _pipe_table(
    lines: list[str], start: int, end: int, joined: frozenset[int] = frozenset(), before: tuple[int, ...] = ()
) -> Iterator[Block]:
    """``before``: the empty lines (from 1) between the previous pipe table and this one."""
    rows: list[list[Cell]] = []
    lone: set[int] = set()  # rows that are figures on a line of their own
    width = 0  # cells of the table's separator row (| --- | --- |), once printed
    short: list[list[Cell]] = []  # pipe rows with fewer cells than their separator row
    grid_rows = [number for number in range(start, end) if _grid_row(lines[number])]
    phantom = phantom_columns([_pipe_cells(lines[number]) for number in grid_rows])
    spanned = dict(zip(grid_rows, span_blanks([_pipe_cells(lines[number]) for number in grid_rows]), strict=True))
    repeats = repeated_spans(lines, grid_rows, [_pipe_cells(lines[number]) for number in grid_rows])
    for number in range(start, end):
        line = lines[number]
        if _PIPE_SEPARATOR.match(line):
            width = len(_pipe_cells(line))
            continue
        if _is_empty(line) or _is_spacer(line):
            continue
        if not _is_pipe(line) and _lone_figures(line):
            lone.add(len(rows))
            rows.append([Cell(text, f"line {number + 1} cell {k + 1}") for k, text in enumerate(line.split())])
            continue
        between = _row_between_pipes(line)
        cells = between or repeats.get(number) or _pipe_cells(line)
        empty: frozenset[int] = frozenset()
        if between is None:
            empty = phantom.get(len(cells), frozenset()) | spanned.get(number, frozenset())
        rows.append(
            _label_run_into_figure(
                [
                    Cell(_clean_cell(text), f"line {number + 1} cell {k + 1}", lead=_lead(text))
                    for k, text in enumerate(cells)
                    if k not in empty
                ]
            )
        )
        if between is None and len(cells) < width and _lost_a_cell(lines, number, start, end, width):
            short.append(rows[-1])
    left: list[list[Cell]] = []
    rows, lone = labels_after_figures(rows, lone)
    if lone:
        rows, left = rejoin_displaced(rows, lone)
    if short:
        # A pipe row a cell short of its grid lost a cell, and where is not printed: its blank
        # cells no longer stand in their columns, so they are not kept as placed blanks (the
        # readings then place its figures in every way, for the arithmetic or a doubt to settle).
        kept = {id(row) for row in short}
        rows = [([cell for cell in row if cell.text] or row) if id(row) in kept else row for row in rows]
    filled = [cell for row in rows for cell in row if cell.text]
    if rows and _laid_out_text(rows):
        for row in rows:
            yield TextBlock("".join(cell.text for cell in row), row[0].where.split(" cell")[0])
    elif len(rows) == 1 and len(filled) == 1 and "报告" in filled[0].text and not label_weight(filled[0].text):
        # A PDF converter's "table" of one line of text (the title, set in its own frame): text.
        yield TextBlock(filled[0].text, filled[0].where.split(" cell")[0])
    elif rows:
        # Where the converter joined two pages (an empty line it printed; not a line emptied by
        # joining a wrapped figure's pieces into its row).
        breaks = tuple(number + 1 for number in range(start, end) if _is_empty(lines[number]) and number not in joined)
        yield TableBlock(rows, f"lines {start + 1}-{end}", before + breaks, piped=True)
    for row in left:  # figures no row lacks: a page number, a footnote mark
        yield TextBlock(" ".join(cell.text for cell in row), row[0].where.split(" cell")[0])


def _grid_row(line: str) -> bool:
    """A pipe row of the table's grid: not its separator, nor a row printed without pipes."""
    return _is_pipe(line) and not _PIPE_SEPARATOR.match(line) and _row_between_pipes(line) is None


def _lead(text: str) -> int:
    """Blanks before a pipe cell's text beyond the one space of padding after the pipe."""
    if not text[:2].isspace():
        return 0
    return len(text) - len(text.lstrip()) - 1 if text.strip() else 0  # no-break spaces count


def _lost_a_cell(lines: list[str], number: int, start: int, end: int, width: int) -> bool:
    """Whether the pipe row on line ``number``, narrower than its separator row, lost a cell: the
    pipe rows next to it (the header above the separator counts) are as wide as the separator. A
    converter that runs several tables under one separator prints each narrower table's rows
    alike, and those are no row short of a cell."""
    around = []
    for step in (-1, 1):
        at = number + step
        while start <= at < end and _PIPE_SEPARATOR.match(lines[at]):
            at += step
        if start <= at < end and _is_pipe(lines[at]):
            around.append(len(_pipe_cells(lines[at])))
    return bool(around) and all(n == width for n in around)


def _row_between_pipes(line: str) -> list[str] | None:
    """A row of a table printed without pipes between the pipe rows of its table (``行政许可 84``
    under the pipe row of 信息内容 / 本年处理决定数量: the converter lost the row's grid): its
    label and its figures as cells. None for anything else (a wrapped piece of a label)."""
    if _is_pipe(line):
        return None
    parts = split_line(line.strip())
    if len(parts) < 2 or not is_table_label(parts[0]):
        return None
    return parts if all(parse_cell(part).kind in (CellKind.NUMBER, CellKind.DASH) for part in parts[1:]) else None


def _active_row_line(line: str) -> bool:
    """A row of table 二 printed without pipes (``行政事业性收费 5385.69``): kept in the pipe
    table it stands beside (table 二's rows are read by their labels, wherever they stand)."""
    parts = _row_between_pipes(line)
    if parts is None:
        # A table 三 row's whole label under the table (its figures on the pipe row above it).
        return "|" not in line and is_numbered_request_row(line.strip())
    return is_active_row(parts[0])


# A row label's cell ending in a figure after a space (``行政查 3``): a converter ran the label
# cell and the first value cell together.
_LABEL_THEN_FIGURE = re.compile(r"^(.*[\u3400-\u9fff）)”])[ \t\u3000]+([0-9]{1,9}(?:[.．][0-9]+)?)$", re.DOTALL)


def _label_run_into_figure(row: list[Cell]) -> list[Cell]:
    """The row with a label cell that ends in the row's first figure (``| 行政查 3 | 1 0 | 1 |``,
    as markitdown merges a Word table's label column with the next) cut into the label and the
    figure. Only the row's first filled cell, and only when figures follow it."""
    first = next((k for k, cell in enumerate(row) if cell.text), None)
    if first is None:
        return row
    for k in range(first, len(row) - 1):  # the label's cell: the row's first, or a sub-label
        moved = _figure_into_blank_after(row, k)
        if moved is not None:
            return moved
    match = _LABEL_THEN_FIGURE.match(row[first].text)
    if match is None or parse_cell(match.group(1)).is_value:
        return row
    rest = [cell.text for cell in row[first + 1 :] if cell.text]
    if not rest:
        # The row's only figure (``| 行政许可 806 | | |``): only after a whole label of the tables.
        if not is_table_label(match.group(1)):
            return row
    elif not all(parse_cell(text).is_value or several_numbers(text) for text in rest):
        return row
    cell = row[first]
    label = Cell(match.group(1).rstrip(), cell.where, cell.rowspan, cell.colspan, cell.confidence)
    figure = Cell(match.group(2), f"{cell.where} number 1")
    return [*row[:first], label, figure, *row[first + 1 :]]


# A row label's cell ending in a figure with no space (``补正后申请内容仍不明确26``).
_LABEL_INTO_FIGURE = re.compile(r"^(.*[\u3400-\u9fff）)”])([0-9]{1,9})$", re.DOTALL)


def _figure_into_blank_after(row: list[Cell], first: int) -> list[Cell] | None:
    """The row with the figure its label cell ends in moved into the empty cell right after it
    (``| …仍不明确26 | | 0 | 17 |``: a converter set the first figure inside the label's cell and
    left that figure's own cell empty); None if the row is not that. Only when every cell after
    the empty one holds a figure: the empty cell is then the only place the figure can be."""
    if first + 1 >= len(row) or row[first + 1].text:
        return None
    match = _LABEL_INTO_FIGURE.match(row[first].text)
    if match is None or len(_CJK.findall(match.group(1))) < 2:
        return None  # a label is words; a figure after a code (A26) is not a cell
    rest = [cell.text for cell in row[first + 2 :]]
    if len(rest) < 2 or not all(parse_cell(text).kind is CellKind.NUMBER for text in rest):
        return None
    cell, blank = row[first], row[first + 1]
    label = Cell(match.group(1), cell.where, cell.rowspan, cell.colspan, cell.confidence)
    figure = Cell(match.group(2), f"{cell.where} number 1", blank.rowspan, blank.colspan)
    return [*row[:first], label, figure, *row[first + 2 :]]


def _laid_out_text(rows: list[list[Cell]]) -> bool:
    """A line of text a PDF-to-Markdown converter set as a pipe table of its own (the title
    beside a blank column, a sentence cut at the page's column edges): at most two rows, no
    figure, no label of the statutory tables, and words enough to be a line of prose."""
    if len(rows) > 2:
        return False
    filled = [cell.text for row in rows for cell in row if cell.text]
    if not filled or max(len(text) for text in filled) < 8:
        return False
    return not any(parse_cell(text).is_value or label_weight(text) for text in filled)


_CELL_BLANKS = " \t\r\n\u3000\xa0"
_MARKS = re.compile("[<*_~]")  # what _clean_cell takes out starts with one of these
_tuple_new = tuple.__new__
# Cell(text, where, x=x) as _tuple_new(Cell, (text, where, *_BEFORE_X, x, *_AFTER_X))
_BEFORE_X = CELL_DEFAULTS[: Cell._fields.index("x") - 2]
_AFTER_X = CELL_DEFAULTS[Cell._fields.index("x") - 1 :]


def _clean_cell(text: str) -> str:
    if "<" in text or "*" in text or "_" in text or "~" in text:
        # Emphasis, and the strike-through pymupdf4llm marks where a table's rule crosses a cell.
        text = _BR.sub("\n", text).replace("**", "").replace("__", "").replace("~~", "")
    return text.strip(_CELL_BLANKS)


# ---------------------------------------------------------------------------------------------
# Plain lines: prose, headings, and tables with a cell (or a row) per line
# ---------------------------------------------------------------------------------------------


# Digits and thousands separators run together (a crawler's text of a row printing 5,018 51 …
# 5,400 ran into 5,0185148181471185,400): a run of digits holding a separator.
_THOUSANDS_RUN = re.compile(r"(?<![0-9])(?<![0-9][,，])[-−－]?[0-9]+(?:[,，][0-9]{3})+[0-9,，]*")
_COMMA_BETWEEN_CELLS = re.compile(r"[0-9][,，](?![0-9])|(?<![0-9])[,，][0-9]")
_PROPER_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[,，][0-9]{3})+")


def _cut_at_separators(match: re.Match[str], ran_together: bool = False) -> str:
    """A run of figures printed with thousands separators, cut where the separators show that a
    figure ends (three digits after a figure's last separator): ``5,0185148181471185,400`` →
    ``5,018 5148181471185‚400``. Only a run's first figure is kept as printed (it starts where the
    run does); in the pieces after it, where a figure with separators starts among the digits
    before it cannot be seen, so they are runs of digits for the row's arithmetic to cut, their
    separators kept as ``RUN_COMMA`` (a cell of its own, the run reads as its digits; table 二,
    which has no arithmetic, cuts by them: ``active_cuts.separator_cuts``). After a minus sign the first
    figure is no more certain (``-48,458``: -4 and 8,458?). ``ran_together``: the run is known to
    hold several cells (a crawler's row with dash cells between its runs: ``782647740—711,376``),
    so its first figure is kept whole only where no cell can end before its separator (``1,021``,
    ``10,890``; not ``711,376``, which may be 71 and 1,376)."""
    text = match.group()
    sign = text[0] if text[0] in "-−－" else ""
    pieces = re.split("[,，]", text[len(sign) :])
    out: list[str] = []
    current = pieces[0]  # what is not cut yet, separators kept
    for i, piece in enumerate(pieces[1:], start=1):
        current += "," + piece[:3]
        rest = piece[3:]
        if rest or i == len(pieces) - 1:
            whole = (
                not out
                and not sign
                and _PROPER_THOUSANDS.fullmatch(current)
                and (not ran_together or not pieces[0][1:].strip("0"))
            )
            out.append(current if whole else current.replace(",", RUN_COMMA))
            current = rest
    if current:
        out.append(current)
    return sign + " ".join(out)


def _separated(text: str, ran_together: bool = False) -> str:
    """``text`` with its runs of figures printed with thousands separators cut (``_cut_at_separators``;
    ``ran_together``: as there)."""
    if ("," not in text and "，" not in text) or _COMMA_BETWEEN_CELLS.search(text):
        return text  # "行政强制，76，-3，8844": commas between cells, not inside figures
    return _THOUSANDS_RUN.sub(lambda match: _cut_at_separators(match, ran_together), text)


def split_line(line: str) -> list[str]:
    """Cut a line of a table without separators into label and number cells.

    ``行政强制 76 -3 8844`` → [行政强制, 76, -3, 8844]; ``规章000`` → [规章, 000] (a digit run the
    recogniser may split); numbers that are part of words (2020年, 第3项, 1.属于…) stay in the label.
    """
    dashed = _dashed_figures(line)
    if dashed is not None:
        # "…申请数量6820842129228353/10127", "规章———": a crawler ran the row's cells together and
        # the dash cells (/ — for "none") are what is left between the figures: each dash is a
        # cell of its own, each digit run one or more cells (cut later by the row's arithmetic).
        head = line[:dashed].strip()
        runs = _SIGNED_DASH_OR_RUN if _DASHED_FIGURES.search(line) else _DASH_OR_RUN  # not a hyphen run
        return [*(split_line(head) if head else []), *runs.findall(_separated(line[dashed:], ran_together=True))]
    line = _separated(line)
    cells: list[str] = []
    label_from = 0
    for match in _NUMBER_IN_LINE.finditer(line):
        a, b = match.span()
        token = match.group()
        before = line[a - 1] if a else ""
        after = line[b] if b < len(line) else ""
        if (before and _IDENTIFIER_BEFORE.match(before)) or before == "第" or line[:a].strip() in _CAPTIONS:
            continue
        if before in _OPENING and after in _CLOSING and _CJK.match(line[b + 1 : b + 2]) and "   " not in line:
            # "（3）要求提供公开出版物": a label's numbering, not a cell. A laid-out line (-layout's runs
            # of spaces) is left as it was: its columns place the figures, and keeping the number
            # apart there cost rows of narrow wrapped cells their figures.
            continue
        if after in ".．、" and _CJK.match(line[b + 1 : b + 2].lstrip() or line[b + 2 : b + 3]):
            # "…0000004.保护第三方" : the last digit numbers the next label.
            digits = token.lstrip("-−－–—")
            if len(digits) > 1 and digits.isdigit():
                b -= 1
                token = token[:-1]
            else:
                continue
        elif after and after in _COUNT_UNITS and _cell_edge(line, a - 1) and _cell_edge(line, b + 1):
            # "规章 2件 1件 15件": a count printed with its unit, a cell of its own.
            token += after
            b += 1
        elif after and after in _WORD_AFTER:
            continue
        cells.extend(_words_and_dashes(line[label_from:a]))
        cells.append(token.strip())
        label_from = b
    cells.extend(_words_and_dashes(line[label_from:]))
    return cells


def _words_and_dashes(text: str) -> list[str]:
    """The cells of a stretch of a line between numbers: a label, and the dash cells (/ — for
    "nothing") standing apart from it by spaces on either side (``1.属于国家秘密  /  /``)."""
    text = text.strip(_SEPARATORS)
    if not text:
        return []
    parts = text.split()
    head = 0
    while head < len(parts) and parse_cell(parts[head]).kind is CellKind.DASH:
        head += 1
    tail = len(parts)
    while tail > head and parse_cell(parts[tail - 1]).kind is CellKind.DASH:
        tail -= 1
    if head == 0 and tail == len(parts):
        return [text]
    middle = text.strip()
    for part in parts[:head]:
        middle = middle[len(part) :].lstrip()
    for part in reversed(parts[tail:]):
        middle = middle[: len(middle) - len(part)].rstrip()
    return [*parts[:head], *([middle.strip(_SEPARATORS)] if middle.strip(_SEPARATORS) else []), *parts[tail:]]


# The end of a row whose figures and dash cells ran together: digits and dashes (/ — for none;
# not "-", a minus) only, right after the label's last word (or after a space, with two dashes).
# A hyphen there only as a minus sign right before a figure, after a dash cell (行政处罚—-4—).
_DASHED_FIGURES = re.compile(
    r"(?<=[\u3400-\u9fff）)”\s])(?:[0-9/／—,，]|(?<=[/／—])-(?=[0-9]))*[/／—](?:[0-9/／—,，]|(?<=[/／—])-(?=[0-9]))*$"
)
_DASH_OR_RUN = re.compile(r"[0-9]+(?:[,，\u201a][0-9]{3})*|[/／—-]")
_SIGNED_DASH_OR_RUN = re.compile(r"(?<=[/／—])-[0-9]+|[0-9]+(?:[,，\u201a][0-9]{3})*|[/／—-]")
# The same with hyphens for none (a crawler's ``102----12``, ``-1----1``, ``-------``): a hyphen
# is a minus sign too (行政强制76-3), so only a run with two side by side or one at an end.
_HYPHENED_FIGURES = re.compile(r"(?<=[\u3400-\u9fff）)”\s])[0-9,，-]*-[0-9,，-]*$")
_DATE = re.compile(r"(?:19|20)\d{2}[/／]\d{1,2}(?:[/／]\d{1,2})?")


def _dashed_figures(line: str) -> int | None:
    """Where the run of figures and dash cells ending ``line`` starts, if it has one."""
    match = _DASHED_FIGURES.search(line)
    if match is None:
        return _hyphened_figures(line)
    if _DATE.fullmatch(match.group()):
        return None
    run = match.group()
    dashes = sum(run.count(d) for d in "/／—")
    if line[match.start() - 1].isspace() and dashes < 2:
        return None  # "数量 3/4": one slash after a space may be a fraction or a page count
    if (
        "/" not in run
        and "／" not in run
        and dashes < 2
        and not run.endswith("—")
        and not ends_with_request_row(line[: match.start()])  # table 三 holds no negative figure
        and not ends_with_appeal_group(line[: match.start()])  # nor table 四 (its groups as rows)
    ):
        return None  # "76—3": one dash before a figure is Word's minus sign (本年增/减 —3)
    return match.start()


def _hyphened_figures(line: str) -> int | None:
    """Where a run of figures and hyphens printed for none ends ``line`` (``（七）总计102----12``):
    two hyphens side by side or one at either end of the run (not a minus sign between two
    figures, a date or a phone number), after a label that is not table 二's (where 本年增/减 may
    be negative)."""
    if "-" not in line:
        return None
    match = _HYPHENED_FIGURES.search(line)
    if match is None:
        return None
    run = match.group()
    apart = line[match.start() - 1].isspace()  # after a space: a laid-out cell of its own (-5)
    if "--" not in run and (apart or not (run.startswith("-") or run.endswith("-"))):
        head = line[: match.start()]
        if apart or not (ends_with_request_row(head) or ends_with_appeal_group(head) or head.endswith(_TOTAL)):
            return None  # (tables 三 and 四 print no negative figure, nor a figure after a 总计 header)
    words = [word for word in line[: match.start()].split() if _CJK.search(word)]
    if not words or (is_active_row(words[-1]) and not _dash_cells_only(run)):
        return None
    return match.start()


_TOTAL = "总计"  # a header's last cell (table 四 set flat): the counts after it are never negative


def _dash_cells_only(run: str) -> bool:
    """Whether every hyphen of a table 二 row's run is a cell printed for none, never a minus
    sign of 本年增/减: the run ends in one (a minus sign stands before its figure), and none
    stands between two figures (``76-3``: 76 and −3), so ``-47-`` is three cells: –, 47, –."""
    return run.endswith("-") and re.search(r"[0-9]-+[0-9]", run) is None


_OPENING, _CLOSING = frozenset("（("), frozenset("）)")  # around a label's number: （3）
# An annex's caption (附表3, 附件 2) opening its line: its number names the annex, no cell.
_CAPTIONS = frozenset({"附表", "附件"})
_SEPARATORS = " \t\u3000\xa0,，;；|｜"  # between cells of a line, never part of a label
_COUNT_UNITS = frozenset("件个项条次")  # units a count may carry in its cell (numbers.parse_cell)
_DASH_ENDS = frozenset("/—－-–―")  # a line ending in a dash cell


def _cell_edge(line: str, at: int) -> bool:
    """Whether position ``at`` of ``line`` is outside it or a separator between cells."""
    return at < 0 or at >= len(line) or line[at] in _SEPARATORS


@lru_cache(maxsize=32768)
def _kind(line: str) -> str:
    """empty, spacer, page, heading, value, mixed (words then numbers), short, prose."""
    if _is_empty(line):
        return "empty"
    if _is_spacer(line):
        return "spacer"
    stripped = line.strip()
    if _PAGE_NUMBER.match(stripped):
        return "page"
    return _kind_of_text(line, stripped)


@lru_cache(maxsize=32768)
def _kind_of_text(line: str, stripped: str) -> str:
    """``_kind`` of a line that is not empty, a spacer or a page number."""
    if stripped.startswith("#") or _heading(stripped):
        return "heading"
    if parse_cell(stripped).is_value:
        return "value"
    if stripped.endswith(("。", "；", ";")) or len(stripped) > 6 * _MAX_SHORT:
        return "prose"
    counted = stripped[-1] in _COUNT_UNITS and stripped[-2:-1].isdigit()  # …15件
    # …  /  /, or dash cells run into the label and figures (规章———, …数量8//14//22)
    dashed = (stripped[-1] in _DASH_ENDS and stripped[-2:-1].isspace()) or _dashed_figures(stripped) is not None
    if stripped[-1].isdigit() or stripped.endswith("元") or counted or dashed:
        # Words then numbers (a row printed on one line): only the words must be short.
        cells = split_line(stripped)
        if len(cells) > 1 and parse_cell(cells[-1]).kind in (CellKind.NUMBER, CellKind.DASH):
            words = sum(len(c) for c in cells if not parse_cell(c).is_value)
            figures = len(cells) - sum(1 for c in cells if not parse_cell(c).is_value)
            # A row of table 三 (7 figures) may carry its group labels too, some repeated where a
            # converter unmerged cells: longer words than one cell's, never a sentence's.
            return "mixed" if words <= (2 * _MAX_SHORT if figures >= 5 else _MAX_SHORT) else "prose"
    if len(stripped) <= _MAX_SHORT or label_weight(stripped) >= 2 or _header_pieces(stripped):
        return "short"  # a cell, or a row of header cells split by spaces
    return "prose"


def _header_pieces(line: str) -> bool:
    """A line of header cells wrapped a few characters a line and set side by side, as
    ``pdftotext -layout`` prints table 四's header (``维持   纠正   结果   审结``): several
    pieces of at most four characters, none a figure."""
    parts = line.split()
    return len(parts) >= 3 and all(len(part) <= 4 and not any(ch.isdigit() for ch in part) for part in parts)


def _drop_page_numbers(lines: list[str]) -> list[str]:
    """Blank a page's number: a lone small figure as the last line before a page break (a line
    starting with a form feed, as ``pdftotext`` ends pages) or at the end of the file, in a
    document whose pages are numbered; read as a cell, it would be one figure too many for the
    table row above it."""
    breaks = [i for i, line in enumerate(lines) if line[:1] == "\f"]
    if not breaks:
        return lines
    out = list(lines)
    breaks.append(len(out))
    found: list[tuple[int, int]] = []  # (line, page the figure ends: 1, 2 …)
    totals: set[int] = set()  # figures right after a 总计 label: that cell, whatever they count
    begins = 0
    for page, at in enumerate(breaks, start=1):
        i = at - 1
        while i >= 0 and not out[i].strip():
            i -= 1
        if i >= 0 and out[i].strip().isdigit() and len(out[i].strip()) <= 3:
            found.append((i, page))
            j = i - 1
            while j >= 0 and not out[j].strip():
                j -= 1
            figure = out[i].strip()
            if (
                j >= 0
                and out[j].strip().lstrip("\f").endswith(("总计", "合计"))
                and any(out[k].strip() == figure for k in range(begins, j))
            ):
                # a figure under a 总计 header ending the page is that cell (table 四's last one)
                # when the page prints the same figure alone elsewhere: its number, come out of
                # the flow inside the table
                totals.add(i)
        begins = at
    # Page numbers count the pages: one offset from the page's place for all of them (a first
    # page unnumbered, a cover). Figures ending pages that do not count them are table cells (a
    # table's last column printed as a block at a page's foot), not page numbers.
    # And they stand on most pages: two figures that happen to run on (13 and 14 ending pages 4
    # and 5 of a table's column block) are not a numbering.
    # And a numbering runs to the last page: figures 2 and 3 ending pages 2 and 3 of four whose
    # last page ends in text are a table's cells that happen to match (its last column's foot).
    offsets = {int(out[i].strip()) - page for i, page in found}
    numbered = found[-1][1] == len(breaks) if found else False
    if numbered and len(offsets) == 1 and len(found) * 2 >= len(breaks) and (len(found) > 1 or offsets == {0}):
        for i, _ in found:
            if i not in totals:
                out[i] = ""
    return out


_SLASHED = re.compile(r"^\s*\d{1,4}\s+/\s+\d{1,4}\s*$")  # 13 / 389: page 13 of 389, or three cells


def _at_page_edge(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is the first or the last of its page (where page numbers stand)."""
    if lines[i][:1] == "\f":
        return True
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j >= len(lines) or lines[j][:1] == "\f"


def _slashes_number_pages(lines: list[str]) -> bool:
    """Whether the "k / n" lines at page edges number the pages: they stand on at least half of
    them (a browser's page footer prints one on every page). One such line on one page of three is
    a table's cells that happen to meet a page break (法律服务机构 1, 其他 /, 总计 3)."""
    pages = 1 + sum(1 for line in lines if line[:1] == "\f")
    found = sum(1 for i, line in enumerate(lines) if _SLASHED.match(line.lstrip("\f")) and _at_page_edge(lines, i))
    return found * 2 >= pages


def _plain(lines: list[str], start: int, end: int) -> Iterator[Block]:
    if start >= end:
        return
    kinds = list(map(_kind, lines[start:end]))
    # In text with page breaks (pdftotext), "13 / 389" inside a page is three cells of a table
    # that prints "/" for none, not a page number (those stand at a page's edge).
    slashed = []
    if "page" in kinds:
        slashed = [n for n, k in enumerate(kinds) if k == "page" and _SLASHED.match(lines[start + n])]
    if slashed and any(line[:1] == "\f" for line in lines):
        numbered = _slashes_number_pages(lines)
        for n in slashed:
            if not (numbered and _at_page_edge(lines, start + n)):
                kinds[n] = _kind_of_text(lines[start + n], lines[start + n].strip())
    i = 0
    while i < len(kinds):
        if kinds[i] in _CELL_KINDS:
            j = i
            while j < len(kinds) and kinds[j] in _CELL_KINDS:
                j += 1
            run = kinds[i:j]
            if _BLANK_KINDS.issuperset(run):
                pass  # blank lines only (between paragraphs): no test below holds, and _texts yields nothing
            elif (
                run.count("value") + run.count("mixed") >= 3  # lines of figures
                # the labels weighed only where the figures do not decide (label_weight is pure)
                or sum(label_weight(lines[start + n]) for n in range(i, j) if kinds[n] == "short") >= 3
                or _figures_alone(lines[start + i : start + j]) >= _ROW_OF_FIGURES
                or _appeal_header_over_figures(lines[start + i : start + j])
                or _line_of_figures(lines[start + i : start + j])
                or _label_between_tables(lines, start + i, start + j)
                or any(kinds[n] == "mixed" and _statutory_row(lines[start + n]) for n in range(i, j))
            ):
                yield from _cell_lines(lines, start + i, start + j, kinds[i:j])
            else:
                yield from _texts(lines, start + i, start + j)
            i = j
        else:
            j = i + 1
            while j < len(kinds) and kinds[j] not in _CELL_KINDS:
                j += 1
            yield from _texts(lines, start + i, start + j)  # prose and headings: a text block each
            i = j


_CELL_KINDS = frozenset({"value", "mixed", "short", "empty", "spacer", "page"})  # a run of them may be a table
_BLANK_KINDS = frozenset({"empty", "spacer"})


_NUMERAL = "一二三四五六七八九十"
_ITEM_START = re.compile(
    rf"(?:^|\s)(?:\d{{1,2}}\s*[.．、]|[{_NUMERAL}]{{1,2}}、|[（(][{_NUMERAL}]{{1,2}}[)）])\s*[\u3400-\u9fff]"
)


def _label_between_tables(lines: list[str], start: int, end: int) -> bool:
    """Short lines between two pipe tables, one of them holding the start of a numbered row label
    (2.没有现, （二）部分公开): a label a
    converter pulled out of the table, wrapped (``相关政`` / ``府信息`` / ``2.没有现`` / ``成信息``
    between a row and the next), kept as cells of the table rather than as text."""
    if start == 0 or end >= len(lines) or not _is_pipe(lines[end]):
        return False
    if not (_is_pipe(lines[start - 1]) or _PIPE_SEPARATOR.match(lines[start - 1])):
        return False
    texts = [line.strip() for line in lines[start:end] if line.strip()]
    short = all(len(t) <= _MAX_WRAPPED_PIECE for t in texts)
    return bool(texts) and short and any(_ITEM_START.search(t) for t in texts)


_ROW_OF_FIGURES = 5  # figures on lines of their own that make a row of a table, not a stray number


def _figures_alone(lines: list[str]) -> int:
    """How many figures stand on lines of nothing but figures (``0 1 1`` then ``0 2 7 1 0 0 8 1
    0 0 1 2``: a PDF-to-Markdown converter set a table's row of figures below the table, as
    text); 0 when any line holds words."""
    count = 0
    for line in lines:
        parts = line.split()
        if any(parse_cell(part).kind is not CellKind.NUMBER for part in parts):
            return 0
        count += len(parts)
    return count


def _appeal_header_over_figures(lines: list[str]) -> bool:
    """Table 四 as a converter set a region it took for a picture: its group headers in pieces
    (``行政 行政`` / ``复议 诉讼``), then its figures on lines of nothing but figures. The pieces
    weigh nothing as labels, so the run is kept as cells only when a piece of the header and a
    row's worth of lone figures are both there."""
    if not any(names_appeal_header(line) for line in lines):
        return False
    return _figures_alone([line for line in lines if line.strip() and _only_figures(line)]) >= _ROW_OF_FIGURES


def _only_figures(line: str) -> bool:
    return all(parse_cell(part).kind is CellKind.NUMBER for part in line.split())


def _line_of_figures(lines: list[str]) -> bool:
    """A line of nothing but figures, a row's worth or more, among header pieces (``pdftotext``
    printing table 四's fifteen figures on one line under its wrapped header ``维持 纠正 …``)."""
    return any(len(line.split()) >= _ROW_OF_FIGURES and _only_figures(line) for line in lines)


def _statutory_row(line: str) -> bool:
    """A row of a statutory table standing alone (a converter set the table's last row after it
    as text: ``四、结转下年度继续办理 0 2 5 7``): a table label, then two figures or more, or a
    row of table 二 and its one figure."""
    cells = split_line(line.strip())
    figures = sum(1 for c in cells if parse_cell(c).is_value)
    if len(cells) == 2 and figures == 1 and is_active_row(cells[0]):
        return True  # a row of table 二 of one column (行政事业性收费 1142.45): one figure is the row
    return figures >= 2 and is_table_label(cells[0])


def _texts(lines: list[str], start: int, end: int) -> Iterator[Block]:
    for number in range(start, end):
        text = _clean_cell(lines[number].lstrip("#").strip())
        if text and not _PAGE_NUMBER.match(text):
            yield TextBlock(text, f"line {number + 1}")


def _cell_lines(lines: list[str], start: int, end: int, kinds: list[str]) -> Iterator[Block]:
    """A table printed one cell per line (or one run-together row per line)."""
    filled = sum(1 for k in kinds if k not in ("empty", "spacer", "page"))
    empties = kinds.count("empty")
    # Blank-separated (a blank line after every filled cell, a blank cell a lone blank line) or
    # tight (a line per cell, a blank cell an empty line)? In the first, a filled cell sits on the
    # line right after another only where a label wraps; in the second, header cells, a row's
    # label and its first number follow each other all the time.
    filled_kinds = ("value", "mixed", "short")
    adjacent = sum(1 for a, b in pairwise(kinds) if a in filled_kinds and b in filled_kinds)
    blank_separated = empties * 10 >= filled * 6 and adjacent * 10 <= filled
    cells: list[Cell] = []
    i = 0
    while i < len(kinds):
        number = start + i
        kind = kinds[i]
        if kind == "page":
            i += 1
        elif kind == "spacer":
            i += 1
            if blank_separated and i < len(kinds) and kinds[i] == "empty":
                i += 1  # the spacer paragraph's own separator
        elif kind == "empty":
            # A blank cell (in either layout; where rows sit one per line, a blank line between
            # rows only pads the row before it, which the recogniser drops as padding).
            cells.append(_tuple_new(Cell, ("", f"line {number + 1}") + CELL_DEFAULTS))  # noqa: RUF005
            i += 1
        else:
            text = lines[number]
            j = i + 1
            # A label broken over lines (本年新 / 制作数量) is one cell when blank lines separate cells.
            while blank_separated and kind == "short" and j < len(kinds) and kinds[j] == "short":
                text += "\n" + lines[start + j]
                j += 1
            if kind == "mixed":
                parts = split_line(text.strip())
                places = _figure_places(text, parts)
                for k, part in enumerate(parts):
                    where = f"line {number + 1} part {k + 1}"
                    cells.append(_tuple_new(Cell, (part, where, *_BEFORE_X, places[k], *_AFTER_X)))
            else:
                cleaned = _clean_cell(text)
                # A line of words (header cells) keeps its place; a figure alone on its line
                # keeps none (``_figure_places``: only a line's spacing shows it laid out).
                place = _text_place(text, cleaned) if kind == "short" else None
                cells.append(_tuple_new(Cell, (cleaned, f"line {number + 1}", *_BEFORE_X, place, *_AFTER_X)))
            i = j
            if blank_separated and i < len(kinds) and kinds[i] == "empty":
                i += 1  # the separator after a filled cell
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    previous_value = False
    for cell in cells:
        is_value = parse_cell(cell.text).is_value
        if row and not is_value and previous_value:
            rows.append(row)
            row = []
        row.append(cell)
        previous_value = is_value
    if row:
        rows.append(row)
    if rows:
        yield TableBlock(rows, f"lines {start + 1}-{end}")


_LAID_OUT_GAP = 4  # spaces between two figures of a line that only a blank cell's room explains
_SET_IN = 16  # spaces before a line of figures alone that only blank cells' room explains


def _figure_places(line: str, parts: list[str]) -> list[float | None]:
    """Where each figure of a laid-out line stands (its centre, in characters), for lines whose
    figures stand apart as ``pdftotext -layout`` sets a table's cells (a wide gap where a blank
    cell was: ``180   1             3   184``); None elsewhere (a crawler's ``180 1 3 184`` keeps
    no room for the blank cells it lost)."""
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    places: list[float | None] = [None] * len(parts)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for k, part in enumerate(parts):
        at = stripped.find(part, cursor) if part else -1
        if at < 0:
            return [None] * len(parts)
        cursor = at + len(part)
        if parse_cell(part).kind is CellKind.NUMBER:
            places[k] = lead + at + (len(part) - 1) / 2
            spans.append((at, cursor))
    if len(spans) == 1 and spans[0][0] > 0 and _lone_figure_apart(stripped, spans[0][0]):
        return places  # ``行政事业性收费          -1``: one figure set apart under its column
    if len(spans) == len(parts) >= 2 and lead >= _SET_IN:
        return places  # a line of figures alone set far in (``      1   1   2``): the room of its blank cells
    if len(spans) < 2 or not any(b[0] - a[1] >= _LAID_OUT_GAP for a, b in pairwise(spans)):
        return [None] * len(parts)
    return places


def _lone_figure_apart(stripped: str, at: int) -> bool:
    """Whether the one figure of a line starting at ``at`` stands a laid-out gap right of the
    words before it (``pdftotext -layout``'s room for the cells between), not a space after them."""
    before = stripped[:at]
    return len(before) - len(before.rstrip()) >= _LAID_OUT_GAP


def _text_place(line: str, text: str) -> float | None:
    """The centre (in characters from the line's start, as ``_figure_places``) of a cell of words
    that is one line of laid-out text, so that the header cells it holds (``信息内容    本年制发件数
    本年废止件数``) can be set above the figures under them; None for a cell of several lines."""
    if not text or "\n" in text:
        return None
    at = line.find(text)
    return None if at < 0 else at + (len(text) - 1) / 2
