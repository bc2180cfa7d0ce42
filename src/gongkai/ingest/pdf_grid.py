"""Where the cells of a ruled PDF table stand: their edges clustered within the rules' tolerance,
and a coordinate's place among those edges."""

from __future__ import annotations

import bisect

from gongkai.ingest.pdf_page import TOLERANCE, RawCell


def column_edges(cells: list[RawCell]) -> list[float]:
    return cluster_edges([c.x0 for c in cells] + [c.x1 for c in cells])


def cluster_edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > TOLERANCE:
            out.append(value)
    return out


def near_edge(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE


def edge_index(points: list[float], value: float) -> int:
    i = bisect.bisect_left(points, value - TOLERANCE)
    return min(i, len(points) - 1)
