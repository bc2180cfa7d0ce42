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


# Characters an OCR reads for one another (申 as 甲 or 由, 人 as 入 …): a label and its reading
# folded alike compare equal however many of them the OCR swapped
_FOLD = str.maketrans(
    {"甲": "申", "由": "申", "入": "人", "八": "人", "己": "已", "末": "未", "千": "于", "曰": "日", "士": "土"}
)


@cache
def _folded_labels() -> dict[str, str]:
    """Each row label folded (``_FOLD``) → the label, for the folds only one label gives."""
    folded: dict[str, list[str]] = {}
    for label in row_labels():
        folded.setdefault(label.translate(_FOLD), []).append(label)
    return {key: found[0] for key, found in folded.items() if len(found) == 1}


@lru_cache(maxsize=4096)
def mend_label(text: str) -> str:
    """``text``, or the row label it is one misread character away from, or the label it is once
    the OCR's look-alike characters are folded (and then one character dropped or doubled)."""
    bare = bare_label_key(text)
    labels = row_labels()
    if len(bare) < MIN_LENGTH or bare in labels:
        return text
    near = [label for label in labels if _one_apart(bare, label)]
    if len(near) == 1:
        return near[0]
    if near:
        return text
    folded, by_fold = bare.translate(_FOLD), _folded_labels()
    if folded in by_fold:
        return by_fold[folded]
    near = [label for key, label in by_fold.items() if _one_apart(folded, key)]
    return near[0] if len(near) == 1 else text
