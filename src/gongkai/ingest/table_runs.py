"""Where a run of a table's lines ends: blank lines, cells set on lines of their own and row
labels wrapped onto lines of their own belong to it."""

from __future__ import annotations

from collections.abc import Callable

from gongkai.ingest.line_kinds import is_empty, is_heading, is_spacer
from gongkai.ingest.numbers import parse_cell


def segment_end(
    lines: list[str],
    start: int,
    member: object,
    inside: Callable[[str], bool] | None = None,
    beside: Callable[[str], bool] | None = None,
    wrapped_most: int = 3,
) -> int:
    """The end of a run of table lines; blank lines inside the run belong to it, lines
    ``inside`` says may stand between its rows (a cell a converter set on a line of its own), and
    lines ``beside`` says may follow a row of it (blank lines between)."""
    test = member if callable(member) else None
    assert test is not None
    end = start + 1
    last = start
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if test(line) and not is_heading(line):
            last = i
        elif (
            inside is not None and inside(line) and ((i + 1 < len(lines) and test(lines[i + 1])) or test(lines[i - 1]))
        ):
            last = i  # kept when a row of the table is next to it
        elif beside is not None and beside(line) and test(lines[_previous_filled(lines, i)]):
            last = i  # a row printed without pipes right under the table
        elif not (is_empty(line) or is_spacer(line)):
            wrapped = _wrapped_label_lines(lines, i, test, inside, wrapped_most)
            if not wrapped:
                break
            i += wrapped
            continue
        i += 1
    end = last + 1
    return end


def _previous_filled(lines: list[str], i: int) -> int:
    """The last line before ``i`` that holds something (``i - 1`` when none does)."""
    j = i - 1
    while j > 0 and is_empty(lines[j]):
        j -= 1
    return j


_MAX_WRAPPED = 3  # a long row label wraps onto at most this many lines of its own


MAX_WRAPPED_PIECE = 40


# Lines between two rows of a pipe table a converter pulled out of a Word table's narrow label
# column (the end of one row's label, a group heading's pieces, the start of the next row's
# label: ``量反复`` / ``申请`` / ``5.要求行`` / ``政机关`` / ``确认或``), a page break's empty
# lines among them.
MAX_WRAPPED_PIPE = 8


_MAX_PIPE_PIECE = 12


def _wrapped_label_lines(
    lines: list[str],
    i: int,
    member: Callable[[str], bool],
    inside: Callable[[str], bool] | None = None,
    most: int = _MAX_WRAPPED,
) -> int:
    """How many lines from ``i`` are pieces of a row label a web page or Word wrapped onto lines
    of their own inside a tab table (``（二）部分公开（区分处理的，`` then ``只计这一情形…\t22\t0…``):
    short, not a heading, not a sentence, and followed by a row of the table. 0 if not that.
    ``most`` beyond ``_MAX_WRAPPED`` (pipe tables): up to that many pieces of a dozen
    characters at most, empty lines between them not counted."""
    count = 0
    pieces = 0
    while i + count < len(lines) and pieces <= most:
        text = lines[i + count].strip()
        if member(lines[i + count]) and not is_heading(lines[i + count]):
            return count
        if inside is not None and inside(lines[i + count]):
            count += 1  # a cell set on a line of its own beside the wrapped label
            pieces += 1
            continue
        if most > _MAX_WRAPPED and count and (is_empty(lines[i + count]) or is_spacer(lines[i + count])):
            count += 1
            continue
        if pieces >= _MAX_WRAPPED and len(text) > _MAX_PIPE_PIECE:
            return 0
        if (
            not text
            or len(text) > MAX_WRAPPED_PIECE
            or is_heading(text)
            or text.endswith(("。", "；", ";"))
            or parse_cell(text).is_value
        ):
            return 0
        count += 1
        pieces += 1
    return 0
