"""Running headers and footers in the text of a PDF (``pdftotext`` ends each page with a form
feed): the portal's name, the page's title and its print date, repeated at the edge of every
page. Inside a table that the page cuts, such a line stands between two rows and takes the
next row's place; it is no part of the report, so it is blanked before tables are read."""

from __future__ import annotations

import re

from gongkai.ingest.vocabulary import is_table_label

_SPACE = re.compile(r"\s+")
_GAP = re.compile(r"\S\s{2,}\S")  # a laid-out table row: cells apart by runs of blanks
_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be furniture


def blank_running_lines(lines: list[str]) -> list[str]:
    """``lines`` with every line that stands at the edge of two pages or more (and of half the
    pages at least) blanked there; a page break (a line starting with a form feed) is kept. The
    first page's top is kept as printed: the report's own title may stand there."""
    pages = _pages(lines)
    if len(pages) < 2:
        return lines
    seen: dict[str, int] = {}
    edges: list[list[tuple[int, str]]] = []
    for start, end in pages:
        filled = [i for i in range(start, end) if lines[i].strip()]
        here = [(i, _key(lines[i])) for i in filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]]
        here = [(i, key) for i, key in dict(here).items() if _furniture_like(lines[i])]
        edges.append(here)
        for key in {key for _, key in here}:
            seen[key] = seen.get(key, 0) + 1
    running = {key for key, n in seen.items() if n >= 2 and n * 2 >= len(pages)}
    if not running:
        return lines
    out = list(lines)
    title_place = next((i for i, line in enumerate(lines) if line.strip()), -1)
    for here in edges:
        for i, key in here:
            if key in running and i != title_place:
                out[i] = "\f" if lines[i].startswith("\f") else ""
    return out


def _pages(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, line after the last) of each page."""
    starts = [0] + [i for i, line in enumerate(lines) if i and line[:1] == "\f"]
    return list(zip(starts, [*starts[1:], len(lines)], strict=True))


def _key(line: str) -> str:
    return _SPACE.sub("", line.lstrip("\f"))


def _furniture_like(line: str) -> bool:
    """Words, not a laid-out table row, a table's label (a header row Word repeats on every page
    the table runs over) or a lone page number (read elsewhere)."""
    text = line.strip().lstrip("\f").strip()
    return len(_key(text)) >= 6 and not text.isdigit() and not _GAP.search(text) and not is_table_label(text)
