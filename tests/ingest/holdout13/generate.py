"""Make the thirteenth hold-out set: new report figures on an old 政务 site that publishes the report
as preformatted text, its tables drawn with box-drawing characters or ASCII rules, no reader was
built on.

    .venv/bin/python -m tests.ingest.holdout13.generate [--out DIR]

The first twelve hold-outs have been tuned on since they were scored; this set is the fresh estimate
for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
county bureaus and city departments. Both templates, 2019 to 2025; one 2019 report prints its money
in 万元. Every equation holds except in the reports of ``CONTRADICTIONS``, where one printed figure
is changed after the fact: those are read AS PRINTED (the gold keeps the changed figure) and
``check_report`` must report them.

Each report is laid out by ``layout.pre`` with a ``Style`` of its own (see there: box-drawing or
ASCII rules, full-width padding, the whole report one ``<pre>`` or its tables ``<pre>`` blocks, table
三's labels one character a line in merged columns or rows of their own, table 四's labels two or one
characters a line), printed to PDF by chromium; for three of them the Word original (the same text
opened in Word: preformatted paragraphs) goes through LibreOffice's Word route. Every class of issue
9 is made by ``holdout_sets.write_classes`` (the same tools as every set). The gold is the statutory
cells only. Written: ``fixtures/<class>/<report>~pre[-word].<ext>`` and
``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout13 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout13 import FIXTURES
from tests.ingest.holdout13.layout import Style, pre
from tests.ingest.holdout_sets import draw_reports, main, money_in_wan, write_classes

AGENCIES = (
    "青石县农业农村局",
    "青石县教育局",
    "白河市自然资源和规划局",
    "白河市人力资源和社会保障局",
    "云岭县人民政府办公室",
    "云岭县住房和城乡建设局",
    "白河市统计局",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("p2019-a", "2019", 2019, 0, 1301, 35, True, Style(wan=True, vertical=False, label_width=14)),
    ("p2020-a", "2019", 2020, 1, 1302, 180, False, Style(ascii=True, whole=True)),
    ("p2021-a", "2021", 2021, 2, 1303, 420, False, Style(pad=True, label_width=8)),
    ("p2022-a", "2021", 2022, 3, 1304, 96, True, Style(ascii=True, vertical=False, appeal_per_line=1)),
    ("p2023-a", "2021", 2023, 4, 1305, 12, False, Style(whole=True, pad=True, appeal_per_line=1)),
    ("p2023-b", "2021", 2023, 5, 1306, 260, False, Style(label_width=12)),
    ("p2024-a", "2021", 2024, 6, 1307, 1350, True, Style(whole=True, vertical=False, label_width=9)),
    ("p2025-a", "2021", 2025, 0, 1308, 64, False, Style(ascii=True, pad=True, label_width=10)),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def _in_wan(data: dict[str, Any], style: Style) -> None:
    if style.wan:
        money_in_wan(data)


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS, _in_wan)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, pre, "pre")


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
