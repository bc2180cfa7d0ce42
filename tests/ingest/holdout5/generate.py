"""Make the fifth hold-out set: new report figures in a township / street office's page style no
reader was built on.

    .venv/bin/python -m tests.ingest.holdout5.generate [--out DIR]

The first four hold-outs have been tuned on since they were scored; this set is the fresh
estimate for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
townships and street offices: most receive a handful of applications or none (tables full of
zeros), a few street offices in growing districts thousands. A township makes no 规章, so that row
is zero throughout. Both templates, 2019 to 2025. Every equation holds except in the reports of
``CONTRADICTIONS``, where one printed figure is changed after the fact: those are read AS PRINTED
(the gold keeps the changed figure) and ``check_report`` must report them.

Each report is laid out by ``layout.township`` with a ``Style`` of its own (see there: a 红头 title
block and document foot, the tables as an annex 附表1–3, table 二's 第二十条 item a merged column,
table 三's labels in two columns, table 四 as stacked half-tables, zeros 0 / blank / — / /,
thousands separators), printed to PDF by chromium; for half of them the office's Word copy
(``layout.township_word``: narrow columns, vertically centred cells) goes through LibreOffice's Word
route. Every class of issue 9 is made by ``holdout_sets.write_classes`` (the same tools as every
set). Written: ``fixtures/<class>/<report>~township[-word].<ext>`` and
``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout5 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout5 import FIXTURES
from tests.ingest.holdout5.layout import Style, township, township_word
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "安平县青石镇人民政府",
    "临河区东关街道办事处",
    "云溪县柳河乡人民政府",
    "宁川县白沙镇人民政府",
    "汇江区城南街道办事处",
    "石泉县龙潭乡人民政府",
    "临河区新桥街道办事处",
)

# (name, template, year, agency, seed, applications, the Word copy too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("t2019-a", "2019", 2019, 0, 501, 5, True, Style(redhead=True, annex=True)),
    ("t2020-a", "2019", 2020, 2, 502, 0, False, Style(zero="—", appeals="template")),
    ("t2020-b", "2019", 2020, 1, 503, 120, True, Style(zero="", redhead=True, active="template")),
    ("t2021-a", "2021", 2021, 3, 504, 2, True, Style(zero="/", annex=True, labels="three")),
    ("t2021-b", "2021", 2021, 4, 505, 860, False, Style(thousands=True, redhead=True)),
    ("t2022-a", "2021", 2022, 5, 506, 9, True, Style(zero="—", annex=True, redhead=True, appeals="template")),
    ("t2022-b", "2021", 2022, 6, 507, 2_400, False, Style(thousands=True, annex=True)),
    ("t2023-a", "2021", 2023, 0, 508, 14, True, Style(zero="", redhead=True, active="template")),
    ("t2023-b", "2021", 2023, 2, 509, 3, False, Style(zero="/", labels="three", appeals="template")),
    (
        "t2024-a",
        "2021",
        2024,
        4,
        510,
        16_800,
        True,
        Style(zero="—", thousands=True, redhead=True, annex=True),
    ),
    ("t2024-b", "2021", 2024, 3, 511, 37, False, Style(active="template")),
    ("t2025-a", "2021", 2025, 1, 512, 6, True, Style(zero="", annex=True)),
    ("t2025-b", "2021", 2025, 5, 513, 1, False, Style(zero="—", redhead=True, labels="three")),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def _no_regulations(data: dict[str, Any], _style: Style) -> None:
    """A township or street office makes no 规章: its row is zero in every column."""
    regulations = data["active"]["regulations"]
    for key in regulations:
        regulations[key] = 0


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS, _no_regulations)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, township, "township", township_word)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
