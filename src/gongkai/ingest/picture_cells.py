"""Wrapped figure+unit cells inside the text pymupdf4llm gives a region it took for a picture.

pymupdf4llm sets such a region (table 四 under its two-line group headers, rules drawn densely)
as one paragraph, its lines in the order of their height on the page, ``<br>`` between them. A
narrow cell typing its unit (``328件``) wraps to ``328`` over ``件``; the one-line cells of the row
are centred between the two, so the row prints as a line of the wrapped cells' figures, then the
row (``件 98件 66件 … 172 件 件 67件 件``: the one-line cells and, in their places, the wrapped
cells' lone units). Each lone unit that follows no figure marks where the next figure of the line
above belongs: when there are exactly as many of them as bare figures above, the figures are put
back in those places and their line emptied. Where the units wrapped below the row instead (a line
of lone units under it), nothing marks the places: the figures stay where they are and the
solver places them (``align.wrapped_figure_readings``).

The region's text also marks some spans with brackets (``[98][件]``, ``[总][计]``); they are
dropped first, inside picture text only.
"""

from __future__ import annotations

import re

from gongkai.ingest.pipes import marked_picture_lines
from gongkai.ingest.units import COUNT_UNITS
from gongkai.ingest.wrapped_digits import line_wrapped_around

_BRACKETED = re.compile(r"\[([^\[\]<>|]{1,12})\]")
_BARE = re.compile(r"[-−－]?[0-9]+")
_WITH_UNIT = re.compile(rf"(?<![-−－0-9])[-−－]?[0-9]+[{COUNT_UNITS}]")  # lookbehind: linear on digit runs


def picture_cells(lines: list[str]) -> list[str]:
    """``lines`` with the wrapped cells of each region of picture text put back (see the module)."""
    return [_picture_line(line) if inside else line for line, inside in marked_picture_lines(lines)]


def _picture_line(line: str) -> str:
    parts = _BRACKETED.sub(r"\1", line).split("<br>")
    for i in range(1, len(parts)):
        merged = _merged(parts[i - 1], parts[i])
        if merged is not None:
            parts[i - 1], parts[i] = "", merged
    for i in range(1, len(parts) - 1):
        joined = line_wrapped_around(parts[i - 1], parts[i], parts[i + 1])
        if joined is not None:  # digits wrapped: heads on the line above, tails on the line below
            parts[i - 1], parts[i], parts[i + 1] = "", joined, ""
    return "<br>".join(parts)


def _merged(above: str, row: str) -> str | None:
    """``row`` with the figures of ``above`` (a line of bare figures alone) put at its lone units
    that follow no figure; None unless ``above`` and such units pair one to one."""
    figures = above.split()
    if not figures or not all(_BARE.fullmatch(f) for f in figures):
        return None
    words = row.split()
    if not words or not all(_BARE.fullmatch(w) or _WITH_UNIT.fullmatch(w) or _lone(w) for w in words):
        return None
    places = [k for k, w in enumerate(words) if _lone(w) and not (k and _BARE.fullmatch(words[k - 1]))]
    if len(places) != len(figures):
        return None
    for k, figure in zip(places, figures, strict=True):
        words[k] = figure + words[k]
    return " ".join(words)


def _lone(word: str) -> bool:
    return len(word) == 1 and word in COUNT_UNITS
