"""A row label's characters an OCR misread, in a text's table rows, put right by the templates.

A searchable scan's text layer misreads a character of a long label now and then (``甲请`` for
申请, ``申请入`` for 申请人, ``逾期末按`` for 逾期未按), and a converter wraps or cuts the label, so
that the line holds a piece of it (``1.甲请人无正当理由逾期不补<br>正、…``): the recogniser,
matching labels exactly (a piece as the start of a label), then loses the whole row.
``ocr_labels.mend_label`` mends a whole label cell one character off; here each run of
ideographs on a table row's line that no row label holds is compared with the same stretch of
every row label of tables 二 and 三 (both templates): where exactly one label holds a stretch at
most one character in ``_PER_CHANGE`` off it, the run is read as that stretch. Only in a text
that shows an OCR's hand (``ocr_figures.mend_ocr_text`` asks), only runs of ``MIN_RUN``
characters or more (a few characters could be another label's), and the line is doubted as a
mended one: its figures are the arithmetic's to confirm.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from gongkai.ingest.ocr_labels import row_labels

MIN_RUN = 8  # ideographs in a run compared: shorter pieces match too many labels' stretches
_PER_CHANGE = 6  # at most one character misread in this many
_RUN = re.compile(r"[\u4e00-\u9fff]{8,}")


@cache
def _labels() -> tuple[tuple[str, ...], str]:
    """The row labels (longest first) and all of them joined, for the exact test."""
    labels = tuple(sorted(row_labels(), key=len, reverse=True))
    return labels, "\n".join(labels)


@lru_cache(maxsize=4096)
def mend_run(run: str) -> str:
    """``run``, or the stretch of a row label it is a few misread characters off (see the module)."""
    labels, joined = _labels()
    if run in joined:
        return run  # a label's own characters: nothing misread (the common case, one search)
    allowed = len(run) // _PER_CHANGE
    found: set[str] = set()
    size = len(run)
    for label in labels:
        for start in range(len(label) - size + 1):
            misses = 0
            for a, b in zip(run, label[start : start + size], strict=True):
                if a != b:
                    misses += 1
                    if misses > allowed:
                        break
            else:
                found.add(label[start : start + size])
        if len(found) > 1:
            return run
    return next(iter(found)) if len(found) == 1 else run


def mend_label_runs(line: str) -> str:
    """``line`` with each run of ideographs a misread label's stretch mended (``mend_run``)."""
    return _RUN.sub(lambda m: mend_run(m.group()), line)
