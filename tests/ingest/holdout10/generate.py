"""Make the tenth hold-out set: new report figures in a 市 / 区 人民政府办公室 main report page
style (comparison material inside the statutory tables) no reader was built on.

    .venv/bin/python -m tests.ingest.holdout10.generate [--out DIR]

The first nine hold-outs have been tuned on since they were scored; this set is the fresh estimate
for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
city and district governments: five applications to some thousands. Both templates, 2019 to 2025.
Every equation holds except in the reports of ``CONTRADICTIONS``, where one printed figure is
changed after the fact: those are read AS PRINTED (the gold keeps the changed figure) and
``check_report`` must report them.

Each report is laid out by ``layout.office`` with a ``Style`` of its own (see there: 上年数 / 增减
/ 同比 columns in table 二, a 占比 column or row in table 三, a 上年 or 同比 row in table 四,
footnote markers on labels, table 三 continued on a new page under a 续表 caption), printed to PDF
by chromium; for five of them the Word original (``layout.office_word``, table 三 in a landscape
section by ``layout.finish_word`` for some) goes through LibreOffice's Word route. Every class of
issue 9 is made by ``holdout_sets.write_classes`` (the same tools as every set). The gold is the
statutory cells only. Written: ``fixtures/<class>/<report>~office[-word].<ext>`` and
``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout10 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout10 import FIXTURES
from tests.ingest.holdout10.layout import Style, finish_word, office, office_word
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "临江市人民政府",
    "临江市青山区人民政府",
    "安宁市人民政府",
    "安宁市西城区人民政府",
    "北岭市人民政府",
    "北岭市高新区管理委员会",
    "南浦市东湖区人民政府",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("o2019-a", "2019", 2019, 0, 1001, 48, True, Style(active_extra="prior", share="column", marks="note")),
    ("o2020-a", "2019", 2020, 1, 1002, 1_900, False, Style(share="row", appeal_extra="yoy", marks="circled", split=12)),
    (
        "o2020-b",
        "2019",
        2020,
        2,
        1003,
        7,
        True,
        Style(active_extra="yoy", appeal_extra="prior", marks="star", split=9, continued="表2（续）", landscape=True),
    ),
    (
        "o2021-a",
        "2021",
        2021,
        3,
        1004,
        620,
        True,
        Style(active_extra="prior", share="column", split=14, landscape=True),
    ),
    ("o2022-a", "2021", 2022, 4, 1005, 4_800, False, Style(active_extra="yoy", appeal_extra="prior", marks="note")),
    (
        "o2023-a",
        "2021",
        2023,
        5,
        1006,
        210,
        True,
        Style(share="row", appeal_extra="yoy", marks="circled", split=16, continued="续表2"),
    ),
    (
        "o2024-a",
        "2021",
        2024,
        6,
        1007,
        2_700,
        False,
        Style(active_extra="prior", share="column", appeal_extra="prior", split=11),
    ),
    ("o2025-a", "2021", 2025, 0, 1008, 5, True, Style(active_extra="yoy", marks="star", landscape=True)),
    (
        "o2025-b",
        "2021",
        2025,
        1,
        1009,
        1_350,
        False,
        Style(share="column", appeal_extra="yoy", marks="note", split=20, continued="表2（续）"),
    ),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, office, "office", office_word, finish_word)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
