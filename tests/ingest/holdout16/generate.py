"""Make the sixteenth hold-out set: new report figures in a portal's report pages printed to PDF
from a browser with its headers and footers on, no reader was built on.

    .venv/bin/python -m tests.ingest.holdout16.generate [--out DIR]

The first fifteen hold-outs have been tuned on since they were scored; this set is the fresh
estimate for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
county and city departments. Both templates, 2019 to 2025. Every equation holds except in the
reports of ``CONTRADICTIONS``, where one printed figure is changed after the fact: those are read AS
PRINTED (the gold keeps the changed figure) and ``check_report`` must report them.

Each report is laid out by ``layout.portal`` with a ``Style`` of its own (see there: the browser
whose header and footer lines chromium draws in the page's margins, the print's date and time, the
page's URL, 浏览次数, the sidebar beside the article or below it, the tables' type size and label
width that decide where the pages break and which row is split, the mobile layout of a narrow
window); for three of them the Word original (``layout.original``: the report alone) goes through
LibreOffice's Word route. Every class of issue 9 is made by ``holdout_sets.write_classes`` (the same
tools as every set). The gold is the statutory cells only. Written:
``fixtures/<class>/<report>~portal[-word].<ext>`` and ``fixtures/gold/<report>.json``; deterministic
(the browser's lines are the page's own, not the clock's).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout16 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout16 import FIXTURES
from tests.ingest.holdout16.layout import Style, original, portal
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "临安县发展和改革局",
    "临安县司法局",
    "东阳市人力资源和社会保障局",
    "东阳市住房和城乡建设局",
    "松阳县应急管理局",
    "松阳县退役军人事务局",
    "东阳市人民政府办公室",
)
Z = "www.la.gov.cn"
D = "www.dongyang.gov.cn"
S = "www.songyang.gov.cn"

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    (
        "b2019-a",
        "2019",
        2019,
        0,
        1601,
        64,
        True,
        Style(
            browser="chrome", host=Z, article=4120387, printed="2020/3/2 上午10:07", views=2391, font=10.5, tall=True
        ),
    ),
    (
        "b2020-a",
        "2019",
        2020,
        1,
        1602,
        23,
        False,
        Style(browser="firefox", host=Z, article=4388012, printed="2021/2/8 16:41", views=867, sidebar=False, font=11),
    ),
    (
        "b2021-a",
        "2021",
        2021,
        2,
        1603,
        410,
        False,
        Style(browser="chrome", host=D, article=5812345, printed="2022/1/29 下午3:25", views=1234, mobile="sticky"),
    ),
    (
        "b2022-a",
        "2021",
        2022,
        3,
        1604,
        155,
        True,
        Style(browser="edge", host=D, article=6017733, printed="2023/2/3 上午9:41", views=3056, font=11, tall=True),
    ),
    (
        "b2023-a",
        "2021",
        2023,
        4,
        1605,
        12,
        False,
        Style(
            browser="chrome",
            host=S,
            article=7100021,
            printed="2024/1/31 下午5:02",
            views=418,
            sidebar=False,
            mobile="bare",
        ),
    ),
    (
        "b2023-b",
        "2021",
        2023,
        5,
        1606,
        720,
        True,
        Style(browser="firefox", host=S, article=7100468, printed="2024/2/19 08:15", views=12045, font=12, tall=True),
    ),
    (
        "b2024-a",
        "2021",
        2024,
        6,
        1607,
        1320,
        False,
        Style(browser="edge", host=D, article=8205519, printed="2025/3/11 下午2:58", views=7789, font=10),
    ),
    (
        "b2025-a",
        "2021",
        2025,
        0,
        1608,
        47,
        False,
        Style(browser="chrome", host=Z, article=9003176, printed="2026/1/20 上午11:36", views=95, font=11.5, tall=True),
    ),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, portal, "portal", original)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
