"""Cut a run of digits into a table's cells where the table's own sums say where the cells end.

Text whose cells ran together (``703650120384681017759`` for the seven cells of a row of table 三)
keeps the figures but not their borders. Where the cells form groups that each end in their total
(a row of table 三: six applicant columns, then 总计; table 四: three groups of four results, then
总计), the borders are searched, not enumerated: from the right, a group's total is a tail of the
run, its parts are cut off right to left each no larger than what is left of the total, and the
group's first part is then forced (it must print as the remainder). A cut never gives a number a
leading zero (``07`` is two cells, 0 and 7). The search stops after ``_BUDGET`` steps: a run that
long is left to the caller's doubt instead of taking unbounded time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

_BUDGET = 50_000
MAX_CUTS = 64  # more readings than this of one run are not worth telling apart: the run is left unknown


def _number(text: str) -> int | None:
    """The value of a cell cut from a run, or None where the cut would give it a leading zero."""
    if not text or (text[0] == "0" and len(text) > 1):
        return None
    return int(text)


def cut_groups(digits: str, groups: Sequence[int]) -> list[tuple[int, ...]] | None:
    """Every cut of ``digits`` into ``sum(groups)`` numbers such that each group of ``groups[i]``
    numbers ends in the sum of its others; None when the search ran out of budget or found more
    than ``MAX_CUTS`` cuts (the run cannot be told)."""
    budget = [_BUDGET]
    found: list[tuple[int, ...]] = []
    for values in _cut(digits, tuple(groups), budget):
        found.append(values)
        if len(found) > MAX_CUTS:
            return None
    if budget[0] < 0:
        return None
    return found


def _cut(digits: str, groups: tuple[int, ...], budget: list[int]) -> Iterator[tuple[int, ...]]:
    if not groups:
        if not digits:
            yield ()
        return
    size = groups[-1]
    before = groups[:-1]
    least = sum(before)  # every earlier cell takes at least one digit
    for length in range(1, len(digits) - least - (size - 1) + 1):
        total = _number(digits[len(digits) - length:])
        if total is None:
            continue
        head = digits[: len(digits) - length]
        for parts, rest in _parts(head, size - 1, total, least, budget):
            for earlier in _cut(rest, before, budget):
                yield (*earlier, *parts, total)
        if budget[0] < 0:
            return


def _parts(digits: str, count: int, remaining: int, keep: int,
           budget: list[int]) -> Iterator[tuple[tuple[int, ...], str]]:
    """Cut ``count`` numbers adding up to ``remaining`` off the right end of ``digits``, leaving at
    least ``keep`` digits for the cells before them: (the numbers, what is left)."""
    budget[0] -= 1
    if budget[0] < 0:
        return
    if count == 1:
        text = str(remaining)
        if digits.endswith(text) and len(digits) - len(text) >= keep:
            yield (remaining,), digits[: len(digits) - len(text)]
        return
    longest = len(str(remaining))
    for length in range(1, min(longest, len(digits) - keep - (count - 1)) + 1):
        value = _number(digits[len(digits) - length:])
        if value is None or value > remaining:
            continue
        for parts, rest in _parts(digits[: len(digits) - length], count - 1, remaining - value, keep, budget):
            yield (*parts, value), rest
