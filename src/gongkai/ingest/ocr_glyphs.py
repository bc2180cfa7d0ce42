"""Label characters an OCR misread for look-alikes, read back where the tables' labels tell.

A searchable scan's OCR reads some characters of the table's labels as look-alikes (申请 as
甲请 or 由请, 法人 as 法入, 逾期未按 as 逾期末按, 属于 as 属千, 已获取 as 己获取): every reader
matching labels then loses the row, and where a label is wrapped over lines (pdftotext's flow,
a Word table's print) no fuzzy match of one piece finds it. Such a character is read as the one
it stands for where that gives two characters side by side that some label of the tables prints
(``runon.labels``) and the character as printed gives none (``理由`` keeps its 由: a label prints
it). A text is read so only where ``MIN_EVIDENCE`` characters are (no report prints 甲请 or 法入
twice but an OCR); figures are never touched.
"""

from __future__ import annotations

import re
from functools import cache

from gongkai.ingest.runon import labels

MIN_EVIDENCE = 2
_CANON = {"甲": "申", "由": "申", "入": "人", "八": "人", "己": "已", "末": "未", "千": "于", "曰": "日", "士": "土"}
_LOOKALIKE = re.compile("[" + "".join(_CANON) + "]")


@cache
def _pairs() -> frozenset[str]:
    """Every two characters side by side in a label of the tables."""
    return frozenset(label[i : i + 2] for label in labels() for i in range(len(label) - 1))


def mend_glyphs(text: str) -> tuple[str, bool]:
    """``text`` with the look-alike characters an OCR read in the tables' labels read back, when
    at least ``MIN_EVIDENCE`` are (and whether they were: the text shows an OCR's hand); else
    ``text`` itself."""
    pairs = _pairs()
    fixes: list[tuple[int, str]] = []
    for match in _LOOKALIKE.finditer(text):
        at, char = match.start(), match.group()
        left, right = text[at - 1 : at], text[at + 1 : at + 2]
        if left + char in pairs or char + right in pairs:
            continue  # a label prints it so (理由)
        canon = _CANON[char]
        if (left and left + canon in pairs) or (right and canon + right in pairs):
            fixes.append((at, canon))
    if len(fixes) < MIN_EVIDENCE:
        return text, False
    chars = list(text)
    for at, canon in fixes:
        chars[at] = canon
    return "".join(chars), True
