"""Make the eighth hold-out set: new report figures in a city government office's or a county
bureau's 微信公众号 article style no reader was built on.

    .venv/bin/python -m tests.ingest.holdout8.generate [--out DIR]

The first seven hold-outs have been tuned on since they were scored; this set is the fresh estimate
for reports nobody has seen. Its figures are drawn by the first hold-out's machinery
(``holdout/generate.py``, through ``holdout_sets.draw_reports``) with new seeds and the sizes of
市人民政府办公室 and 县级局: four applications to some thousands. Both templates, 2019 to 2025.
Every equation holds except in the reports of ``CONTRADICTIONS``, where one printed figure is
changed after the fact: those are read AS PRINTED (the gold keeps the changed figure) and
``check_report`` must report them.

Each report is laid out by ``layout.wechat`` with a ``Style`` of its own (see there: WeChat markup,
vertical group cells, table 三 cut by columns, a channel table and a 上年对比 table, footnote
markers, table 二 transposed, abbreviated labels), printed to PDF by chromium; for five of them the
Word original (``layout.wechat_word``) goes through LibreOffice's Word route. Every class of issue 9
is made by ``holdout_sets.write_classes`` (the same tools as every set). Written:
``fixtures/<class>/<report>~wechat[-word].<ext>`` and ``fixtures/gold/<report>.json``;
deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout8 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout8 import FIXTURES
from tests.ingest.holdout8.layout import Style, wechat, wechat_word
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "临江市人民政府办公室",
    "青山县教育局",
    "白石县市场监督管理局",
    "南平市人民政府办公室",
    "清河县人力资源和社会保障局",
    "云台县交通运输局",
    "江北市人民政府办公室",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("w2019-a", "2019", 2019, 0, 801, 60, True, Style(vertical="br", split=True, notes=True)),
    (
        "w2020-a",
        "2019",
        2020,
        1,
        802,
        1_800,
        False,
        Style(wechat=True, vertical="css", extra="both", transposed=True),
    ),
    ("w2020-b", "2019", 2020, 2, 803, 4, True, Style(wechat=True, abbreviated=True, extra="channel")),
    ("w2021-a", "2021", 2021, 3, 804, 520, True, Style(wechat=True, split=True, transposed=True, notes=True)),
    ("w2021-b", "2021", 2021, 4, 805, 12, False, Style(vertical="css", abbreviated=True, notes=True)),
    ("w2022-a", "2021", 2022, 0, 806, 2_600, True, Style(wechat=True, vertical="br", split=True, extra="compare")),
    ("w2023-a", "2021", 2023, 5, 807, 7, False, Style(transposed=True, abbreviated=True, extra="channel")),
    (
        "w2024-a",
        "2021",
        2024,
        6,
        808,
        4_200,
        True,
        Style(wechat=True, vertical="css", split=True, notes=True, extra="both"),
    ),
    (
        "w2025-a",
        "2021",
        2025,
        2,
        809,
        150,
        False,
        Style(wechat=True, vertical="br", abbreviated=True, transposed=True, notes=True),
    ),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, wechat, "wechat", wechat_word)


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
