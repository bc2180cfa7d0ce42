"""Make the fifteenth hold-out set: new report figures published as searchable scans (a paper
report scanned and passed through the scanner's OCR, the PDF's text layer that OCR's output), no
reader was built on.

    .venv/bin/python -m tests.ingest.holdout15.generate [--out DIR]

The first fourteen hold-outs have been tuned on since they were scored; this set is the fresh
estimate for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
county and city departments. Both templates, 2019 to 2025. Every equation holds except in the
reports of ``CONTRADICTIONS``, where one printed figure is changed after the fact: those are read AS
PRINTED (the gold keeps the changed figure) and ``check_report`` must report them.

Each report is laid out by ``layout.ocr`` with a ``Style`` of its own (see there: how often digits
are read as letters, label characters as look-alikes, blanks inside labels and figures, table rules
as characters, the title's slip, ASCII punctuation, rows split into two text lines), the misreadings
in the page's text itself so that chromium prints them into the PDF's text layer; for three of them
the Word original (the OCR's Word export, the same page) goes through LibreOffice's Word route.
Every class of issue 9 is made by ``holdout_sets.write_classes`` (the same tools as every set). The
gold is the statutory cells only. Written: ``fixtures/<class>/<report>~ocr[-word].<ext>`` and
``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout15 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout15 import FIXTURES
from tests.ingest.holdout15.layout import Style, ocr
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "宁远县民政局",
    "大通县自然资源局",
    "文昌市生态环境局",
    "宁远县人民政府办公室",
    "大通县市场监督管理局",
    "文昌市住房和城乡建设局",
    "临江市公安局",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("s2019-a", "2019", 2019, 0, 1501, 36, True, Style(digits=0.15, glyphs=0.3, title=True, punct=True)),
    ("s2020-a", "2019", 2020, 1, 1502, 180, False, Style(digits=0.1, rules=0.25, blanks=0.1)),
    ("s2021-a", "2021", 2021, 2, 1503, 420, True, Style(glyphs=0.4, slips=0.1, blanks=0.15, split=0.2)),
    ("s2022-a", "2021", 2022, 3, 1504, 88, False, Style(digits=0.2, rules=0.2, title=True, punct=True)),
    ("s2023-a", "2021", 2023, 4, 1505, 24, False, Style(digits=0.1, glyphs=0.3, split=0.25, punct=True)),
    ("s2023-b", "2021", 2023, 5, 1506, 760, True, Style(digits=0.12, blanks=0.12, rules=0.15, title=True)),
    ("s2024-a", "2021", 2024, 6, 1507, 1320, False, Style(glyphs=0.3, slips=0.08, rules=0.2, digits=0.08)),
    ("s2025-a", "2021", 2025, 0, 1508, 64, False, Style(digits=0.15, blanks=0.1, split=0.15, title=True, punct=True)),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def _as_printed(data: dict[str, Any], style: Style) -> None:
    """Nothing printed differently: the misreadings are in the text, not in the figures."""


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS, _as_printed)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, ocr, "ocr")


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
