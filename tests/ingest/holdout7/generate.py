"""Make the seventh hold-out set: new report figures in a development zone's committee or a
provincial department's page style no reader was built on.

    .venv/bin/python -m tests.ingest.holdout7.generate [--out DIR]

The first six hold-outs have been tuned on since they were scored; this set is the fresh estimate
for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
开发区管委会 and 省级厅: three applications to some thousands. Both templates, 2019 to 2025. Every
equation holds except in the reports of ``CONTRADICTIONS``, where one printed figure is changed
after the fact: those are read AS PRINTED (the gold keeps the changed figure) and ``check_report``
must report them.

Each report is laid out by ``layout.platform`` with a ``Style`` of its own (see there: a 序号
column in tables 二 and 三, table 三's 总计 at the left or a 小计 column, table 二's zeros blank
with empty rows, figures with a unit, OCR-like misprints in the labels, table 四's header in two
rows), printed to PDF by chromium; for five of them the Word original (``layout.platform_word``)
goes through LibreOffice's Word route. Every class of issue 9 is made by
``holdout_sets.write_classes`` (the same tools as every set). Written:
``fixtures/<class>/<report>~platform[-word].<ext>`` and ``fixtures/gold/<report>.json``;
deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout7 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout7 import FIXTURES
from tests.ingest.holdout7.layout import Style, platform, platform_word
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "江州经济技术开发区管理委员会",
    "南江省自然资源厅",
    "南江省教育厅",
    "临川高新技术产业开发区管理委员会",
    "南江省退役军人事务厅",
    "东湖生态旅游度假区管理委员会",
    "南江省住房和城乡建设厅",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("z2019-a", "2019", 2019, 0, 701, 35, True, Style(serial=True, active_blank=True)),
    ("z2020-a", "2019", 2020, 1, 702, 2_400, False, Style(columns="total_left", thousands=True, appeal_two_rows=True)),
    ("z2020-b", "2019", 2020, 2, 703, 6, True, Style(unit=" 件", misprint=True)),
    ("z2021-a", "2021", 2021, 3, 704, 410, True, Style(serial=True, columns="subtotal")),
    ("z2021-b", "2021", 2021, 4, 705, 15, False, Style(active_blank=True, misprint=True, appeal_two_rows=True)),
    ("z2022-a", "2021", 2022, 1, 706, 1_150, True, Style(serial=True, unit=" 件", columns="total_left")),
    ("z2023-a", "2021", 2023, 5, 707, 3, False, Style(columns="subtotal", active_blank=True, unit=" 件")),
    (
        "z2024-a",
        "2021",
        2024,
        0,
        708,
        3_800,
        True,
        Style(serial=True, misprint=True, thousands=True, appeal_two_rows=True),
    ),
    ("z2025-a", "2021", 2025, 6, 709, 90, False, Style(columns="total_left", active_blank=True, misprint=True)),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, platform, "platform", platform_word)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
