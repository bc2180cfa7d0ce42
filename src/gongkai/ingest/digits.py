"""Cut a run of digits into a table's cells where the table's own sums say where the cells end.

Text whose cells ran together (``703650120384681017759`` for the seven cells of a row of table 三)
keeps the figures but not their borders. Where the cells form groups that each end in their total
(a row of table 三: six applicant columns, then 总计; table 四: three groups of four results, then
总计), the borders are searched, not enumerated: from the right, a group's total is a tail of the
run, its parts are cut off right to left each no larger than what is left of the total, and the
group's first part is then forced (it must print as the remainder). A cut never gives a number a
leading zero (``07`` is two cells, 0 and 7), unless the table pads its figures (``pad``: a table
printing every count under 10 as ``07`` and 0 as ``00``; there every cell is exactly ``pad`` digits
or longer without a leading zero). The search stops after ``_BUDGET`` steps: a run that long is left
to the caller's doubt instead of taking unbounded time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

_BUDGET = 50_000
MAX_CUTS = 64  # more readings than this of one run are not worth telling apart: the run is left unknown


def every_cut(digits: str, parts: int) -> Iterator[tuple[str, ...]]:
    """Every cut of ``digits`` into ``parts`` figures none of which but 0 begins with 0, lazily
    and with the shortest first piece first (a caller wanting one or two stops early; where the
    sums decide no cut, ``cut_groups`` searches instead of enumerating)."""
    if parts == 1:
        if digits and (digits == "0" or digits[0] != "0"):
            yield (digits,)
        return
    if digits[:1] == "0":  # a leading 0 is a cell of its own
        for rest in every_cut(digits[1:], parts - 1):
            yield ("0", *rest)
        return
    for at in range(1, len(digits) - parts + 2):
        for rest in every_cut(digits[at:], parts - 1):
            yield (digits[:at], *rest)


def _number(text: str, pad: int = 0) -> int | None:
    """The value of a cell cut from a run, or None where the cut would give it a leading zero (in
    a padded table: where it is shorter than the padding, or longer with a leading zero)."""
    if pad:
        if len(text) < pad or (len(text) > pad and text[0] == "0"):
            return None
        return int(text)
    if not text or (text[0] == "0" and len(text) > 1):
        return None
    return int(text)


def _printed(value: int, pad: int) -> str:
    return str(value).zfill(pad) if pad else str(value)


def cut_groups(
    digits: str,
    groups: Sequence[int],
    joints: Sequence[int] = (),
    free: int = -1,
    most: int = MAX_CUTS,
    pad: int = 0,
) -> list[tuple[int, ...]] | None:
    """Every cut of ``digits`` into ``sum(groups)`` numbers such that each group of ``groups[i]``
    numbers ends in the sum of its others; None when the search ran out of budget or found more
    than ``most`` cuts (the run cannot be told). ``joints``: positions where the text had a
    separator (``310 000031``): a cut is made there, and no number spans one. ``free``: the
    index of a group whose numbers need not add up (a group whose printed total contradicts its
    parts: its cells are any cut; the other groups' sums still place them). ``pad``: the table
    prints its small figures padded to this many digits (``07``, ``00``)."""
    budget = [_BUDGET]
    found: list[tuple[int, ...]] = []
    # For each position, the nearest joint at or before it: a piece [a, b) spans a joint when the
    # nearest joint before b - 1 lies after a.
    last_joint = [-1] * (len(digits) + 1)
    marks = set(joints)
    for i in range(1, len(digits) + 1):
        last_joint[i] = i if i in marks else last_joint[i - 1]
    span = _Spans(last_joint, pad)
    for values in _cut(digits, tuple(groups), budget, span, free):
        found.append(values)
        if len(found) > most:
            return None
    if budget[0] < 0:
        return None
    return found


class _Spans:
    """Whether a piece of the run would cross a separator the text printed."""

    def __init__(self, last_joint: list[int], pad: int = 0) -> None:
        self.last_joint = last_joint
        self.any = any(j > 0 for j in last_joint)
        self.pad = pad  # carried along with the separators: the table's figure padding

    def crosses(self, start: int, end: int) -> bool:
        return self.any and self.last_joint[end - 1] > start


def _cut(
    digits: str, groups: tuple[int, ...], budget: list[int], span: _Spans, free: int = -1
) -> Iterator[tuple[int, ...]]:
    if not groups:
        if not digits:
            yield ()
        return
    size = groups[-1]
    before = groups[:-1]
    least = sum(before) * max(span.pad, 1)  # every earlier cell takes at least one digit (pad digits)
    end = len(digits)
    if len(before) == free:
        for parts, rest in _any_parts(digits, size, least, budget, span):
            for earlier in _cut(rest, before, budget, span, free):
                yield (*earlier, *parts)
        return
    for length in range(1, end - least - (size - 1) + 1):
        if span.crosses(end - length, end):
            break
        total = _number(digits[end - length :], span.pad)
        if total is None:
            continue
        head = digits[: end - length]
        for parts, rest in _parts(head, size - 1, total, least, budget, span):
            for earlier in _cut(rest, before, budget, span, free):
                yield (*earlier, *parts, total)
        if budget[0] < 0:
            return


def _parts(
    digits: str, count: int, remaining: int, keep: int, budget: list[int], span: _Spans
) -> Iterator[tuple[tuple[int, ...], str]]:
    """Cut ``count`` numbers adding up to ``remaining`` off the right end of ``digits``, leaving at
    least ``keep`` digits for the cells before them: (the numbers, what is left)."""
    budget[0] -= 1
    if budget[0] < 0:
        return
    end = len(digits)
    if count == 1:
        text = _printed(remaining, span.pad)
        if digits.endswith(text) and end - len(text) >= keep and not span.crosses(end - len(text), end):
            yield (remaining,), digits[: end - len(text)]
        return
    longest = len(_printed(remaining, span.pad))
    for length in range(1, min(longest, end - keep - (count - 1)) + 1):
        if span.crosses(end - length, end):
            break
        value = _number(digits[end - length :], span.pad)
        if value is None or value > remaining:
            continue
        for parts, rest in _parts(digits[: end - length], count - 1, remaining - value, keep, budget, span):
            yield (*parts, value), rest


def _any_parts(
    digits: str, count: int, keep: int, budget: list[int], span: _Spans
) -> Iterator[tuple[tuple[int, ...], str]]:
    """Cut ``count`` numbers of any value off the right end of ``digits``, leaving at least
    ``keep`` digits: (the numbers, what is left)."""
    budget[0] -= 1
    if budget[0] < 0 or count == 0:
        if count == 0:
            yield (), digits
        return
    end = len(digits)
    for length in range(1, end - keep - (count - 1) + 1):
        if span.crosses(end - length, end):
            break
        value = _number(digits[end - length :], span.pad)
        if value is None:
            continue
        for parts, rest in _any_parts(digits[: end - length], count - 1, keep, budget, span):
            yield (*parts, value), rest


def cut_sparse(digits: str, width: int) -> list[tuple[int, ...]] | None:
    """The cuts of ``digits`` for a row of ``width`` cells ending in the sum of the others whose
    blank cells vanished from the text (a Word table leaves zero cells blank; a crawler that drops
    whitespace runs the printed cells together: ``18013184`` for ``180 1 · · · 3 184``): every cut
    into fewer than ``width`` numbers, at least two, whose last is the sum of the others (the
    numbers in printed order; which columns the blanks were is not in the run). None when a search
    ran out of budget or the cuts are too many to tell apart."""
    found: list[tuple[int, ...]] = []
    for count in range(2, min(width - 1, len(digits)) + 1):
        cuts = cut_groups(digits, (count,))
        if cuts is None:
            return None
        found.extend(cuts)
        if len(found) > MAX_CUTS:
            return None
    return found
