"""Raw HTML tables inside a Markdown or text dump: the HTML reader reads the tables, the text
reader the lines around them, line numbers counted from the file's start."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from gongkai.ingest.document import Block, Cell, Document, TableBlock, TextBlock, UnreadableFile
from gongkai.ingest.text_blocks import blocks_of_lines

_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)


def with_html_tables(path: Path, lines: list[str]) -> Iterator[Block]:
    """Markdown (and text) dumps often keep a complex table as raw HTML: the HTML reader reads
    those tables, this reader the lines around them."""
    try:
        from gongkai.ingest.html import read_html
    except ImportError:  # the HTML reader is not there: read the markup as text
        yield from blocks_of_lines(lines)
        return
    text = "\n".join(lines)
    done = 0
    for match in _HTML_TABLE.finditer(text):
        before = text[done : match.start()]
        first_line = text.count("\n", 0, match.start())
        yield from _blocks_from(before, text.count("\n", 0, done))
        try:
            fragment = read_html(path, match.group().encode("utf-8"))
        except UnreadableFile:
            fragment = Document(str(path), "html")
        at = f"line {first_line + 1}"
        for table in fragment.tables:
            rows = [[Cell(c.text, f"{at} {c.where}", c.rowspan, c.colspan) for c in row] for row in table.rows]
            yield TableBlock(rows, f"{at} {table.where}")
        done = match.end()
    yield from _blocks_from(text[done:], text.count("\n", 0, done))


def _blocks_from(text: str, offset: int) -> Iterator[Block]:
    """``blocks_of_lines`` on a piece of the file, with line numbers counted from the file's start."""
    for block in blocks_of_lines(text.split("\n")):
        if isinstance(block, TextBlock):
            block.where = _shift(block.where, offset)
        else:
            block.where = _shift(block.where, offset)
            block.rows = [
                [Cell(c.text, _shift(c.where, offset), c.rowspan, c.colspan) for c in row] for row in block.rows
            ]
        yield block


def _shift(where: str, offset: int) -> str:
    return re.sub(r"\d+", lambda m: str(int(m.group()) + offset), where, count=2) if offset else where
