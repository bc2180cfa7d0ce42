"""Row labels misread by OCR, put right by the templates' own labels.

OCR misreads a character of a long label now and then (上年结转政府信息公开中请数量 for 申请):
the recogniser, matching labels exactly, would then lose the whole row. A label cell that is one
character away (one character changed, added or dropped) from exactly one row label of the
templates, and at least ``MIN_LENGTH`` characters long so that one character cannot make another
label of it, is read as that label. Figures are never touched here: their misreadings are for the
arithmetic (``ocr_doubts``).
"""

from __future__ import annotations

from functools import cache, lru_cache

from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.labels import bare_label_key

MIN_LENGTH = 6


@cache
def row_labels() -> frozenset[str]:
    """Bare keys of every row label of tables 二 and 三 (both templates)."""
    vocab = vocabulary()
    keys = set(vocab.active_rows) | {key for row in vocab.request_rows for key in row.keys} | vocab.request_headings
    return frozenset(key for key in keys if key)


def _one_apart(a: str, b: str) -> bool:
    """One character changed, added or dropped (not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@lru_cache(maxsize=4096)
def mend_label(text: str) -> str:
    """``text``, or the row label it is one misread character away from."""
    bare = bare_label_key(text)
    labels = row_labels()
    if len(bare) < MIN_LENGTH or bare in labels:
        return text
    near = [label for label in labels if _one_apart(bare, label)]
    return near[0] if len(near) == 1 else text
