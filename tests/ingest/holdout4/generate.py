"""Make the fourth hold-out set: new report figures in a department-site page style (tables pasted
from Excel) no reader was built on.

    .venv/bin/python -m tests.ingest.holdout4.generate [--out DIR]

The first three hold-outs have been tuned on since they were scored; this set is the fresh
estimate for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``: sizes, applicant shares, outcomes, table 四 groups, table 二 counts and
money; imported, not copied), with new seeds and sizes from 3 to 66,000 applications, both
templates. Every equation holds except in the reports of ``CONTRADICTIONS``, where one printed
figure is changed after the fact: those are read AS PRINTED (the gold keeps the changed figure)
and ``check_report`` must report them.

Each report is laid out by ``layout.bureau`` with a ``Style`` of its own (see there: Excel-pasted
tables with their title inside, full-width digits or thousands separators, 单位：件 lines, zeros
printed differently per table, table 二 split per item or with its columns moved, table 三's
applicant header in one row with a 备注 column, reworded row labels, table 四 as two tables with
小计 / 合计, homophone typos in labels, notes with figures under the tables, a header and footer on every printed page),
printed to PDF by chromium, and half of them through LibreOffice's Word route; then turned into
the classes of issue 9 by ``holdout_sets.write_classes`` (the same tools as every set).
Written: ``fixtures/<class>/<report>~bureau[-word].<ext>`` and ``fixtures/gold/<report>.json``;
deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout4 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout4 import FIXTURES
from tests.ingest.holdout4.layout import Style, bureau
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "临江市财政局",
    "华阳省交通运输厅",
    "临江市公安局",
    "华阳省商务厅",
    "东川市卫生健康委员会",
    "南屏市医疗保障局",
    "华阳省生态环境厅",
    "东川市退役军人事务局",
)
DASH = ("0", "-", "-")  # zeros 0 in table 二, - in 三 and 四

# (name, template, year, agency, seed, applications, through Word too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    (
        "b2019-a",
        "2019",
        2019,
        0,
        401,
        3,
        True,
        Style(excel=True, unit="para", zeros=DASH, head="one", appeals="split", labels="variant"),
    ),
    (
        "b2020-b",
        "2019",
        2020,
        1,
        402,
        23_000,
        False,
        Style(thousands=True, excel=True, active="split", running=True, notes=True, remark=True),
    ),
    (
        "b2020-c",
        "2019",
        2020,
        2,
        403,
        420,
        True,
        Style(digits="full", active="reorder", unit="row", total="合计", zeros=("0", "0", "-"), typos=True),
    ),
    (
        "b2021-a",
        "2021",
        2021,
        3,
        404,
        12,
        True,
        Style(labels="variant", remark=True, running=True, zeros=("-", "-", "-"), notes=True),
    ),
    (
        "b2022-b",
        "2021",
        2022,
        4,
        405,
        66_000,
        False,
        Style(thousands=True, excel=True, appeals="split", total="小计", running=True, unit="para", notes=True),
    ),
    (
        "b2022-c",
        "2021",
        2022,
        5,
        406,
        880,
        True,
        Style(digits="full", head="one", active="split", notes=True, zeros=("0", "", "")),
    ),
    (
        "b2023-d",
        "2021",
        2023,
        6,
        407,
        150,
        False,
        Style(labels="variant", active="reorder", remark=True, excel=True, zeros=DASH, total="合计", typos=True),
    ),
    (
        "b2024-e",
        "2021",
        2024,
        7,
        408,
        4_800,
        True,
        Style(running=True, unit="row", appeals="split", labels="variant", head="one", digits="full"),
    ),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, bureau, "bureau")


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
