"""Which lines of a text hold one of a few characters, found without a test per line.

The text reader's passes each look at the few lines holding a mark of their own (``%``, a count
unit, a tab): a test of every line in Python costs more than ``str.find`` over the lines joined
(in C), each find mapped back to its line by bisection over where the lines end."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from operator import add


def lines_holding(lines: list[str], marks: str) -> list[int]:
    """The indices of the lines holding any of ``marks`` (single characters, no newline), in order."""
    text = "\n".join(lines)
    if not any(mark in text for mark in marks):
        return []
    # Where each line's newline stands in the joined text: its length and those before it, plus
    # one newline per line before it (a mark, being no newline, bisects to its own line).
    ends = list(map(add, accumulate(map(len, lines)), range(len(lines))))
    found: set[int] = set()
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            line = bisect_left(ends, at)
            found.add(line)
            at = text.find(mark, ends[line] + 1)  # from the next line on
    return sorted(found)
