"""A 序号 column: the row numbers (1, 2, 3 …) some offices print at the left of tables 二 and 三.

The recogniser reads a table's cells as one stream (labels, then their figures), so a row's number
printed before its label is read as the last figure of the row above: every row gets one figure
too many and the sums pick the wrong ones. Where a table's cells say so, the numbers are taken out
before the stream is read:

* 序号 heads the table's first column (in one cell, or 序 over 号 where the narrow column wraps
  it), or the table goes on from one whose numbers were taken out (a table broken by the page,
  its header not repeated), and
* the rows' first cells that are bare whole numbers, each followed by a label (or by a blank: a
  converter that lost a merged label), or a number and a space before the label in one cell (a
  converter that joined the two cells: ``1 规章``), count up by one from row to row, with no gap.

Anything else (a number out of sequence, a figure after the number) leaves the table as printed:
then the figures are read as they stand, never guessed at. ``without_serials`` reads cells with
cell structure only (HTML, Word, PDF grids, pipe tables): a line of text has no first cell to
trust. ``text_without_serials`` reads tables cut from a text stream, where each number ends the
row above (below).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import chain, pairwise
from operator import attrgetter

from gongkai.ingest.document import Block, Cell, Document, TableBlock
from gongkai.report.templates import SERIAL_HEADER

_NUMBER = re.compile(r"\d{1,3}")
_FIGURE = re.compile(r"[\d,，.．%％—\-－/]+")
_JOINED = re.compile(r"(\d{1,3}) +([^\d\s,，.．、)）].*)")  # 1 规章: never 1.规章 or 1、 (the label's own numbering)


def _serial(row: list[Cell]) -> int | None:
    """The row's number, if its first cell is a bare whole number followed by a label or a blank,
    or holds the number and the label."""
    if not row:
        return None
    first = row[0].text.strip()
    joined = _JOINED.fullmatch(first)
    if joined is not None:
        return None if _FIGURE.fullmatch(joined.group(2)) else int(joined.group(1))
    if len(row) < 2 or not _NUMBER.fullmatch(first):
        return None
    after = row[1].text.strip()
    if after and _FIGURE.fullmatch(after):  # a figure after it: a row of figures, not a number
        return None
    return int(first)


def _unnumbered(row: list[Cell]) -> list[Cell]:
    """``row`` without its number (the label kept where the two shared a cell)."""
    joined = _JOINED.fullmatch(row[0].text.strip())
    if joined is None:
        return row[1:]
    return [row[0]._replace(text=joined.group(2)), *row[1:]]


def _headed(table: TableBlock) -> bool:
    """序号 at the top of the first column: the first cells of the rows above the first number."""
    top = []
    for row in table.rows:
        if _serial(row) is not None:
            break
        top.append(row[0].text.strip() if row else "")
    return SERIAL_HEADER in "".join(top)


def _numbered(table: TableBlock, last: int | None) -> int | None:
    """The last row number of ``table`` if its first column is a 序号 column (headed so, going
    on from ``last``, the previous table's last number, or a pipe table's run), else None."""
    headed = _headed(table)
    numbers = [n for n in (_serial(row) for row in table.rows) if n is not None]
    if not numbers:
        return None
    going_on = last is not None and numbers[0] == last + 1
    if not (headed or going_on or _run_numbered(table, numbers)):
        return None
    if numbers[0] != 1 and not going_on:
        return None
    if not _runs_from_one(numbers) and not (headed and _set_apart(table)):
        return None
    return numbers[-1] if len(numbers) >= 2 or last is not None else None


_RUN = 3  # numbers a run counts at least (a table 二's first section holds two rows, then goes on)


def _runs_from_one(numbers: list[int]) -> bool:
    """The numbers count up by one, or start again at 1 where a converter joined two numbered
    tables into one (table 二's rows, then table 三's), each run of ``_RUN`` numbers or more."""
    starts = [0, *(i for i, (a, b) in enumerate(pairwise(numbers), 1) if b != a + 1)]
    if any(numbers[i] != 1 for i in starts[1:]):
        return False
    ends = [*starts[1:], len(numbers)]
    return len(starts) == 1 or all(end - start >= _RUN for start, end in zip(starts, ends, strict=True))


_MAX_SET_APART = 3  # numbers of one table a converter set apart from their rows


def _set_apart(table: TableBlock) -> bool:
    """The numbers count up by one from row to row of figures, but for a few that stand nowhere
    among the rows' first cells (markitdown sets a tall row's number on a loose line of its own):
    each gap in the count has as many rows of figures without a number as numbers it lacks, and
    the numbers otherwise count up by one (a 序号-headed table only)."""
    missing, last, unnumbered, loose = 0, 0, 0, False
    for row in table.rows:
        number = _serial(row)
        if number is None:
            if _has_figure(row) or _row_of_figures(row):
                if loose:  # the row of the number on the loose line above it (``16 办理结果``)
                    loose = False
                else:
                    unnumbered += 1
            continue
        if number <= last or number - last - 1 != unnumbered or loose:
            return False
        missing += unnumbered
        last, unnumbered = number, 0
        loose = len(row) == 1  # a loose line: its row follows, unnumbered
    return 0 < missing <= _MAX_SET_APART and unnumbered == 0 and not loose


def _row_of_figures(row: list[Cell]) -> bool:
    """A row holding three figures or more (its first cell a label or blank)."""
    return sum(1 for cell in row if cell.text.strip() and _FIGURE.fullmatch(cell.text.strip())) >= 3


def _has_figure(row: list[Cell]) -> bool:
    return any(cell.text.strip() and _FIGURE.fullmatch(cell.text.strip()) for cell in row[1:])


def _run_numbered(table: TableBlock, numbers: list[int]) -> bool:
    """A pipe table whose converter dropped the 序号 title (PDF-to-Markdown prints the header's
    merged cells blank): every row holding a figure begins with the next number, from 1, in a run
    of ``_RUN`` or more. Cells of HTML, Word or a PDF's grid keep their title: not read so."""
    if not table.piped or len(numbers) < _RUN or numbers[0] != 1:
        return False
    return all(_serial(row) is not None for row in table.rows if _has_figure(row))


