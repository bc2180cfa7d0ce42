"""The lines of a text dump cut into blocks: tab tables, pipe tables, and runs of plain lines."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.ingest.document import Block, TableBlock
from gongkai.ingest.line_kinds import PIPE_SEPARATOR, is_empty, is_heading, is_pipe, is_tab
from gongkai.ingest.pipe_paragraphs import holds_width, paragraph_rows, row_width
from gongkai.ingest.pipe_tables import active_row_line, pipe_table
from gongkai.ingest.pipes import (
    lone_figures,
)
from gongkai.ingest.plain_lines import plain_blocks
from gongkai.ingest.tab_tables import tab_table
from gongkai.ingest.table_runs import MAX_WRAPPED_PIPE, segment_end


def emptied_lines(printed: list[str], joined: list[str]) -> frozenset[int]:
    """The lines (0-based) that held text in ``printed`` and none once a converter's wrapped
    pieces were ``joined`` into their rows: empty now, but not the empty line a converter joins
    pages with."""
    if len(printed) != len(joined):
        return frozenset()
    return frozenset(k for k, (a, b) in enumerate(zip(printed, joined, strict=True)) if a.strip() and not b.strip())


def blocks_of_lines(lines: list[str], joined: frozenset[int] = frozenset()) -> Iterator[Block]:
    """``joined``: lines emptied by joining wrapped pieces into their rows (``emptied_lines``)."""
    i, n = 0, len(lines)
    plain_start = 0
    pipes = "|" in "".join(lines)  # no line is a pipe row (is_pipe) without one
    last_pipe_end: int | None = None  # where the previous pipe table ended
    last_table: TableBlock | None = None  # the previous pipe table's last block
    while i < n:
        line = lines[i]
        if is_tab(line) and not is_heading(line):
            yield from plain_blocks(lines, plain_start, i)
            end = segment_end(lines, i, is_tab)
            yield from tab_table(lines, i, end)
            i = plain_start = end
        elif pipes and is_pipe(line):
            end = segment_end(
                lines,
                i,
                lambda s: is_pipe(s) or bool(PIPE_SEPARATOR.match(s)),
                lone_figures,
                beside=active_row_line,
                wrapped_most=MAX_WRAPPED_PIPE,
            )
            width = row_width(last_table.rows) if last_table is not None else 0
            if width and holds_width(lines, i, end, width):
                # Between two pieces of a wide table: a piece a converter set as a paragraph.
                yield from _plain_with_rows(lines, plain_start, i, width)
            else:
                yield from plain_blocks(lines, plain_start, i)
            # An empty line since the previous pipe table: where the converter joined two pages
            # between tables (the rows after it stand on the next page's grid).
            before = (
                tuple(k + 1 for k in range(last_pipe_end, i) if is_empty(lines[k]) and k not in joined)
                if last_pipe_end is not None
                else ()
            )
            for block in pipe_table(lines, i, end, joined, before):
                if isinstance(block, TableBlock):
                    last_table = block
                yield block
            i = plain_start = last_pipe_end = end
        else:
            i += 1
    yield from plain_blocks(lines, plain_start, n)


def _plain_with_rows(lines: list[str], start: int, end: int, width: int) -> Iterator[Block]:
    """``plain_blocks`` of ``lines[start:end]``, each paragraph line that is rows of the table
    ``width`` figures wide around it (``paragraph_rows``) read as those rows."""
    at = start
    for k in range(start, end):
        block = paragraph_rows(lines[k], k, width)
        if block is not None:
            yield from plain_blocks(lines, at, k)
            yield block
            at = k + 1
    yield from plain_blocks(lines, at, end)
