"""Make the eleventh hold-out set: new report figures in a 县 department's 公文 style (三线表
tables, 分散对齐 labels, 附件 after the signature) no reader was built on.

    .venv/bin/python -m tests.ingest.holdout11.generate [--out DIR]

The first ten hold-outs have been tuned on since they were scored; this set is the fresh estimate
for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
county departments: three applications to some hundreds. Both templates, 2019 to 2025; one 2019
report prints its money in 万元. Every equation holds except in the reports of ``CONTRADICTIONS``,
where one printed figure is changed after the fact: those are read AS PRINTED (the gold keeps the
changed figure) and ``check_report`` must report them.

Each report is laid out by ``layout.gongwen`` with a ``Style`` of its own (see there: how the labels
are spread, the tables in the text or as 附件, table 三's column labels high or low, zebra rows, 单位
line, table 三 broken over two pages without its header repeated), printed to PDF by chromium
(``— 3 —`` page numbers in the page margin); for five of them the Word original (``word.finish_word``:
三线表 rules, 分散对齐, the footer's page number) goes through LibreOffice's Word route. Every
class of issue 9 is made by ``holdout_sets.write_classes`` (the same tools as every set). The gold
is the statutory cells only. Written: ``fixtures/<class>/<report>~gongwen[-word].<ext>`` and
``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout11 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout11 import FIXTURES
from tests.ingest.holdout11.layout import Style, gongwen, spread_labels
from tests.ingest.holdout11.word import finish_word
from tests.ingest.holdout_sets import draw_reports, main, money_in_wan, write_classes

AGENCIES = (
    "清河县财政局",
    "清河县自然资源局",
    "云溪县教育局",
    "云溪县卫生健康局",
    "石门县市场监督管理局",
    "石门县住房和城乡建设局",
    "桃源县农业农村局",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("c2019-a", "2019", 2019, 0, 1101, 35, True, Style(spread="space", annex=True, split=10, wan=True)),
    ("c2020-a", "2019", 2020, 1, 1102, 260, False, Style(spread="ideo", labels_low=True)),
    ("c2020-b", "2019", 2020, 2, 1103, 9, True, Style(spread="css", annex=True, labels_low=True, split=14)),
    ("c2021-a", "2021", 2021, 3, 1104, 120, False, Style(spread="space", zebra=False, split=12)),
    ("c2022-a", "2021", 2022, 4, 1105, 540, True, Style(spread="ideo", annex=True)),
    ("c2023-a", "2021", 2023, 5, 1106, 64, True, Style(spread="css", split=16)),
    ("c2024-a", "2021", 2024, 6, 1107, 3, False, Style(spread="space", labels_low=True, annex=True, unit=False)),
    ("c2024-b", "2021", 2024, 0, 1108, 880, True, Style(spread="css", annex=True, labels_low=True, split=11)),
    ("c2025-a", "2021", 2025, 1, 1109, 17, False, Style(spread="ideo", split=9, zebra=False)),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def _in_wan(data: dict[str, Any], style: Style) -> None:
    if style.wan:
        money_in_wan(data)


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS, _in_wan)


def generate(out: Path) -> dict[str, int]:
    data = reports()
    labels = frozenset().union(*(spread_labels(data[name], style) for name, *_rest, style in REPORTS))

    def finish(path: Path, style: Style) -> None:
        finish_word(path, style, labels)

    return write_classes(out, data, REPORTS, gongwen, "gongwen", None, finish)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
