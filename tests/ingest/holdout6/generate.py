"""Make the sixth hold-out set: new report figures in a city-level bureau's page style no reader
was built on.

    .venv/bin/python -m tests.ingest.holdout6.generate [--out DIR]

The first five hold-outs have been tuned on since they were scored; this set is the fresh
estimate for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of a
city's bureaus: a few applications to some thousands (自然资源, 住建). Both templates, 2019 to
2025. Every equation holds except in the reports of ``CONTRADICTIONS``, where one printed figure is
changed after the fact: those are read AS PRINTED (the gold keeps the changed figure) and
``check_report`` must report them.

Each report is laid out by ``layout.bureau`` with a ``Style`` of its own (see there: the document's
pages kept in the web page, tables 二 and 三 broken across them with the page's number and the
next page's running head between the parts and table 三's header repeated, 斜线表头 corners,
table 二's citation column at the right, table 四 transposed, zeros 0 / — / 0件, thousands
separators), printed to PDF by chromium; for half of them the Word original (``layout.bureau_word``:
the tables whole, header rows in ``<thead>``) goes through LibreOffice's Word route. Every class of
issue 9 is made by ``holdout_sets.write_classes`` (the same tools as every set). Written:
``fixtures/<class>/<report>~bureau[-word].<ext>`` and ``fixtures/gold/<report>.json``;
deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout6 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout6 import FIXTURES
from tests.ingest.holdout6.layout import Style, bureau, bureau_word
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "江州市市场监督管理局",
    "江州市自然资源和规划局",
    "临海市住房和城乡建设局",
    "南屏市生态环境局",
    "江州市人力资源和社会保障局",
    "东陵市交通运输局",
    "南屏市卫生健康委员会",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("c2019-a", "2019", 2019, 0, 601, 46, True, Style(breaks=(12,), active_break=2)),
    ("c2020-a", "2019", 2020, 1, 602, 1_380, False, Style(thousands=True, breaks=(8,), continued=True)),
    ("c2020-b", "2019", 2020, 3, 603, 17, True, Style(zero="—", breaks=(6, 20), page_number="of")),
    ("c2021-a", "2021", 2021, 2, 604, 2_950, True, Style(thousands=True, breaks=(16,), active_break=3)),
    ("c2021-b", "2021", 2021, 4, 605, 8, False, Style(zero="0件", breaks=(12,), page_number="of")),
    ("c2022-a", "2021", 2022, 5, 606, 130, True, Style(breaks=(9, 23), continued=True)),
    ("c2022-b", "2021", 2022, 6, 607, 3, False, Style(zero="—", breaks=(), active_break=1)),
    ("c2023-a", "2021", 2023, 1, 608, 5_600, True, Style(thousands=True, zero="—", breaks=(13,))),
    ("c2023-b", "2021", 2023, 0, 609, 72, False, Style(breaks=(22,), page_number="of", continued=True)),
    ("c2024-a", "2021", 2024, 3, 610, 24, True, Style(zero="0件", breaks=(10,), active_break=2)),
    ("c2024-b", "2021", 2024, 2, 611, 860, False, Style(breaks=(14,))),
    ("c2025-a", "2021", 2025, 4, 612, 11, True, Style(zero="—", breaks=(4, 18), page_number="of", continued=True)),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, bureau, "bureau", bureau_word)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
