"""Table 四's group headers broken over lines (``行政`` / ``复议``, ``未经复议`` / ``直接起诉``).

A narrow header cell wraps its label: ``pdftotext -layout`` then prints ``行政      行政`` over
``复议      诉讼``, a crawler or a converter the pieces as labels of their own. No piece is a label
of the tables, so the header went unrecognised and the whole table with it. The pieces that only
table 四's group headers print (``复议``, ``诉讼``, ``直接起诉``, ``后起诉`` — not ``行政``, which
starts 行政许可 too) name that table: ``names_appeal_header`` tells a label holding one.
"""

from __future__ import annotations

from functools import cache, lru_cache

from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.labels import label_key

_MIN_PIECE = 2  # one character (议, 讼) is no evidence


@cache
def _pieces() -> frozenset[str]:
    """The starts and ends of table 四's group labels (keys) that no label of tables 二 and 三 holds."""
    vocab = vocabulary()
    others = [
        *vocab.active_rows,
        *vocab.active_fields,
        *vocab.request_header,
        *vocab.request_headings,
        *(key for row in vocab.request_rows for key in row.keys),
    ]
    pieces: set[str] = set()
    for label in (*vocab.appeal_groups, vocab.appeal_parent):
        for cut in range(_MIN_PIECE, len(label) - _MIN_PIECE + 1):
            pieces.update((label[:cut], label[cut:]))
    return frozenset(piece for piece in pieces if not any(piece in other for other in others))


@lru_cache(maxsize=16384)
def names_appeal_header(text: str) -> bool:
    """Whether a label (its parts split by spaces) holds a piece of a table 四 group header."""
    return any(label_key(part) in _pieces() for part in text.split())