def _blank_led(block: TableBlock) -> TableBlock:
    """A pipe table without the first column where it is blank in every row (a converter's empty
    column before the 序号 column: ``||1|一、本年新收…|``), else ``block`` itself."""
    if not block.piped or not all(len(row) >= 2 and not row[0].text.strip() for row in block.rows):
        return block
    return replace(block, rows=[row[1:] for row in block.rows])


def without_serials(document: Document) -> Document:
    """``document`` with its tables' 序号 columns taken out (itself when it has none)."""
    if not any(
        SERIAL_HEADER[0] in row[0].text or (t.piped and "1" in (c.text.strip() for c in row[:2]))
        for t in document.tables
        for row in t.rows
        if row
    ):
        return document  # the cheap gate: no table's first column holds 序 (or a pipe table's 1)
    if not any(t.piped or _headed(t) for t in document.tables):
        # A table's numbers go out only where it is headed 序号, goes on from one that is, or is a
        # pipe table (its run of numbers, its blank first column): none here (a 序 of 程序 in a label).
        return document
    blocks: list[Block] = []
    last: int | None = None
    changed = False
    for block in document.blocks:
        if not isinstance(block, TableBlock):
            blocks.append(block)
            continue
        led = _blank_led(block)
        last = _numbered(led, last)
        if last is None:
            blocks.append(block)
            continue
        block = led
        top = next((r for r, row in enumerate(block.rows) if _serial(row) is not None), len(block.rows))
        rows = [_unnumbered(row) if _serial(row) is not None else row for row in block.rows]
        if top < len(block.rows) and _JOINED.fullmatch(block.rows[top][0].text.strip()):
            top = 0  # the numbers shared their labels' cells: no column of the rows was taken out
        rows = _without_header(rows, top)
        blocks.append(replace(block, rows=rows))
        changed = True
    return replace(document, blocks=blocks) if changed else document


def _without_header(rows: list[list[Cell]], top: int) -> list[list[Cell]]:
    """The rows with the 序号 header's cells (序号, or 序 and 号) blanked: a header word of no
    column of the template. Where each of the header rows (the ``top`` rows above the first
    numbered one) begins with a one-row, one-column cell of 序号, 序, 号 or nothing (the merged
    序号 cell cut into rows where a PDF broke the header across the page), that column is taken
    out of them all, as it was out of the numbered rows: the header stays as wide as the rows
    under it, so their columns can be placed under its titles."""
    firsts = [row[0] for row in rows[:top] if row]
    words = ("", SERIAL_HEADER, SERIAL_HEADER[0], SERIAL_HEADER[1])
    if (
        len(firsts) == top > 1
        and all(c.text.strip() in words and c.rowspan == c.colspan == 1 for c in firsts)
        and "".join(c.text.strip() for c in firsts) == SERIAL_HEADER
    ):
        return [row[1:] if r < top else row for r, row in enumerate(rows)]
    out = []
    for row in rows:
        if row and row[0].text.strip() in (SERIAL_HEADER, SERIAL_HEADER[0], SERIAL_HEADER[1]):
            row = row[1:] if row[0].text.strip() == SERIAL_HEADER else [row[0]._replace(text=""), *row[1:]]
        out.append(row)
    return out


