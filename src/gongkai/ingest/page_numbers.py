"""Page numbers in text with page breaks (``pdftotext``): a lone figure ending each page, or
``k / n`` at page edges, told apart from a table's cells that happen to stand there."""

from __future__ import annotations

import re


def drop_page_numbers(lines: list[str]) -> list[str]:
    """Blank a page's number: a lone small figure as the last line before a page break (a line
    starting with a form feed, as ``pdftotext`` ends pages) or at the end of the file, in a
    document whose pages are numbered; read as a cell, it would be one figure too many for the
    table row above it."""
    breaks = [i for i, line in enumerate(lines) if line[:1] == "\f"]
    if not breaks:
        return lines
    out = list(lines)
    breaks.append(len(out))
    found: list[tuple[int, int]] = []  # (line, page the figure ends: 1, 2 …)
    totals: set[int] = set()  # figures right after a 总计 label: that cell, whatever they count
    begins = 0
    for page, at in enumerate(breaks, start=1):
        i = at - 1
        while i >= 0 and not out[i].strip():
            i -= 1
        if i >= 0 and out[i].strip().isdigit() and len(out[i].strip()) <= 3:
            found.append((i, page))
            j = i - 1
            while j >= 0 and not out[j].strip():
                j -= 1
            figure = out[i].strip()
            if (
                j >= 0
                and out[j].strip().lstrip("\f").endswith(("总计", "合计"))
                and any(out[k].strip() == figure for k in range(begins, j))
            ):
                # a figure under a 总计 header ending the page is that cell (table 四's last one)
                # when the page prints the same figure alone elsewhere: its number, come out of
                # the flow inside the table
                totals.add(i)
        begins = at
    # Page numbers count the pages: one offset from the page's place for all of them (a first
    # page unnumbered, a cover). Figures ending pages that do not count them are table cells (a
    # table's last column printed as a block at a page's foot), not page numbers.
    # And they stand on most pages: two figures that happen to run on (13 and 14 ending pages 4
    # and 5 of a table's column block) are not a numbering.
    # And a numbering runs to the last page: figures 2 and 3 ending pages 2 and 3 of four whose
    # last page ends in text are a table's cells that happen to match (its last column's foot).
    offsets = {int(out[i].strip()) - page for i, page in found}
    numbered = found[-1][1] == len(breaks) if found else False
    if numbered and len(offsets) == 1 and len(found) * 2 >= len(breaks) and (len(found) > 1 or offsets == {0}):
        for i, _ in found:
            if i not in totals:
                out[i] = ""
    return out


SLASHED = re.compile(r"^\s*\d{1,4}\s+/\s+\d{1,4}\s*$")  # 13 / 389: page 13 of 389, or three cells


def at_page_edge(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is the first or the last of its page (where page numbers stand)."""
    if lines[i][:1] == "\f":
        return True
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j >= len(lines) or lines[j][:1] == "\f"


def slashes_number_pages(lines: list[str]) -> bool:
    """Whether the "k / n" lines at page edges number the pages: they stand on at least half of
    them (a browser's page footer prints one on every page). One such line on one page of three is
    a table's cells that happen to meet a page break (法律服务机构 1, 其他 /, 总计 3)."""
    pages = 1 + sum(1 for line in lines if line[:1] == "\f")
    found = sum(1 for i, line in enumerate(lines) if SLASHED.match(line.lstrip("\f")) and at_page_edge(lines, i))
    return found * 2 >= pages
