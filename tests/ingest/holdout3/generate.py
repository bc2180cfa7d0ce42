"""Make the third hold-out set: new report figures in a county-portal page style no reader was built on.

    .venv/bin/python -m tests.ingest.holdout3.generate [--out DIR]

The first two hold-outs have been tuned on since they were scored; this set is the fresh estimate
for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``: sizes, applicant shares, outcomes, table 四 groups, table 二 counts and
money; imported, not copied), with new seeds and sizes from a handful of applications to tens of
thousands, both templates. Every equation holds except in the reports of ``CONTRADICTIONS``, where
one printed figure is changed after the fact: those are read AS PRINTED (the gold keeps the changed
figure) and ``check_report`` must report them. Where a 2021-template report prints （六）其他处理 as
the 2019 template's single row, its three sub-rows are drawn zero (their applications counted as
予以公开, so every sum still holds) and the gold keeps the three zeros.

Each report is laid out by ``layout.county`` with a ``Style`` of its own (see there: two-row
applicant headers, layout tables and grids, full-width spaces and line breaks inside labels, mixed
numbering, units and leading zeros after and before figures, table 四's headers on two lines, table
三 cut by a page with its page number inside or between), printed to PDF by chromium, and half of
them opened in LibreOffice, saved as Word and printed from Word; then turned into the classes of
issue 9 by the same code as the other sets (``wild``'s ``FROM_PDF`` / ``FROM_HTML``, the
publishers' ``html_to_docx``). Written: ``fixtures/<class>/<report>~county[-word].<ext>`` and
``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from gongkai.report.templates import OTHER_HANDLING, TEMPLATES
from tests.ingest.holdout3 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout3 import FIXTURES
from tests.ingest.holdout3.layout import Style, county
from tests.ingest.holdout_sets import draw_reports, main, money_in_wan, write_classes

AGENCIES = (
    "石泉县自然资源和规划局",
    "青阳县人力资源和社会保障局",
    "云溪县农业农村局",
    "安平县应急管理局",
    "临河县市场监督管理局",
    "白塔镇人民政府",
    "宁川县民政局",
    "汇江县城市管理局",
)

# (name, template, year, agency, seed, applications, through Word too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("c2019-a", "2019", 2019, 0, 301, 5, True, Style(head="three", corner="blank", zero="", spaces=True, grid="table")),
    (
        "c2020-b",
        "2019",
        2020,
        1,
        302,
        14_000,
        False,
        Style(
            unit=True, align="right", wrap=True, numbering="mix", footer="row", wan=True, appeal_lines=True, grid="div"
        ),
    ),
    (
        "c2020-c",
        "2019",
        2020,
        2,
        303,
        260,
        True,
        Style(pad=True, corner="项目", appeal_lines=True, footer="para", spaces=True),
    ),
    (
        "c2021-a",
        "2021",
        2021,
        3,
        304,
        48,
        True,
        Style(single_other=True, zero="/", wrap=True, grid="table", numbering="mix"),
    ),
    (
        "c2022-b",
        "2021",
        2022,
        4,
        305,
        47_000,
        False,
        Style(align="right", spaces=True, footer="para", font=9),
    ),
    (
        "c2023-c",
        "2021",
        2023,
        5,
        306,
        1_200,
        True,
        Style(unit=True, align="right", head="three", corner="项目", numbering="mix", appeal_lines=True, grid="div"),
    ),
    (
        "c2023-e",
        "2021",
        2023,
        6,
        307,
        3_400,
        False,
        Style(zero="", corner="blank", wrap=True, appeal_lines=True, align="right", grid="table"),
    ),
    (
        "c2024-d",
        "2021",
        2024,
        7,
        308,
        9,
        False,
        Style(zero="—", single_other=True, spaces=True, wrap=True, footer="row", pad=True),
    ),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def _fold_other(requests: dict[str, list[int]]) -> None:
    """No application ended under （六）其他处理: what was drawn there counts as 予以公开 (column by
    column, so every row, column and outcome sum still holds)."""
    others = [r.key for r in TEMPLATES["2021"].request_rows if r.group == OTHER_HANDLING]
    for key in others:
        requests["granted"] = [g + o for g, o in zip(requests["granted"], requests[key], strict=True)]
        requests[key] = [0] * len(requests[key])


def _adjust(data: dict[str, Any], style: Style) -> None:
    if style.wan:  # printed in 万元 with two decimals
        money_in_wan(data)
    if style.single_other:
        _fold_other(data["requests"])


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS, _adjust)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, county, "county")


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