# A text stream (a crawler's page text, a PDF's text) has no first column: the reader cuts it into
# rows at the labels, so each row's number ends the row above it (its own cell ``2``, or glued to
# the last figure: ``755`` for 75 and row 5). The numbers are taken out only where every row of
# the table from the 序号 header on ends with the next number, counting up from 1 by one, so a
# figure's last digits are never taken for a number by chance.
def _trailing(row: list[Cell], number: int) -> list[Cell] | None:
    """``row`` without ``number`` at its end (blank cells after it kept: a Word table's lines), or
    None when it does not end with it."""
    at = next((i for i in range(len(row) - 1, -1, -1) if row[i].text.strip()), None)
    last = row[at].text.strip() if at is not None else ""
    if at is None or not last.endswith(str(number)):
        return None
    kept = last[: len(last) - len(str(number))].rstrip()
    return [*row[:at], *([row[at]._replace(text=kept)] if kept else []), *row[at + 1 :]]


def _words_only(row: list[Cell]) -> bool:
    """No figure in ``row``: a header's line or a wrapped label's, holding no number either."""
    return all(not _FIGURE.fullmatch(cell.text.strip()) for cell in row if cell.text.strip())


def _names_serial(row: list[Cell]) -> bool:
    """序号 in a cell of the row, or 序 beginning one cell and 号 a later one (the narrow column's
    title wrapped, its lines read among the header's others)."""
    if not any(SERIAL_HEADER[0] in cell.text for cell in row):
        return False  # no 序 at all (most rows): neither test below can hold (no word split)
    if any(SERIAL_HEADER in cell.text for cell in row):
        return True
    firsts = [cell.text.split()[0] if cell.text.split() else "" for cell in row]
    first = next((i for i, word in enumerate(firsts) if word == SERIAL_HEADER[0]), None)
    return first is not None and SERIAL_HEADER[1] in firsts[first + 1 :]


def _many_figures(row: list[Cell]) -> bool:
    """More figures than a table 二 row holds (three at most): a row of table 三."""
    return sum(bool(_FIGURE.fullmatch(cell.text.strip())) for cell in row) > 3


def _number_alone(row: list[Cell], number: int) -> bool:
    """``row`` ends with ``number`` in a cell of its own, after words only (``情形）``, ``5``)."""
    texts = [cell.text.strip() for cell in row]
    return (
        len(texts) >= 2
        and texts[-1] == str(number)
        and all(text and not _FIGURE.fullmatch(text) for text in texts[:-1])
    )


def _leading(row: list[Cell], number: int) -> list[Cell] | None:
    """``row`` without ``number`` beginning its first cell (pdftotext -layout: the number starts
    the line, the label after it: ``14 办理结果``), or None when it does not begin so."""
    first = row[0].text.strip() if row else ""
    joined = _JOINED.fullmatch(first)
    if joined is None or int(joined.group(1)) != number or _FIGURE.fullmatch(joined.group(2).split()[0]):
        return None
    return [row[0]._replace(text=joined.group(2)), *row[1:]]


def _text_unnumbered(table: TableBlock) -> TableBlock | None:
    """``table`` (cut from a text stream) without its 序号 numbers, or None when its rows do not
    show them."""
    head = next((i for i, row in enumerate(table.rows) if _names_serial(row)), None)
    if head is None or len(table.rows) - head < 3:
        return None
    rows = list(table.rows)
    number = 1
    for r in range(head, len(rows) - 1):
        if _names_serial(rows[r + 1]) or _words_only(rows[r]):  # a header below holds the next number
            continue
        if r + 2 < len(rows) and _many_figures(rows[r]) and _number_alone(rows[r + 1], number):
            # a table 三 row's wrapped label: its last line below holds the number (the row may
            # end with it as a figure); the rows after it must go on counting
            continue
        cut = _trailing(rows[r], number)
        if cut is not None:
            rows[r] = cut
        elif (led := _leading(rows[r + 1], number)) is not None:
            rows[r + 1] = led  # the number begins the row below's line
        else:
            return None
        number += 1
    return replace(table, rows=rows)


def _holds_serial_mark(table: TableBlock) -> bool:
    """Whether a cell of ``table`` holds 序 (which a row naming a 序号 column holds): one search of
    its cells' texts joined, in C, rather than a test of every row (most tables hold none)."""
    return SERIAL_HEADER[0] in "\n".join(map(_TEXT, chain.from_iterable(table.rows)))


_TEXT = attrgetter("text")


def names_serial_column(document: Document) -> bool:
    """Whether a table of ``document`` names a 序号 column (序号, or 序 and 号 in later cells)."""
    return any(_names_serial(row) for t in document.tables if _holds_serial_mark(t) for row in t.rows)


def text_without_serials(document: Document, named: bool | None = None) -> Document:
    """``document`` (read from text) with its tables' 序号 numbers taken out (itself when none);
    ``named``: ``names_serial_column(document)`` where the caller has asked it already."""
    if document.format != "text" or not (names_serial_column(document) if named is None else named):
        return document  # the cheap gate: no table of text names a 序号 column
    blocks: list[Block] = []
    changed = False
    for block in document.blocks:
        cut = _text_unnumbered(block) if isinstance(block, TableBlock) and not block.piped else None
        blocks.append(cut or block)
        changed = changed or cut is not None
    return replace(document, blocks=blocks) if changed else document
