"""A Markdown table nested in a cell of another, flattened onto the outer row's line.

markdownify (and converters like it) write a page laid out as a table (a left nav beside the
article) as one pipe row whose article cell holds the article's own tables, their rows run
together on the line: ``| 行政复议 | | … | | --- | --- | … | --- | | 结果维持 | … | | 1 | 0 | …``.
The inner table's delimiter row (``| --- |`` once per column) then stands among its cells, read
as fifteen dash zeros ahead of table 四's real figures. A run of two or more delimiter cells with
other cells on a flattened line (40 pipes or more: a table's own row has a score at most) is that
delimiter row: it is taken off (a separator line of its own, only delimiter cells, is the Markdown
table's and left to the pipe reader; a row printing its zeros as ``---`` is never that long).
"""

from __future__ import annotations

import re

from gongkai.ingest.line_kinds import PIPE_SEPARATOR

# two or more delimiter cells in a row (``| --- | :---: |``): each starts with ``| `` so the
# repetition cannot split one cell two ways (linear)
_DELIMITER_RUN = re.compile(r"\|[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+(?=\|)")


_FLATTENED = 40  # pipes on a line holding a whole table's rows


def nested_delimiters_cut(lines: list[str]) -> list[str]:
    """``lines`` with every inner delimiter run taken off the lines that hold other cells too."""
    out = lines
    for i, line in enumerate(lines):
        if "---" not in line or line.count("|") < _FLATTENED or PIPE_SEPARATOR.match(line):
            continue  # the usual case: no delimiter, or the table's own separator line
        cut = _DELIMITER_RUN.sub("", line)
        if cut != line and cut.replace("|", "").strip():
            if out is lines:
                out = list(lines)
            out[i] = cut
    return out
