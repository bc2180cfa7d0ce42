"""A cell's text cleaned of the marks converters leave (emphasis, ``<br>``, strike-through), and
cells made without ``Cell.__new__``'s keyword handling (the reader makes one per cell)."""

from __future__ import annotations

import re

from gongkai.ingest.br_lines import BR
from gongkai.ingest.document import CELL_DEFAULTS, Cell

CELL_BLANKS = " \t\r\n\u3000\xa0"


MARKS = re.compile("[<*_~]")  # what clean_cell takes out starts with one of these


tuple_new = tuple.__new__


# Cell(text, where, x=x) as tuple_new(Cell, (text, where, *BEFORE_X, x, *AFTER_X))
BEFORE_X = CELL_DEFAULTS[: Cell._fields.index("x") - 2]


AFTER_X = CELL_DEFAULTS[Cell._fields.index("x") - 1 :]


def clean_cell(text: str) -> str:
    if "<" in text or "*" in text or "_" in text or "~" in text:
        # Emphasis, and the strike-through pymupdf4llm marks where a table's rule crosses a cell.
        text = BR.sub("\n", text).replace("**", "").replace("__", "").replace("~~", "")
    return text.strip(CELL_BLANKS)
