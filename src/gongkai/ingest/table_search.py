"""Which readings of each row some consistent table uses: a search over whole tables by layers.

A table whose blank cells vanished from its text (a Word table that leaves zero cells blank, read
as a crawler's page text) gives most rows many readings: the cuts of a run of digits, times the
columns its figures may stand in. Only the table's equations (each column's outcomes add up to
总计, the first two rows balance the last two) choose among them, and where two rows may swap
figures between two columns without breaking a sum, nothing chooses: those cells are unknown.

Trying every combination is out of the question (ten readings for each of twenty rows), and even
listing every consistent table can be (swaps multiply). What the reader needs is less: for each
row, the readings that take part in at least one consistent table of least cost. Those are found
as paths through layers, a layer per open row: a state is what the rows so far add to each
equation still open (the others are closed and hold), so that two partial tables that leave the
same sums behind merge into one state however their rows were read. A forward sweep keeps the
states from which the rest of the table can still balance (each open equation's remaining rows
bound what it can still take), a backward sweep the least cost from each state to a complete
table; a reading is supported where it joins a state the forward sweep reached at least cost to
one from which the rest completes at least cost. Cells on which all of a row's supported readings
agree are decided; the others are not, their readings kept as the alternatives.

The search is bounded by the states it may keep (``_MAX_STATES``): past that it gives up (None),
and the caller falls back to its other searches.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gongkai.ingest.table_frame import Frame, fixed_sums

if TYPE_CHECKING:
    from gongkai.ingest.row_reading import Reading, Value
    from gongkai.ingest.table_choice import Terms

_MAX_STATES = 10_000  # states over all layers the search may keep (bounds its time and memory)
_MAX_EDGES = 50_000  # readings tried from those states

Cost = tuple[int, int]


def supported_readings(
    options: dict[Hashable, list[Reading]],
    open_rows: list[Hashable],
    base: dict[Hashable, tuple[Value, ...]],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Terms,
) -> list[tuple[Reading, ...]] | None:
    """The readings of the open rows that some consistent table of least cost uses, in the shape
    ``choose`` weighs winners: the first tuple one such table (each row's cheapest supported
    reading), then one tuple per other supported reading of a row (that row's reading swapped in,
    the rest as in the first; such a tuple need not balance by itself: only the rows' readings
    matter to the caller, which leaves the cells they disagree on unknown). None when no table
    keeps every equation, or the search would keep too many states."""
    inf = math.inf
    present = set(base) | set(open_rows)
    fixed = fixed_sums(base, bound)
    position = {key: k for k, key in enumerate(open_rows)}
    live: list[int] = []
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for e, rows in enumerate(bound.parts()):
        if not all(row in present for row in rows) or fixed.get(e, 0.0) == inf:
            continue
        at = [position[r] for r in rows if r in position]
        if not at:
            continue
        live.append(e)
        first[e], last[e] = min(at), max(at)
    count = len(open_rows)
    # Each row's readings as their terms in the live equations (0 where the row takes no part).
    terms: list[list[dict[int, float]]] = []
    for key in open_rows:
        found = []
        for reading in options[key]:
            t = bound.terms(key, reading.values)
            found.append({e: t[e] for e in live if e in t})
        terms.append(found)
    # What the rows from layer k on can still add to each equation, least and most.
    low_after: list[dict[int, float]] = [{} for _ in range(count + 1)]
    high_after: list[dict[int, float]] = [{} for _ in range(count + 1)]
    for k in range(count - 1, -1, -1):
        lows, highs = dict(low_after[k + 1]), dict(high_after[k + 1])
        for e in live:
            if first[e] > k or last[e] < k:
                continue
            amounts = [t.get(e, 0.0) for t in terms[k]]
            a = -inf if inf in amounts else min(amounts)
            b = max(amounts)
            lows[e] = lows.get(e, 0.0) + a
            highs[e] = highs.get(e, 0.0) + b
        low_after[k], high_after[k] = lows, highs
    # The equations open between layer k - 1 and layer k (a state's coordinates there).
    opened: list[tuple[int, ...]] = [tuple(e for e in live if first[e] < k <= last[e]) for k in range(count + 1)]
    costs = [[(r.cost, r.tail) for r in options[key]] for key in open_rows]

    # Forward: the states of each layer that can still complete, with their least cost so far.
    layers: list[dict[tuple[float, ...], Cost]] = [{(): (0, 0)}]
    edges: list[list[tuple[tuple[float, ...], int, tuple[float, ...]]]] = []
    kept = 1
    tried = 0
    for k in range(count):
        before, after = opened[k], opened[k + 1]
        starting = [e for e in live if first[e] == k]
        closing = [e for e in live if last[e] == k]
        lows, highs = low_after[k + 1], high_after[k + 1]
        nxt: dict[tuple[float, ...], Cost] = {}
        step: list[tuple[tuple[float, ...], int, tuple[float, ...]]] = []
        for state, so_far in layers[k].items():
            sums = dict(zip(before, state, strict=True))
            for e in starting:
                sums[e] = fixed.get(e, 0.0)
            for o, t in enumerate(terms[k]):
                tried += 1
                if tried > _MAX_EDGES:
                    return None
                ok = True
                moved: dict[int, float] = {}
                for e in (*before, *starting):
                    value = sums[e] + t.get(e, 0.0)
                    moved[e] = value
                    if value == inf:
                        continue
                    if e in closing:
                        if value != 0:
                            ok = False
                            break
                    elif value + lows.get(e, 0.0) > 0 or value + highs.get(e, 0.0) < 0:
                        ok = False
                        break
                if not ok:
                    continue
                target = tuple(moved[e] for e in after)
                cost = (so_far[0] + costs[k][o][0], so_far[1] + costs[k][o][1])
                known = nxt.get(target)
                if known is None:
                    kept += 1
                    if kept > _MAX_STATES:
                        return None
                    nxt[target] = cost
                elif cost < known:
                    nxt[target] = cost
                step.append((state, o, target))
        if not nxt:
            return None
        layers.append(nxt)
        edges.append(step)
    # Backward: the least cost from each state to a complete table.
    rest: list[dict[tuple[float, ...], Cost]] = [{} for _ in range(count + 1)]
    rest[count] = {(): (0, 0)}
    for k in range(count - 1, -1, -1):
        for state, o, target in edges[k]:
            tail = rest[k + 1].get(target)
            if tail is None:
                continue
            cost = (tail[0] + costs[k][o][0], tail[1] + costs[k][o][1])
            known = rest[k].get(state)
            if known is None or cost < known:
                rest[k][state] = cost
    best = rest[0].get(())
    if best is None:
        return None
    supported: list[list[int]] = []
    path: list[int] = []
    reached: tuple[float, ...] = ()
    for k in range(count):
        mine: dict[int, None] = {}
        for here, o, target in edges[k]:
            tail = rest[k + 1].get(target)
            if tail is None:
                continue
            head = layers[k][here]
            total = (head[0] + costs[k][o][0] + tail[0], head[1] + costs[k][o][1] + tail[1])
            if total == best:
                mine[o] = None
        supported.append(sorted(mine, key=costs[k].__getitem__))
        # One complete table of least cost: follow the cheapest edge on from the state reached.
        step_cost = None
        chosen = None
        for here, o, target in edges[k]:
            if here != reached or target not in rest[k + 1]:
                continue
            head = layers[k][here]
            tail = rest[k + 1][target]
            total = (head[0] + costs[k][o][0] + tail[0], head[1] + costs[k][o][1] + tail[1])
            if total == best and (step_cost is None or costs[k][o] < step_cost):
                step_cost, chosen = costs[k][o], (o, target)
        if chosen is None:
            return None  # cannot happen: a least-cost table passes through every layer
        path.append(chosen[0])
        reached = chosen[1]
    first_table = tuple(options[key][o] for key, o in zip(open_rows, path, strict=True))
    table = dict(base)
    table.update({key: r.values for key, r in zip(open_rows, first_table, strict=True)})
    if failures(table):
        return None  # equations the search did not see (a caller's own rule) break: not ours to choose
    winners = [first_table]
    for k, key in enumerate(open_rows):
        for o in supported[k]:
            if o != path[k]:
                winners.append((*first_table[:k], options[key][o], *first_table[k + 1 :]))
    return winners


_WITNESS_NODES = 6_000  # partial tables the search for witnesses may try, over all its searches
_WITNESS_WORK = 1_500_000  # rows of equations it may weigh


_TAIL_SCALE = 10_000  # a reading's cost outweighs any count of trailing blanks


class _OutOfBudget(Exception):
    """A search spent its budget of nodes or work (both searches below)."""


def witnessed_readings(
    options: dict[Hashable, list[Reading]],
    open_rows: list[Hashable],
    base: dict[Hashable, tuple[Value, ...]],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Terms,
) -> list[tuple[Reading, ...]] | None:
    """``supported_readings`` found another way: first the least cost of a consistent table (one
    found, then a cheaper one sought until there is none), then a reading is supported when a
    consistent table of that cost holding it is found (its witness), every reading of that table
    with it; it is not when the search for one, with that reading fixed, finds none. Where swaps
    abound (many consistent tables) witnesses come fast and each covers a reading in every row;
    where the sums are tight, the bounds strike readings out before any search. [] where no
    table is consistent (the report contradicts itself), None where the search ran out."""
    frame = Frame(options, open_rows, base, bound)
    keys = frame.keys
    # A reading's cost, its trailing blanks after: one number orders tables as ``choose`` does.
    price = [[r.cost * _TAIL_SCALE + r.tail for r in options[key]] for key in keys]
    budget = [_WITNESS_NODES, _WITNESS_WORK]
    ceiling = [0]  # the cost a table may have: the least a consistent table has, once known

    def spend(rows: int) -> None:
        budget[1] -= rows
        if budget[1] < 0:
            raise _OutOfBudget

    covered: list[set[int]] = [set() for _ in keys]
    witnessing = _Witnessing(frame, price, covered, budget, ceiling, spend)

    try:
        start = [list(range(len(options[key]))) for key in keys]
        if not frame.prune(start, spend):
            return []
        # The least cost of a consistent table: find one, then one cheaper, until none is.
        least = sum(min(row) for row in price)
        ceiling[0] = sum(max(row) for row in price)
        first_table: tuple[int, ...] | None = None
        while True:
            found = _witness(witnessing, list(start))
            if found is None:
                break
            first_table = found
            ceiling[0] = sum(price[k][o] for k, o in enumerate(found)) - 1
            if ceiling[0] < least:
                break
        if first_table is None:
            return []
        ceiling[0] = sum(price[k][o] for k, o in enumerate(first_table))
        for j, p in enumerate(first_table):
            covered[j].add(p)
        for k in range(len(keys)):
            for o in list(start[k]):
                if o in covered[k] or price[k][o] > ceiling[0] - least + min(price[k]):
                    continue
                trial = list(start)
                trial[k] = [o]
                found = _witness(witnessing, trial)
                if found is None:
                    continue
                for j, p in enumerate(found):
                    covered[j].add(p)
    except _OutOfBudget:
        return None
    chosen = tuple(options[key][o] for key, o in zip(keys, first_table, strict=True))
    table = dict(base)
    table.update({key: r.values for key, r in zip(keys, chosen, strict=True)})
    if failures(table):
        return []  # equations the search did not see (a caller's own rule) break: not ours to choose
    winners = [chosen]
    for k, key in enumerate(keys):
        for o in sorted(covered[k]):
            if o != first_table[k]:
                winners.append((*chosen[:k], options[key][o], *chosen[k + 1 :]))
    return winners


_SEARCH_NODES = 2_000  # partial tables the search may try before giving up
_SEARCH_WORK = 500_000  # rows of equations it may weigh (bounds its time on any table)
_MAX_WINNERS = 64


def best_tables(
    options: dict[Hashable, list[Reading]],
    open_rows: list[Hashable],
    base: dict[Hashable, tuple[Value, ...]],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Terms,
) -> list[tuple[Reading, ...]] | None:
    """Every combination of readings under which the table breaks no equation, cheapest first,
    found by a search rather than by trying every combination: each equation bounds what its open
    rows may still add (the least and most of their remaining readings), a row's reading that
    leaves some equation no way to hold is struck out, and so on until nothing changes; then the
    row with the fewest readings left is tried reading by reading. Where the cheapest consistent
    combinations disagree they are all returned: a swap between two rows that keeps every sum
    leaves both rows in doubt, which trying one row at a time cannot see. None when no
    combination keeps every equation (the report contradicts itself: the caller's search for the
    fewest broken equations takes over), or the search ran out of budget or found too many ties."""
    frame = Frame(options, open_rows, base, bound)
    keys = frame.keys
    costs = [[r.cost for r in options[key]] for key in keys]
    tails = [[r.tail for r in options[key]] for key in keys]
    found: list[tuple[int, int, tuple[int, ...]]] = []
    nodes = [0]
    work = [_SEARCH_WORK]

    def spend(rows: int) -> None:
        work[0] -= rows
        if work[0] < 0:
            raise _OutOfBudget

    try:
        _cheapest(_Cheapest(frame, costs, tails, found, nodes, spend), [list(range(len(options[key]))) for key in keys])
    except _OutOfBudget:
        return None
    if not found:
        return None
    winners = [tuple(options[key][o] for key, o in zip(keys, picked, strict=True)) for _, _, picked in found]
    table = dict(base)
    table.update({key: r.values for key, r in zip(keys, winners[0], strict=True)})
    if failures(table):
        return None  # equations the search did not see (a caller's own rule) break: not ours to choose
    return winners


@dataclass(frozen=True)
class _Witnessing:
    """``witnessed_readings``' search: the bounds, each reading's price, the readings a witness
    holds, and its budget (a module function with its state passed, not a recursive closure: a
    closure calling itself is a reference cycle left for the cyclic collector on every call)."""

    frame: Frame
    price: list[list[int]]
    covered: list[set[int]]
    budget: list[int]  # nodes left, then rows' work left
    ceiling: list[int]  # the cost a table may have
    spend: Callable[[int], None]


def _witness(w: _Witnessing, domains: list[list[int]]) -> tuple[int, ...] | None:
    """A consistent table within ``domains`` of cost at most ``w.ceiling[0]``, readings no
    witness holds yet tried first; None where there is none."""
    price, covered = w.price, w.covered
    w.budget[0] -= 1
    if w.budget[0] < 0:
        raise _OutOfBudget
    if not w.frame.prune(domains, w.spend):
        return None
    if sum(min(price[k][o] for o in domain) for k, domain in enumerate(domains)) > w.ceiling[0]:
        return None
    open_ = [k for k in range(len(w.frame.keys)) if len(domains[k]) > 1]
    if not open_:
        return tuple(d[0] for d in domains)
    k = min(open_, key=lambda k: len(domains[k]))
    # Readings no witness holds yet first: a table found covers them.
    for o in sorted(domains[k], key=lambda o: (o in covered[k], price[k][o])):
        trial = list(domains)
        trial[k] = [o]
        found = _witness(w, trial)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class _Cheapest:
    """``best_tables``' search: the bounds, each reading's cost and tail, the cheapest tables
    found, and its budget (a module function with its state passed, not a recursive closure)."""

    frame: Frame
    costs: list[list[int]]
    tails: list[list[int]]
    found: list[tuple[int, int, tuple[int, ...]]]
    nodes: list[int]  # nodes visited
    spend: Callable[[int], None]


def _cheapest(c: _Cheapest, domains: list[list[int]]) -> None:
    """The cheapest consistent tables within ``domains`` into ``c.found`` (ties kept)."""
    costs, tails, found = c.costs, c.tails, c.found
    c.nodes[0] += 1
    if c.nodes[0] > _SEARCH_NODES:
        raise _OutOfBudget
    if not c.frame.prune(domains, c.spend):
        return
    keys = c.frame.keys
    least = sum(min(costs[k][o] for o in domains[k]) for k in range(len(keys)))
    if found and least > found[0][0]:
        return
    open_ = [k for k in range(len(keys)) if len(domains[k]) > 1]
    if not open_:
        picked = tuple(d[0] for d in domains)
        cost = sum(costs[k][o] for k, o in enumerate(picked))
        tail = sum(tails[k][o] for k, o in enumerate(picked))
        if found and (cost, tail) > found[0][:2]:
            return
        if found and (cost, tail) < found[0][:2]:
            found.clear()
        found.append((cost, tail, picked))
        if len(found) > _MAX_WINNERS:
            raise _OutOfBudget
        return
    k = min(open_, key=lambda k: len(domains[k]))
    for o in sorted(domains[k], key=lambda o: (costs[k][o], tails[k][o])):
        trial = list(domains)
        trial[k] = [o]
        _cheapest(c, trial)
