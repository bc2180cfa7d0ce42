"""Make the ninth hold-out set: new report figures in a province's 政务公开 集约化平台 page style
(pages rendered by a front-end framework) no reader was built on.

    .venv/bin/python -m tests.ingest.holdout9.generate [--out DIR]

The first eight hold-outs have been tuned on since they were scored; this set is the fresh estimate
for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of the
departments, cities and counties publishing on one province's platform: six applications to some
thousands. Both templates, 2019 to 2025. Every equation holds except in the reports of
``CONTRADICTIONS``, where one printed figure is changed after the fact: those are read AS PRINTED
(the gold keeps the changed figure) and ``check_report`` must report them.

Each report is laid out by ``layout.spa`` with a ``Style`` of its own (see there: tables as
CSS grid or flex ``<div>`` rows with or without ARIA roles, thousands separators, full-width
digits, zero cells as ``—`` ``/`` ``-`` ``无``, 【一】 or 第一部分 headings, captions above the
tables, table 四 transposed), printed to PDF by chromium; for five of them the Word original
(``layout.spa_word``) goes through LibreOffice's Word route. Every class of issue 9 is made by
``holdout_sets.write_classes`` (the same tools as every set). Written:
``fixtures/<class>/<report>~spa[-word].<ext>`` and ``fixtures/gold/<report>.json``;
deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout9 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout9 import FIXTURES
from tests.ingest.holdout9.layout import Style, spa, spa_word
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "江南省发展和改革委员会",
    "临川市人民政府",
    "东湖县农业农村局",
    "江南省人力资源和社会保障厅",
    "望江市自然资源和规划局",
    "石门县人民政府",
    "临川市住房和城乡建设局",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("v2019-a", "2019", 2019, 0, 901, 35, True, Style(roles=True, zero="—", captions=True)),
    (
        "v2020-a",
        "2019",
        2020,
        1,
        902,
        2_400,
        False,
        Style(cells="flex", vue=True, thousands=True, zero="/", heading="part", transposed=True),
    ),
    (
        "v2020-b",
        "2019",
        2020,
        2,
        903,
        9,
        False,
        Style(vue=True, fullwidth=True, zero="无", captions=True, transposed=True),
    ),
    (
        "v2021-a",
        "2021",
        2021,
        3,
        904,
        860,
        True,
        Style(cells="flex", roles=True, thousands=True, zero="-", heading="part", captions=True),
    ),
    (
        "v2022-a",
        "2021",
        2022,
        4,
        905,
        5_300,
        False,
        Style(roles=True, vue=True, thousands=True, fullwidth=True, zero="—", transposed=True),
    ),
    ("v2023-a", "2021", 2023, 5, 906, 140, True, Style(zero="/", heading="part", captions=True)),
    (
        "v2024-a",
        "2021",
        2024,
        6,
        907,
        3_100,
        True,
        Style(cells="flex", vue=True, thousands=True, zero="—", captions=True, transposed=True),
    ),
    ("v2025-a", "2021", 2025, 0, 908, 6, False, Style(roles=True, zero="无")),
    (
        "v2025-b",
        "2021",
        2025,
        2,
        909,
        1_250,
        True,
        Style(cells="flex", thousands=True, fullwidth=True, zero="-", heading="part", transposed=True),
    ),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, spa, "spa", spa_word)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
