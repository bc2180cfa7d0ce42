"""Align the printed rows of a table with the template's rows when labels fail to name them.

The label matcher (``request_labels.match_request``) names a row when its label is spelled as a
template declares it, give or take spacing, numbering and a wrapped tail. Published reports
also print labels with characters dropped, doubled or misread (OCR, a PDF font without a glyph:
``本机关不掌握相关政府信`` or ``属于国家秘蜜``), and converters pull a wrapped label out of its
table, leaving a row of figures with no label at all. Those rows lie between rows the matcher
did name (anchors); the template says which rows belong between two anchors. This module aligns
the unnamed rows of each gap with the template rows missing there, in order, by dynamic
programming over the two sequences with a fuzzy label similarity (edit distance on the folded
label). A row no label names is placed only where its position alone decides it (as many
unnamed rows as missing template rows in the gap); every such placement is a judgement the
caller records in ``uncertain``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

MIN_SIMILARITY = 0.7  # below this a label names no row by itself (one wrong character in four)
_MIN_KEY = 3  # shorter template labels (其他, 总计) are too short to match fuzzily


@lru_cache(maxsize=65536)
def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insert, delete, replace: a character dropped, doubled or misread)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@lru_cache(maxsize=65536)
def similarity(printed: str, key: str) -> float:
    """How well a printed bare label names a template label, 0..1.

    Whole-label edit distance, and also against the printed label's tail (a group heading
    printed in the same cell before the row's own label: ``不予公开1.属于国家秘蜜``)."""
    if not printed or len(key) < _MIN_KEY:
        return 0.0
    if printed == key:
        return 1.0
    if len(printed) < len(key) - len(key) // 2:
        return 0.0  # less than half of the label is left: it names nothing
    best = 1.0 - edit_distance(printed, key) / max(len(printed), len(key))
    if len(printed) > len(key):
        for extra in (-1, 0, 1):  # the tail may hold one character more or less than the key
            start = len(printed) - len(key) - extra
            if 0 <= start < len(printed):
                tail = printed[start:]
                best = max(best, 1.0 - edit_distance(tail, key) / max(len(tail), len(key)))
    return best


def row_similarity(printed: str, keys: Sequence[str]) -> float:
    return max((similarity(printed, key) for key in keys), default=0.0)


@dataclass(frozen=True)
class Placement:
    """An unnamed printed row (``item``: its index among the gap's rows) put on a template row."""

    item: int
    row: int  # index among the gap's template rows
    score: float  # label similarity; 0 when placed by position alone


def align_gap(labels: Sequence[str], rows: Sequence[Sequence[str]]) -> list[Placement]:
    """Place the unnamed printed rows of one gap (their bare labels, '' for none) on the
    template rows missing in that gap (each its bare label keys), keeping both orders.

    Dynamic programming maximises the summed similarity of the pairs; a pair below
    ``MIN_SIMILARITY`` is not made, except that when the gap holds exactly as many printed rows
    as template rows every printed row takes its positional row (a label pulled out of the
    table, or one too damaged to read, between two rows that are named).
    """
    n, m = len(labels), len(rows)
    if not n or not m:
        return []
    if n == m:
        placements = []
        for i in range(n):
            score = row_similarity(labels[i], rows[i]) if labels[i] else 0.0
            placements.append(Placement(i, i, score))
        # Position decides only if no printed label names another row of the gap better.
        if all(_best_in(labels[p.item], rows) in (p.row, None) for p in placements):
            return placements
    table = [[0.0] * (m + 1) for _ in range(n + 1)]
    step: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]  # 0 skip item, 1 skip row, 2 pair
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best, how = table[i + 1][j], 0
            if table[i][j + 1] > best:
                best, how = table[i][j + 1], 1
            score = row_similarity(labels[i], rows[j]) if labels[i] else 0.0
            if score >= MIN_SIMILARITY and score + table[i + 1][j + 1] > best:
                best, how = score + table[i + 1][j + 1], 2
            table[i][j], step[i][j] = best, how
    placements = []
    i = j = 0
    while i < n and j < m:
        how = step[i][j]
        if how == 2:
            placements.append(Placement(i, j, row_similarity(labels[i], rows[j])))
            i, j = i + 1, j + 1
        elif how == 1:
            j += 1
        else:
            i += 1
    return placements


def _best_in(label: str, rows: Sequence[Sequence[str]]) -> int | None:
    """The gap row a label names clearly (None when it names none above the threshold)."""
    if not label:
        return None
    scores = [row_similarity(label, keys) for keys in rows]
    best = max(scores)
    return scores.index(best) if best >= MIN_SIMILARITY else None


_MARGIN = 0.15  # the best row must beat the next by this much: a label between two names none


def fuzzy_row(printed: str, labels: dict[str, str]) -> tuple[str, float] | None:
    """The row (of ``labels``: bare label key → row key) a damaged label names, with its
    similarity; None when none is similar enough or two rows are about as similar."""
    if len(printed) < _MIN_KEY:
        return None
    scores: dict[str, float] = {}
    for key, row in labels.items():
        score = similarity(printed, key)
        if score > scores.get(row, 0.0):
            scores[row] = score
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MIN_SIMILARITY:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _MARGIN:
        return None
    return ranked[0]
