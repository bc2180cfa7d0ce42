"""Make the nineteenth hold-out set: new report figures in a 区/县 government's 政府信息公开 年报
page, saved by a crawler and turned into text by the tools crawlers use, no reader was built on.

    .venv/bin/python -m tests.ingest.holdout19.generate [--out DIR]

(the HTML-to-text libraries are in the ``fixtures`` extra, ``w3m``, ``lynx`` and ``pandoc`` are
Debian packages; the committed fixtures mean the tests never need them.) The figures are drawn by
the first hold-out's machinery (``holdout_sets.draw_reports``) with new seeds and the sizes of
district and county departments; both templates, 2019 to 2025; every equation holds except in the
reports of ``CONTRADICTIONS`` (read AS PRINTED, reported by ``check_report``).

Each report is laid out by ``layout.district`` with a ``Style`` of its own, printed by chromium
(two also as their Word original, the article alone, through LibreOffice's Word route), every class
of issue 9 made by ``holdout_sets.write_classes``, and the saved page turned into text by every tool
of ``extractors.FROM_HTML`` (Markdown classes written as ``.md``).

Written: ``fixtures/<class>/<report>~district[-word].<ext>`` and ``fixtures/gold/<report>.json``;
deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.ingest.holdout19 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout19 import FIXTURES
from tests.ingest.holdout19.extractors import FROM_HTML, MARKDOWN
from tests.ingest.holdout19.layout import Style, district, original
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "杭州市西湖区人民政府办公室",
    "杭州市西湖区教育局",
    "绍兴市柯桥区卫生健康局",
    "绍兴市柯桥区住房和城乡建设局",
    "安吉县人民政府",
    "安吉县市场监督管理局",
    "德清县自然资源和规划局",
)
XIHU, KEQIAO, ANJI, DEQING = "杭州市西湖区人民政府", "绍兴市柯桥区人民政府", "安吉县人民政府", "德清县人民政府"

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("d2019-a", "2019", 2019, 0, 1901, 57, False, Style(site=XIHU, rows="merged", views=3127)),
    ("d2020-a", "2019", 2020, 4, 1902, 24, True, Style(site=ANJI, rows="headings", pasted=False, frame="div")),
    ("d2021-a", "2021", 2021, 1, 1903, 112, False, Style(site=XIHU, rows="unmerged", strong=False, views=845)),
    ("d2022-a", "2021", 2022, 2, 1904, 386, False, Style(site=KEQIAO, rows="merged", index=True, views=1290)),
    ("d2023-a", "2021", 2023, 3, 1905, 13, False, Style(site=KEQIAO, rows="headings", frame="div", views=402)),
    ("d2023-b", "2021", 2023, 5, 1906, 71, True, Style(site=ANJI, rows="merged", strong=False, index=True)),
    ("d2024-a", "2021", 2024, 6, 1907, 1874, False, Style(site=DEQING, rows="unmerged", pasted=False, views=5531)),
    ("d2025-a", "2021", 2025, 0, 1908, 233, False, Style(site=XIHU, rows="merged", frame="div", views=96)),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def generate(out: Path) -> dict[str, int]:
    suffixes = dict.fromkeys(MARKDOWN, ".md")
    return write_classes(
        out, reports(), REPORTS, district, "district", original, more_html=FROM_HTML, suffixes=suffixes
    )


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
