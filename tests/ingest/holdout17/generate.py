"""Make the seventeenth hold-out set: new report figures in a city or county agency's 信息公开专栏
page, its PDF print turned into text by researchers' Python libraries, no reader was built on.

    .venv/bin/python -m tests.ingest.holdout17.generate [--out DIR]

The first sixteen hold-outs have been tuned on since they were scored; this set is the fresh
estimate for reports nobody has seen, and for text no reader was built on: not poppler's but
pypdf's, pdfminer.six's, pdfplumber's and PDFium's (``extractors.py``), each with its own order
and spacing. Figures are drawn by the first hold-out's machinery (``holdout/generate.py``, through
``holdout_sets.draw_reports``) with new seeds and the sizes of county and city departments. Both
templates, 2019 to 2025. Every equation holds except in the reports of ``CONTRADICTIONS``, where
one printed figure is changed after the fact: those are read AS PRINTED (the gold keeps the
changed figure) and ``check_report`` must report them.

Each report is laid out by ``layout.catalogue`` with a ``Style`` of its own (see there); for three
of them the Word original (``layout.original``) goes through LibreOffice's Word route. Every class
of issue 9 is made by ``holdout_sets.write_classes`` (the same tools as every set), the new ones by
``extractors.FROM_PDF`` from the same PDFs. The gold is the statutory cells only. Written:
``fixtures/<class>/<report>~catalogue[-word].<ext>`` and ``fixtures/gold/<report>.json``;
deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout17 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout17 import FIXTURES
from tests.ingest.holdout17.extractors import FROM_PDF, write
from tests.ingest.holdout17.layout import Style, catalogue, original
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "嘉善县市场监督管理局",
    "嘉善县交通运输局",
    "诸暨市教育体育局",
    "诸暨市自然资源和规划局",
    "龙泉市卫生健康局",
    "龙泉市人民政府办公室",
    "嘉善县生态环境分局",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("k2019-a", "2019", 2019, 0, 1701, 38, True, Style(code="113304210026", serial=7, rows="merged", narrow=True)),
    ("k2020-a", "2019", 2020, 1, 1702, 16, False, Style(code="113304210031", serial=21, rows="headings", font=11)),
    (
        "k2021-a",
        "2021",
        2021,
        2,
        1703,
        540,
        False,
        Style(code="113306810042", serial=3, align="center", landscape=True),
    ),
    ("k2022-a", "2021", 2022, 3, 1704, 205, True, Style(code="113306810057", serial=15, rows="unmerged", font=10)),
    ("k2023-a", "2021", 2023, 4, 1705, 9, False, Style(code="113311810064", serial=44, meta=False, font=12)),
    ("k2023-b", "2021", 2023, 5, 1706, 880, True, Style(code="113311810010", serial=2, narrow=True, font=9.5)),
    (
        "k2024-a",
        "2021",
        2024,
        6,
        1707,
        1460,
        False,
        Style(code="113304210078", serial=9, rows="headings", landscape=True),
    ),
    ("k2025-a", "2021", 2025, 0, 1708, 73, False, Style(code="113304210026", serial=5, align="center", font=11.5)),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, catalogue, "catalogue", original, more=FROM_PDF, write_more=write)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
