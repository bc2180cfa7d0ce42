"""A row's figure with a bar glued to its edge (``6|``, ``1I``, ``0I``, ``I1``), told by the row's sum.

A searchable scan's OCR reads a table's rule as ``|`` ``l`` ``I`` and, where the rule touches a
figure, glues it on: ``6|`` is 6 beside a rule or 61, ``I1`` is 1 or 11; ``ocr_figures`` reads each
such letter as a 1. Where the row then holds as many figures as the table's rows but fails its own
sum (``wrapped_digits.sums_hold``: 自然人 … 其他 add up to 总计), each such figure is also tried
without its glued bar; the line gets the one reading whose sum holds, when exactly one does
(``3 0 6| 0 0 o 9``: 6, not 61). Otherwise the line stays as ``ocr_figures`` read it (its figures
stay doubted: ``ocr_doubts`` keeps only what the equations confirm). At most ``MAX_GLUED``
such figures a line (16 readings).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from gongkai.ingest.wrapped_digits import sums_hold

MAX_GLUED = 4  # figures with a glued bar tried on one line
_BARS = "|lI"
_WORD = re.compile(r"\S+")


def _glued(word: str) -> str | None:
    """``word`` without the bar glued to one of its edges, where the rest is a figure (digits or
    ``O``/``o`` for 0) and the bar touches it; None otherwise."""
    if len(word) < 2:
        return None
    if word[-1] in _BARS and word[:-1].translate(_NOUGHTS).isdigit():
        return word[:-1]
    if word[0] in _BARS and word[1:].translate(_NOUGHTS).isdigit():
        return word[1:]
    return None


_NOUGHTS = str.maketrans({"O": "0", "o": "0"})


def bars_by_sum(
    line: str,
    width: int | None,
    mend: Callable[[str], str],
    figure_word: Callable[[str], bool],
    cells: Callable[[str], list[str]],
) -> str | None:
    """The line mended (``mend``) with the glued bars that make its row add up dropped, or None
    where its mended reading stands (it adds up, its count is not the rows', or not exactly one
    reading of its glued bars adds up). ``figure_word``: a word of a row's figures (a misread one
    or a rule's mark); ``cells``: the figure words ending a line, rule marks left out."""
    if width is None:
        return None
    words = list(_WORD.finditer(line))
    start = len(words)
    while start and figure_word(words[start - 1].group()):
        start -= 1
    glued = [w for w in words[start:] if _glued(w.group()) is not None]
    if not glued or len(glued) > MAX_GLUED:
        return None
    found: list[str] = []
    for dropped in itertools.product((False, True), repeat=len(glued)):
        variant = line
        for word, drop in sorted(zip(glued, dropped, strict=True), key=lambda p: -p[0].start()):
            if drop:
                bare = _glued(word.group()) or word.group()
                variant = variant[: word.start()] + bare + variant[word.end() :]
        mended = mend(variant)
        figures = cells(mended)
        if len(figures) != width or not all(f.isdigit() for f in figures):
            continue
        if sums_hold([int(f) for f in figures]):
            if not any(dropped):
                return None  # as read, the row adds up
            found.append(mended)
    return found[0] if len(found) == 1 else None
