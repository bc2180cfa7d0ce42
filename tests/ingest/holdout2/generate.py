"""Make the second hold-out set: new report figures in a gazette page style no reader was built on.

    .venv/bin/python -m tests.ingest.holdout2.generate [--out DIR]

The first hold-out (``tests/ingest/holdout``) has been tuned on since it was scored; this set is
the fresh estimate for reports nobody has seen. Its figures are drawn by the first hold-out's
machinery (``holdout/generate.py``: sizes, applicant shares, outcomes, table 四 groups, table 二
counts and money; imported, not copied), with new seeds and sizes from a handful of applications
to tens of thousands. Every equation holds except in the reports of ``CONTRADICTIONS``, where one
printed figure is changed after the fact: those are read AS PRINTED (the gold keeps the changed
figure) and ``check_report`` must report them.

Each report is laid out by ``layout.gazette`` with a ``Style`` of its own (both templates, zeros
as 0 / — / blank, thousands separators, captions 表一 / 附表2, numbering variants, table 三 cut
with its header repeated, notes under the tables, 万元 with two decimals), printed to PDF by
chromium, and half of them opened in LibreOffice, saved as Word and printed from Word; then turned
into the classes of issue 9 by the same code as the other sets (``wild``'s ``FROM_PDF`` /
``FROM_HTML``, the publishers' ``html_to_docx``; ``holdout_sets``). Written: ``fixtures/<class>/<report>~gazette
[-word].<ext>`` and ``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout2 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout2 import FIXTURES
from tests.ingest.holdout2.layout import Style, gazette
from tests.ingest.holdout_sets import draw_reports, main, money_in_wan, write_classes

AGENCIES = (
    "市发展和改革委员会",
    "县教育局",
    "区人民政府",
    "市交通运输局",
    "县卫生健康局",
    "街道办事处",
    "市财政局",
    "省水利厅",
)

# (name, template, year, agency, seed, applications, through Word too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("g2019-a", "2019", 2019, 0, 201, 7, True, Style(caption="表", corner="blank", font=11)),
    (
        "g2020-b",
        "2019",
        2020,
        1,
        202,
        31_000,
        False,
        Style(zero="—", thousands=True, wan=True, breaks=True, notes=True, split="thead", width=760),
    ),
    (
        "g2020-c",
        "2019",
        2020,
        2,
        203,
        640,
        True,
        Style(zero="", labels="numbered", split="continued", notes=True, numbering="ascii", rules="css", font=12),
    ),
    (
        "g2021-a",
        "2021",
        2021,
        3,
        204,
        95,
        True,
        Style(zero="—", caption="附表", breaks=True, numbering="dun", corner="项目"),
    ),
    (
        "g2022-b",
        "2021",
        2022,
        4,
        205,
        5_400,
        False,
        Style(
            thousands=True, wan=True, notes=True, split="thead", numbering="fullwidth", total="合计", font=12, width=620
        ),
    ),
    ("g2022-c", "2021", 2022, 5, 206, 23, True, Style(zero="", numbering="ascii", caption="表", rules="css")),
    ("g2023-d", "2021", 2023, 6, 207, 2, False, Style(corner="blank", font=9, width=900)),
    (
        "g2024-e",
        "2021",
        2024,
        7,
        208,
        1_800,
        True,
        Style(zero="—", labels="numbered", split="continued", caption="附表", total="合计", breaks=True, notes=True),
    ),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def _adjust(data: dict[str, Any], style: Style) -> None:
    if style.wan:  # printed in 万元 with two decimals
        money_in_wan(data)


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS, _adjust)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, gazette, "gazette")


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
