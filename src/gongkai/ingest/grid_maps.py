"""The maps of a table's columns onto the cells of a page grid (``page_grid``): a depth-first
search over monotone maps, bounded so a line of hundreds of cells (a converter that ran a page's
cells onto one line, or a line of pipes alone) is given up in a bounded time, never searched for
minutes: a branch that cannot give every remaining cell that prints figures its columns is cut
(it could find no map), and a search that visits too many branches is given up as one that finds
too many maps is (the page is not read as a grid; its cells stay for the other readers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkai.ingest.page_grid import GridRow

MAX_MAPS = 2_000  # maps of one page's cells to enumerate
_MAX_STEPS = 50_000  # branches of one search to visit (a page of a real table needs a few hundred)


class _Search:
    """One search's fixed terms and what it found (a class, not a closure: a recursive closure
    refers to itself, a cycle only the garbage collector frees)."""

    def __init__(
        self, need: list[int], width: int, n: int, fixed: dict[int, int], only: dict[int, frozenset[int]]
    ) -> None:
        self.need, self.width, self.n, self.fixed, self.only = need, width, n, fixed, only
        # ``after[c]``: the fewest columns the cells right of cell ``c`` take (each the most
        # figures a row prints in it; the last cell at least the total's column).
        self.after = [0] * (width + 1)
        for cell in range(width - 1, -1, -1):
            self.after[cell] = self.after[cell + 1] + (max(need[width], 1) if cell + 1 == width else need[cell + 1])
        self.found: list[tuple[int, ...]] = []
        self.steps = 0

    def extend(self, taken: list[int], held: int) -> None:
        """``taken``: the cell of each column so far; ``held``: how many of them the last one holds."""
        self.steps += 1
        if len(self.found) > MAX_MAPS or self.steps > _MAX_STEPS:
            return
        need, width, n, fixed, only = self.need, self.width, self.n, self.fixed, self.only
        last = taken[-1] if taken else 0
        if len(taken) == n - 1:
            held_last = held + (last == width)
            if (
                (
                    (last == width and held_last >= need[width])
                    or (last < width and held >= need[last] and all(need[c] == 0 for c in range(last + 1, width)))
                )
                and (last == width or need[width] <= 1)
                and n - 1 in only.get(width, {n - 1})
            ):
                self.found.append((*taken, width))
            return
        for here in range(max(last, 1), width + 1):
            if here < fixed.get(len(taken), 0) or len(taken) not in only.get(here, {len(taken)}):
                continue
            if here != last and ((last and held < need[last]) or any(need[c] for c in range(max(last + 1, 1), here))):
                continue
            holds = held + 1 if here == last else 1
            if max(need[here] - holds, 0) + self.after[here] > n - len(taken) - 1:
                continue  # too few columns left for the cells from here on: no map down this branch
            taken.append(here)
            self.extend(taken, holds)
            taken.pop()


def maps(
    page: Sequence[GridRow], n: int, fixed: dict[int, int] | None = None, only: dict[int, frozenset[int]] | None = None
) -> list[tuple[int, ...]]:
    """Every monotone map of ``n`` columns to the page's cells (column → cell number), the last
    column (the total) in the last cell, that gives each cell at least as many columns as any
    row prints figures in it, and puts no column of ``fixed`` (a header's titles) in a cell
    before its title's: a title is wider than its column's figures, so where both are centred
    or set flush right in their column the title starts left of them, never right; nor any
    column in a cell of ``only`` (a header cell printing two or more titles and nothing else)
    that is not one of its titles'. Empty when there are more than ``MAX_MAPS``, or the search
    visits more than ``_MAX_STEPS`` branches (a line of hundreds of cells)."""
    width = page[0].width
    need = [0] * (width + 1)
    for row in page:
        for cell, figures in row.cells:
            need[cell] = max(need[cell], len(figures))
    if sum(need) > n:
        return []
    search = _Search(need, width, n, fixed or {}, only or {})
    search.extend([], 0)
    return search.found if len(search.found) <= MAX_MAPS and search.steps <= _MAX_STEPS else []
