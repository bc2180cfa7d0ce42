"""A table's remarks column (备注), kept out of its figures.

Some departments add a 备注 column right of 总计 and write a note in a row's cell (``含网上申请``).
``pdftotext -layout`` prints the note after the row's figures, wrapped over the lines under it
(``… 133 3 - - 14 - 150 含网上`` / ``申请``): the row then ends in words, reads as prose, and the
note's pieces read as rows of their own. Under a header ending in 备注, a row's words after its
figures are its remark, and lines holding only words that start under or right of the row's last
figure continue that remark: both are cut, so that the row reads as figures only.
"""

from __future__ import annotations

import re

from gongkai.ingest.numbers import parse_cell

REMARKS_HEADING = "备注"
_TOKEN = re.compile(r"\S+")
_MIN_FIGURES = 4  # a row of a table, not prose with a figure or two
_REACH = 40  # lines under the header that may still be the table's rows
_CONTINUED = 3  # lines a remark may wrap over
_GOES_ON = 2  # figures at least on a line going on with a row cut over lines (其他 and 总计)


def remarks_cut(lines: list[str]) -> list[str]:
    """``lines`` with the remarks of each table headed by a 备注 column cut (see the module)."""
    out = list(lines)
    for header, line in enumerate(lines):
        if REMARKS_HEADING in line and _heads_remarks(line):
            _cut_under(out, header + 1, min(len(out), header + 1 + _REACH))
    return out


def _heads_remarks(line: str) -> bool:
    """A header line of cells ending in 备注 (its other cells may stand on the lines around)."""
    tokens = line.split()
    return len(tokens) >= 2 and tokens[-1] == REMARKS_HEADING


def _cut_under(out: list[str], start: int, end: int) -> None:
    """Cut the remarks of the rows on ``out[start:end]`` in place."""
    last_figure = None  # where the last row with a remark printed its last figure
    continued = 0
    ends_in_figure = False  # the line before (not empty) ends in a figure: a row may go on
    for k in range(start, end):
        tokens = list(_TOKEN.finditer(out[k]))
        cut = _remark_start(tokens, ends_in_figure)
        if tokens:
            ends_in_figure = parse_cell(tokens[-1].group()).is_value
        if cut is not None:
            out[k] = out[k][: tokens[cut - 1].end()]
            last_figure, continued = tokens[cut - 1].start(), 0
        elif (
            last_figure is not None
            and continued < _CONTINUED
            and tokens
            and tokens[0].start() >= last_figure
            and not any(ch.isdigit() for t in tokens for ch in t.group())
        ):
            out[k] = "\f" if "\f" in out[k] else ""  # the remark's next line (a page break kept)
            continued += 1
        else:
            last_figure = None


def _remark_start(tokens: list[re.Match[str]], row_goes_on: bool = False) -> int | None:
    """The index of the first word of a row's remark: words after a label and at least a row's
    figures (dashes count), or, where the line before ends in a figure (``pdftotext`` without
    ``-layout`` cuts a row's cells over lines: ``17,019 1,068 733 2,653`` / ``0 1,527 23,000
    含网上``), after the row's last figures alone; None when the line is not such a row."""
    end = len(tokens)
    while end and not parse_cell(tokens[end - 1].group()).is_value:
        end -= 1
    if end == len(tokens) or not end:
        return None
    figures = end
    while figures and parse_cell(tokens[figures - 1].group()).is_value:
        figures -= 1
    if not figures and row_goes_on and end >= _GOES_ON:
        return end  # the last cells of a row cut over lines, its remark after them
    if end - figures < _MIN_FIGURES or not figures:
        return None  # too few figures, or no label before them
    return end
