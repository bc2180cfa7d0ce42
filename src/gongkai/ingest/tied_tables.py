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
    where_of: Callable[[Hashable, int], str | None],
    doubt: tuple[str, str, str | None],
    report: Report,
    evidence: Evidence,
    differ: tuple[str, str] | None = None,
) -> None:
    """Table 三 as the tied ``tables`` agree, each cell's source ``where_of(key, column)`` (None: a
    cell the page does not print); the whole table doubted (``doubt``: Chinese, English, where),
    each cell they disagree on undecided (``differ``: why, in Chinese and English, where the
    reader can say more than that the readings differ)."""
    evidence.forget("requests.")
    decided, undecided = agreed_cells(tables, keys, width)
    for key in keys:
        report.requests[str(key)] = decided[key]
        for c in range(width):
            where = where_of(key, c)
            if (key, c) not in undecided and where is not None:
                evidence.provenance[f"requests.{key}[{c}]"] = where
    zh, en, where = doubt
    evidence.doubt("requests", None, zh, en, where)
    reasons = {"zh": differ[0], "en": differ[1]} if differ else {}
    for (key, c), seen in undecided.items():
        evidence.undecided(f"requests.{key}[{c}]", seen, where=where_of(key, c), **reasons)
