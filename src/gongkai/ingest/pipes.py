"""Pipe (Markdown) tables as PDF-to-Markdown converters break them: a cell set on a line of its own.

A converter that loses track of a cell's column prints its figure on a line of its own between
the table's rows (``| 行政强制 | 76 | -3 |`` then ``8844``). The figure belongs to a row next to
it that came out a cell short; which one, only the row widths tell.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from gongkai.ingest.document import Cell
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.vocabulary import is_active_row, is_numbered_request_row, vocabulary
from gongkai.report.labels import label_key

_MAX_LONE = 3  # figures on one displaced line


def lone_figures(line: str) -> bool:
    """A line of nothing but one to three figures (no pipe): displaced cells."""
    parts = line.split()
    if not parts or len(parts) > _MAX_LONE or "|" in line:
        return False
    return all(parse_cell(part).kind in (CellKind.NUMBER, CellKind.DASH) for part in parts)


def rejoin_displaced(rows: list[list[Cell]], lone: set[int]) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """Put each displaced line's figures back at the end of the row before it, or else of the
    row after it, whichever is narrower than the table's usual width by as many cells. Returns
    the rows and the lines no row lacks (a page number under the table: not a cell)."""
    widths = Counter(len(row) for i, row in enumerate(rows) if i not in lone)
    if not widths:
        return rows, []
    usual = widths.most_common(1)[0][0]
    result: list[list[Cell]] = []
    left: list[list[Cell]] = []
    carry: list[Cell] | None = None  # figures waiting for the row after them
    above: Cell | None = None  # a 总计 set above its row (``_total_above``)
    taken: set[int] = set()  # lone lines joined into such a total
    for i, row in enumerate(rows):
        if i in taken:
            continue  # the lower piece of a total wrapped around its row (``_total_above``)
        if i in lone:
            before = result[-1] if result and (i - 1) not in lone else None
            after = rows[i + 1] if i + 1 < len(rows) and (i + 1) not in lone else None
            if before is not None and len(before) + len(row) == usual:
                result[-1] = [*before, *row]
            elif after is not None and len(after) + len(row) == usual:
                carry = row
            elif after is not None and (pieces := _total_above(row, after, rows, i + 2, lone)):
                above = row[0]._replace(text=" ".join(piece[0].text for piece in pieces))
                taken.update(range(i + 2, i + len(pieces) + 1))
            else:
                left.append(row)
            continue
        if carry is not None:
            row = [*row, *carry]
            carry = None
        if above is not None:
            last = max(k for k, cell in enumerate(row) if cell.text)
            row = [*row[:last], row[last]._replace(text=f"{row[last].text} {above.text}"), *row[last + 1 :]]
            above = None
        result.append(row)
    return result, left


def _figure_count(row: list[Cell]) -> int:
    return sum(len(cell.text.split()) for cell in row if cell.text and _is_figure(cell.text.split()[0]))


def _total_above(
    row: list[Cell], after: list[Cell], rows: list[list[Cell]], at: int, lone: set[int]
) -> list[list[Cell]]:
    """A lone figure right above a pipe row whose last cell holds one figure where the next row's
    holds two (``8 433``: markitdown ran a narrow part's 其他 and 总计 into one cell): the row's
    总计, set above it (``4200`` over ``| 366 | | 18 | 89 |``), as a cell taller than its row is
    set centred; a lone figure right under the row too is the rest of that 总计 wrapped in its
    narrow column (``260`` over the row, ``0`` under it: the pieces are kept apart, for the
    table's equations to join them where the row then adds up, as a wrapped cell's). Only where
    the row then holds as many figures as the next. The lone lines that are the total's pieces,
    or none."""
    if len(row) != 1 or at >= len(rows) or not _is_figure(row[0].text):
        return []
    pieces = [row]
    if at in lone and len(rows[at]) == 1 and _is_figure(rows[at][0].text) and at + 1 < len(rows):
        pieces.append(rows[at])
        at += 1
    if at in lone:
        return []
    below = rows[at]
    filled = [cell.text for cell in below if cell.text]
    mine = [cell.text for cell in after if cell.text]
    fits = (
        len(below) == len(after)
        and bool(filled)
        and bool(mine)
        and len(filled[-1].split()) == 2
        and len(mine[-1].split()) == 1
        and _figure_count(after) + 1 == _figure_count(below)
    )
    return pieces if fits else []


def _is_figure(text: str) -> bool:
    return parse_cell(text).kind in (CellKind.NUMBER, CellKind.DASH)


def phantom_columns(rows: list[list[str]]) -> dict[int, frozenset[int]]:
    """The empty grid columns of a converter's pipe rows, by row width: columns that every row
    of that width leaves blank, header rows included, where header rows of that width name
    columns on both sides of them. markitdown draws a grid line wherever any row of a page's
    table has an edge (a header cell's, a continued table's), and the columns between such
    lines no cell fills; kept, they are blank cells among a row's figures, and which blank is
    the grid's and which a zero printed as blank the row alone cannot tell. A column the
    headers name stays, however blank its figures (a column of zeros printed as blanks); so do
    the columns left of the first figure (the label's, however many the grid has there)."""
    by_width: dict[int, list[list[str]]] = {}
    for row in rows:
        by_width.setdefault(len(row), []).append(row)
    out: dict[int, frozenset[int]] = {}
    for width, group in by_width.items():
        headers = [row for row in group if _header_row(row)]
        if not headers or not any(any(_is_figure(text.strip()) for text in row) for row in group):
            continue
        named = sorted({k for row in headers for k, text in enumerate(row) if text.strip()})
        # Only among the figures: blank cells left of a row's first figure are its label's.
        first = min(k for row in group for k, text in enumerate(row) if _is_figure(text.strip()))
        empty = frozenset(
            k for k in range(max(first, named[0]) + 1, named[-1]) if all(not row[k].strip() for row in group)
        )
        if empty:
            out[width] = empty
    return out


def _header_row(row: list[str]) -> bool:
    """No figure and at least two cells of words: a row of column headers."""
    filled = [text for text in row if text.strip()]
    return len(filled) >= 2 and not any(_is_figure(text.strip()) for text in filled)


def _figures_only(row: list[Cell]) -> bool:
    """Figures and blank cells, no label: a row whose label cell came out empty."""
    filled = [cell.text for cell in row if cell.text]
    return bool(filled) and all(parse_cell(text).kind in (CellKind.NUMBER, CellKind.DASH) for text in filled)


def _active_label_only(row: list[Cell]) -> bool:
    """One filled cell, the whole label of a row of table 二 (行政处罚, 其他对外管理服务事项)."""
    filled = [cell.text for cell in row if cell.text]
    return len(filled) == 1 and is_active_row(filled[0])


def _row_label_only(row: list[Cell]) -> bool:
    """One filled cell, the whole label of a row of table 二 or a numbered one of table 三; or a
    short label spaced out across cells (``| 规 | 章 |``: a Word cell's 规　章), table 二's."""
    filled = [cell.text for cell in row if cell.text]
    if len(filled) == 1:
        return is_active_row(filled[0]) or is_numbered_request_row(filled[0])
    return _spaced_label(filled)


_SPACED_PIECE = 2  # characters of one piece of a label spaced out across cells


def _spaced_label(filled: list[str]) -> bool:
    return (
        1 < len(filled) <= 4
        and all(len(text.strip()) <= _SPACED_PIECE and _ideographs(text.strip()) for text in filled)
        and is_active_row("".join(text.strip() for text in filled))
    )


def _ideographs(text: str) -> bool:
    """Chinese characters alone: a label's piece, never a figure, a dash or a ``/`` cell."""
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _label_cell(row: list[Cell]) -> Cell:
    """The label of a row ``_row_label_only`` holds, its spaced pieces joined into one cell."""
    filled = [cell for cell in row if cell.text]
    if len(filled) == 1:
        return filled[0]
    return filled[0]._replace(text="".join(cell.text.strip() for cell in filled))


_PAGE_MARK = re.compile(r"[—–-] ?\d{1,4} ?[—–-]")  # a page's number printed ``— 2 —``


def _page_mark(row: list[Cell]) -> bool:
    """A page's number between dashes that a converter set as a row (``| — | 2 | — |``)."""
    return bool(_PAGE_MARK.fullmatch(" ".join(cell.text.strip() for cell in row if cell.text.strip())))


def labels_after_figures(rows: list[list[Cell]], lone: set[int]) -> tuple[list[list[Cell]], set[int]]:
    """Rows of table 二 whose label a converter printed on the line after the row's figures
    (``| | 26 | | 6 | 25 |`` then ``其他对外管理服务事项``; ``166`` then ``行政处罚``, as markitdown
    sets a Word cell whose text sits low): each label joined to the figures before it. Only for
    a run of rows that starts with figures no label stands above, alternates figures and labels,
    and ends with a label: read the other way (each label over the figures after it) the run's
    first figures would have no label and its last label no figures. A run with as many figure
    rows as labels either way round is left as it is. Returns the rows and the lone rows left."""
    out: list[list[Cell]] = []
    out_lone: set[int] = set()
    i = 0
    while i < len(rows):
        k = i
        if _figures_only(rows[i]) and not (i and _row_label_only(rows[i - 1])):
            while k + 1 < len(rows) and _figures_only(rows[k]) and _row_label_only(rows[k + 1]):
                k += 2
        if k > i and not (k < len(rows) and _figures_only(rows[k]) and not _page_mark(rows[k])):
            for at in range(i, k, 2):
                figures, label = rows[at], _label_cell(rows[at + 1])
                out.append([label, *(figures[1:] if at not in lone and not figures[0].text else figures)])
            i = k
            continue
        if i in lone:
            out_lone.add(len(out))
        out.append(rows[i])
        i += 1
    return out, out_lone


def figures_before_label(lines: list[str]) -> list[str]:
    """``lines`` with each line of lone figures that a line holding only a row label of table 二
    or a result of table 四 follows (``5385.69`` then ``行政事业性收费``) joined into one row line
    (``行政事业性收费 5385.69``), unless that figure line has a row label right above it (then it
    is that label's) or another line of lone figures follows the label (then the label starts
    that row)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            i + 1 < len(lines)
            and lone_figures(line)
            and (_active_label_line(lines[i + 1]) or _appeal_field_line(lines[i + 1]))
            and not (i >= 1 and (_active_label_line(lines[i - 1]) or _appeal_field_line(lines[i - 1])))
            and not (i + 2 < len(lines) and lone_figures(lines[i + 2]))
        ):
            out.extend(("", f"{lines[i + 1].strip()} {line.strip()}"))  # the line count kept
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def label_under_table(lines: list[str]) -> list[str]:
    """``lines`` with a row of table 二 that a converter set as paragraphs right under its pipe
    table (the table's last row: ``|信息内容|本年收费金额（万元）|`` then ``行政事业性收费``, an empty
    line, ``550.07``) joined into one row line (``行政事业性收费 550.07``), the line count kept."""
    out = list(lines)
    for i, line in enumerate(lines):
        if not _active_label_line(line):
            continue
        above = i - 1
        while above >= 0 and not lines[above].strip():
            above -= 1
        if above < 0 or not lines[above].lstrip().startswith("|"):
            continue
        figures: list[int] = []
        j = i + 1
        while j + 1 < len(lines) and not lines[j].strip() and lone_figures(lines[j + 1]):
            figures.append(j + 1)
            j += 2
        if not figures or (j < len(lines) and _active_label_line(lines[j])):
            continue
        out[i] = " ".join([line.strip(), *(lines[k].strip() for k in figures)])
        for k in figures:
            out[k] = ""
    return out


def _appeal_field_line(line: str) -> bool:
    """A line of nothing but a result's label of table 四 (结果维持, 总计): a row of table 四 set as
    a list of a row per group and result (项目 · 数量), whose figure markitdown set above it."""
    return "|" not in line and label_key(line) in vocabulary().appeal_fields


def _active_label_line(line: str) -> bool:
    return "|" not in line and _active_label_only([Cell(line.strip(), "")])


_PAGE_BREAK = 3  # empty lines pymupdf4llm leaves where a page ends (a paragraph's one, plus two)
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def page_numbers_blanked(lines: list[str]) -> list[str]:
    """``lines`` with each page number a PDF-to-Markdown converter kept blanked: a number of one
    to three digits alone on its line, with an empty line on one side and a page break (three
    empty lines) on the other. A figure a converter set apart from its row stands next to the
    row; only a page's foot or head stands apart like that."""

    def empty(at: range) -> bool:
        return all(0 <= k < len(lines) and not lines[k].strip() for k in at)

    out = list(lines)
    for i, line in enumerate(lines):
        if not _PAGE_NUMBER.match(line):
            continue
        before_break = empty(range(i - _PAGE_BREAK, i)) and empty(range(i + 1, i + 2))
        after_break = empty(range(i + 1, i + 1 + _PAGE_BREAK)) and empty(range(i - 1, i))
        if before_break or after_break:
            out[i] = ""
    return out


PICTURE_START = "**----- Start of picture text -----**"
PICTURE_END = "**----- End of picture text -----**"


def marked_picture_lines(lines: list[str]) -> Iterator[tuple[str, bool]]:
    """Each line with whether it belongs to a region pymupdf4llm set as picture text (the lines of
    its two markers included): the one walk over those regions that its readers share."""
    inside = False
    for line in lines:
        if PICTURE_START in line:
            inside = True
        yield line, inside
        if PICTURE_END in line:
            inside = False


def picture_text(lines: list[str]) -> list[str]:
    """pymupdf4llm's text of a region it took for a picture (rules drawn densely, a table's
    continuation on a new page): its lines, run into one with ``<br>`` between them, as lines
    of text again, so that the rows in it are read as any rows set without pipes."""
    if not any(PICTURE_START in line for line in lines):
        return lines
    out: list[str] = []
    for line, inside in marked_picture_lines(lines):
        if inside:
            parts = (part.strip() for part in line.split("<br>"))
            out.extend(part for part in parts if part and part not in (PICTURE_START, PICTURE_END))
        else:
            out.append(line)
    return out
