"""Make the fourteenth hold-out set: new report figures published as PDFs whose text layer is
defective as real producers make it, no reader was built on.

    .venv/bin/python -m tests.ingest.holdout14.generate [--out DIR]

The first thirteen hold-outs have been tuned on since they were scored; this set is the fresh
estimate for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
county and city departments. Both templates, 2019 to 2025. Every equation holds except in the
reports of ``CONTRADICTIONS``, where one printed figure is changed after the fact: those are read AS
PRINTED (the gold keeps the changed figure) and ``check_report`` must report them.

Each report is laid out by ``layout.wps`` with a ``Style`` of its own (see there: which text is
printed in the broken font, Kangxi radicals, the Radicals Supplement or compatibility ideographs,
分散对齐 labels, full-width digits or a trailing 件 in the figures, the running title, table 三 on a
landscape page), the defective characters in the page's text itself so that chromium prints them
into the PDF's text layer; for three of them the Word original (the same page) goes through
LibreOffice's Word route. Every class of issue 9 is made by ``holdout_sets.write_classes`` (the same
tools as every set). The gold is the statutory cells only. Written:
``fixtures/<class>/<report>~wps[-word].<ext>`` and ``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout14 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout14 import FIXTURES
from tests.ingest.holdout14.layout import Style, wps
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "长宁县民政局",
    "长宁县文化广电和旅游局",
    "金门市生态环境局",
    "金门市人民政府办公室",
    "大方县卫生健康局",
    "大方县交通运输局",
    "金门市行政审批服务局",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("t2019-a", "2019", 2019, 0, 1401, 42, True, Style(spread="space", supplement=True)),
    ("t2020-a", "2019", 2020, 1, 1402, 210, False, Style(fonts=("tables",), compat=True, wide=True)),
    ("t2021-a", "2021", 2021, 2, 1403, 380, False, Style(fonts=("heads", "三"), jian=True, landscape=True)),
    ("t2022-a", "2021", 2022, 3, 1404, 95, True, Style(spread="ideo", compat=True, supplement=True)),
    ("t2023-a", "2021", 2023, 4, 1405, 16, False, Style(fonts=("三",), spread="space", wide=True, header=False)),
    ("t2023-b", "2021", 2023, 5, 1406, 640, True, Style(fonts=("tables",), supplement=True, jian=True, landscape=True)),
    ("t2024-a", "2021", 2024, 6, 1407, 1180, False, Style(compat=True, spread="space", landscape=True)),
    ("t2025-a", "2021", 2025, 0, 1408, 58, False, Style(fonts=("heads", "四"), wide=True, jian=True)),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def _as_printed(data: dict[str, Any], style: Style) -> None:
    """Nothing printed differently: the defects are in the text, not in the figures."""


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS, _as_printed)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, wps, "wps")


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
