"""Make the twelfth hold-out set: new report figures in a 国务院部门 / 省厅 style, the statutory
tables made in Excel and published as Excel's web-page export, no reader was built on.

    .venv/bin/python -m tests.ingest.holdout12.generate [--out DIR]

The first eleven hold-outs have been tuned on since they were scored; this set is the fresh estimate
for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
provincial departments and national bureaus: a handful to some ten thousand applications, so that
Excel's thousands separators show. Both templates, 2019 to 2025; one 2019 report prints its money in
万元. Every equation holds except in the reports of ``CONTRADICTIONS``, where one printed figure is
changed after the fact: those are read AS PRINTED (the gold keeps the changed figure) and
``check_report`` must report them.

Each report is laid out by ``layout.excel`` with a ``Style`` of its own (see there: Excel's
number format, landscape sheets, page breaks in table 三, the page header, the tables inline or as
附表), printed to PDF by chromium (``第 1 页，共 5 页`` footers, table 三's header rows printed again
on every page); for four of them the Word original (``layout.word_page``: the sheets pasted and fitted to the
window) goes through LibreOffice's Word route. Every
class of issue 9 is made by ``holdout_sets.write_classes`` (the same tools as every set). The gold
is the statutory cells only. Written: ``fixtures/<class>/<report>~excel[-word].<ext>`` and
``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout12 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout12 import FIXTURES
from tests.ingest.holdout12.layout import Style, excel, word_page
from tests.ingest.holdout_sets import draw_reports, main, money_in_wan, write_classes

AGENCIES = (
    "东川省交通运输厅",
    "东川省水利厅",
    "东川省商务厅",
    "南岭省卫生健康委员会",
    "南岭省人力资源和社会保障厅",
    "南岭省市场监督管理局",
    "国家某某局",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("x2019-a", "2019", 2019, 0, 1201, 1450, True, Style(fmt="dash", breaks=(13,), wan=True)),
    ("x2020-a", "2019", 2020, 1, 1202, 96, False, Style(fmt="acct", landscape=True, annex=True)),
    ("x2021-a", "2021", 2021, 2, 1203, 3200, False, Style(fmt="dash", breaks=(9, 21))),
    ("x2021-b", "2021", 2021, 3, 1204, 12500, True, Style(fmt="acct", annex=True, header=False, breaks=(17,))),
    ("x2022-a", "2021", 2022, 4, 1205, 640, False, Style(fmt="plain", landscape=True, breaks=(11,))),
    ("x2023-a", "2021", 2023, 5, 1206, 2150, True, Style(fmt="dash", annex=True, landscape=True)),
    ("x2024-a", "2021", 2024, 6, 1207, 8800, False, Style(fmt="acct", breaks=(6, 19))),
    ("x2024-b", "2021", 2024, 0, 1208, 27, True, Style(fmt="dash", header=False, breaks=(15,))),
    ("x2025-a", "2021", 2025, 1, 1209, 4100, False, Style(fmt="plain", annex=True, breaks=(24,))),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def _in_wan(data: dict[str, Any], style: Style) -> None:
    if style.wan:
        money_in_wan(data)


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS, _in_wan)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, excel, "excel", word_page)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
