"""Take out table 三's group labels set vertically, a character a line, from text of a PDF.

A phone-width page or a Word original sets table 三's merged group cells (三、本年度办理结果,
（三）不予公开 …) vertically. ``pdftotext`` (default mode, no ``-layout``) prints such a cell a
character a line (``（`` / ``六`` / ``）`` / ``其`` / ``他`` …), two cells side by side as two
characters a line (``本 供``), wherever its reading order puts them: between the rows, after the
总计 row. Left in, each character is a label cell: the lines no longer alternate filled cell and
blank line, so blank separators read as blank cells (w20xx Word originals: every figure one column
over), and the characters cut the rows they fall in.

The labels carry no figure, and the numbered sub-rows under them (1.属于国家秘密 …) are named
apart, so a run of such lines is blanked to spacer lines (never a cell, the line numbers kept).
A run is taken only where it is nothing but characters of the template's group labels and spells
one of them whole (or, cut by a page, a start or an end of one of two characters or more).
"""

from __future__ import annotations

import re

from gongkai.report.templates import ACCEPTED, DENIED, NOT_PROCESSED, OTHER_HANDLING, UNAVAILABLE

_GROUP_LABELS = (ACCEPTED, DENIED, UNAVAILABLE, NOT_PROCESSED, OTHER_HANDLING)
_GROUP_CHARACTERS = frozenset("".join(_GROUP_LABELS))
# Three lines in a row of one character (or two apart): the mark of a cell set vertically, found
# in one pass over the text before any line is looked at.
# (Led by the line break before the first line, the text searched with one put first: the regex
# engine skips from line break to line break instead of trying ``^`` at every character.)
_VERTICAL = re.compile(r"\n\S(?: \S)?\n\S(?: \S)?\n\S(?: \S)?(?=\n|\Z)")
_SPACER = "\u3000"  # a spacer line: never a cell (line_kinds), the line's number kept
_MIN_RUN = 2


def _characters(line: str) -> list[str] | None:
    """The characters of a line of one or two vertical cells (``六``, ``本 供``), else None."""
    parts = line.split()
    if not parts or len(parts) > 2 or any(len(part) != 1 for part in parts):
        return None
    return parts


def _spells_a_label(columns: list[str], characters: set[str]) -> bool:
    if any(set(label) <= characters for label in _GROUP_LABELS):
        return True  # all of a label's characters (two cells' characters may interleave)
    text = columns[0]
    return len(columns) == 1 and any(label.startswith(text) or label.endswith(text) for label in _GROUP_LABELS)


def vertical_labels_blanked(lines: list[str]) -> list[str]:
    """``lines`` with runs of table 三's vertically set group labels made spacer lines (see module)."""
    if not _VERTICAL.search("\n".join(["", *lines])):
        return lines
    out = list(lines)
    i = 0
    while i < len(lines):
        first = _characters(lines[i])
        if first is None:
            i += 1
            continue
        j = i
        runs: list[list[str]] = []
        while j < len(lines) and (found := _characters(lines[j])) is not None:
            runs.append(found)
            j += 1
        characters = {c for found in runs for c in found}
        columns = ["".join(found[0] for found in runs)]
        if any(len(found) == 2 for found in runs):
            columns.append("".join(found[-1] for found in runs if len(found) == 2))
        if j - i >= _MIN_RUN and characters <= _GROUP_CHARACTERS and _spells_a_label(columns, characters):
            out[i:j] = [_SPACER] * (j - i)
        i = j
    return out
