"""The bounds every search over whole tables (``table_search``) starts from: ``Frame``."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkai.ingest.row_reading import Reading, Value
    from gongkai.ingest.table_choice import Terms


class Frame:
    """What every search over whole tables starts from: per equation, what the rows read as
    printed add (``fixed``); the equations still open (``live``: every row present, some open);
    each open row's readings as their terms in those (``terms[k][option]``, inf where a reading
    cannot break it) and the open rows in each (``rows_in``); and the bounds that strike out
    readings (``prune``)."""

    def __init__(
        self,
        options: dict[Hashable, list[Reading]],
        open_rows: list[Hashable],
        base: dict[Hashable, tuple[Value, ...]],
        bound: Terms,
    ) -> None:
        self.fixed = fixed_sums(base, bound)
        present = set(base) | set(open_rows)
        self.live = [
            e
            for e, rows in enumerate(bound.parts())
            if all(row in present for row in rows)
            and self.fixed.get(e, 0.0) != math.inf
            and any(r in options for r in rows)
        ]
        live_set = set(self.live)
        self.keys = list(open_rows)
        self.terms = [
            [{e: d for e, d in bound.terms(key, r.values).items() if e in live_set} for r in options[key]]
            for key in self.keys
        ]
        self.rows_in = {e: [k for k in range(len(self.keys)) if e in self.terms[k][0]] for e in self.live}
        # A row's least and most in an equation, by the row's list of readings left: lists are
        # replaced, never changed, so an unchanged list's extent is the one computed before.
        self._spans: dict[tuple[int, int], tuple[list[int], float, float]] = {}

    def prune(self, domains: list[list[int]], spend: Callable[[int], None]) -> bool:
        """Strike out the readings no completion can keep (``domains[k]``: row k's readings left,
        replaced when narrowed); False when an equation cannot hold. ``spend`` is told the rows
        weighed, and raises when the caller's budget is gone."""
        inf = math.inf
        terms, spans = self.terms, self._spans
        changed = True
        while changed:
            changed = False
            for e in self.live:
                rows = self.rows_in[e]
                spend(len(rows))
                low = high = self.fixed.get(e, 0.0)
                extents = []
                for k in rows:
                    domain = domains[k]
                    cached = spans.get((k, e))
                    if cached is not None and cached[0] is domain:
                        a, b = cached[1], cached[2]
                    else:
                        values = [terms[k][o][e] for o in domain]
                        a = -inf if inf in values else min(values)
                        b = max(values)
                        spans[(k, e)] = (domain, a, b)  # holds the list: its identity is the key
                    extents.append((a, b))
                    low += a
                    high += b
                if low == -inf and high == inf:
                    continue  # a row that cannot break it: it holds whatever the others read
                if low > 0 or high < 0:
                    return False
                for k, (a, b) in zip(rows, extents, strict=True):
                    if len(domains[k]) == 1 or a == -inf or b == inf:
                        continue
                    others_low, others_high = low - a, high - b
                    if a >= -others_high and b <= -others_low:
                        continue  # every reading of the row leaves the equation a way to hold
                    kept = [o for o in domains[k] if others_low + terms[k][o][e] <= 0 <= others_high + terms[k][o][e]]
                    if len(kept) != len(domains[k]):
                        if not kept:
                            return False
                        domains[k] = kept
                        changed = True
        return True


def fixed_sums(base: dict[Hashable, tuple[Value, ...]], bound: Terms) -> dict[int, float]:
    """Per equation, what the rows read as printed add."""
    fixed: dict[int, float] = {}
    for key, values in base.items():
        for e, d in bound.terms(key, values).items():
            fixed[e] = fixed.get(e, 0.0) + d
    return fixed
