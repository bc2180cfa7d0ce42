"""Take table 三 from the readings a reader could not rank apart: the cells they agree on, and for
the others null with each reading's value for a person to choose."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.vanished_tables import agreed_cells
from gongkai.report.model import Report


def take_agreed(
    tables: Sequence[Mapping[Hashable, Sequence[int | None]]],
    keys: Sequence[Hashable],
    width: int,
    where_of: Callable[[Hashable, int], str],
    doubt: tuple[str, str, str],
    report: Report,
    evidence: Evidence,
) -> None:
    """Table 三 as the tied ``tables`` agree, each cell's source ``where_of(key, column)``; the whole
    table doubted (``doubt``: Chinese, English, where), each cell they disagree on undecided."""
    evidence.forget("requests.")
    decided, undecided = agreed_cells(tables, keys, width)
    for key in keys:
        report.requests[str(key)] = decided[key]
        for c in range(width):
            if (key, c) not in undecided:
                evidence.provenance[f"requests.{key}[{c}]"] = where_of(key, c)
    zh, en, where = doubt
    evidence.doubt("requests", None, zh, en, where)
    for (key, c), seen in undecided.items():
        evidence.undecided(f"requests.{key}[{c}]", seen, where=where_of(key, c))
