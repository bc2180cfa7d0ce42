"""Issue 9, tenth hold-out: a 市 / 区 人民政府办公室's report page that prints NON-STATUTORY
comparison material inside the statutory tables, a style the reader was NOT built on, read in every
class.

``tests/ingest/holdout10/generate.py`` draws new figures with the first hold-out's machinery (both
templates, nine reports of 2019–2025 from five to 4,800 applications, two printed with a
contradiction) and lays them out as a city's or a district's government office publishes its report
on the portal, each report its own ``Style``: table 二 with extra columns 上年数 and 增减 (``+98``)
or 同比 (``6.0%``) beside the template's; table 三 with an extra 占比 column after 总计 (``17.4%``)
or an extra 其中：占比 row under 一、本年新收; table 四 with a 年度 column and an extra row for last
year (``2023年``) or 同比 under the figures; footnote markers on labels (``注1``, ``①``, ``*``) with
the notes under the tables (figures in them: ``3种渠道``); table 三 broken across pages, the rest
on a new page under a 续表 caption (``续表`` / ``表2（续）`` / ``续表2``) with the header rows and the
merged labels printed again; the portal's 信息公开目录 metadata table, 字号 switch and 打印 / 关闭
around the article; printed by chromium, and for five reports the Word original (ruled tables,
table 三 in a landscape section for three of them) through LibreOffice's Word route. The gold is
the statutory cells only.

The first score, taken before the reader was changed for anything found here, is the estimate for
reports never seen; it is kept in ``FIRST`` (cells · non-zero cells · unflagged wrong). Thresholds
as for the other sets: ≥ 99.5% of cells, ≥ 99% of non-zero cells, nothing refused, no wrong value
outside ``uncertain``; a class not there yet is a strict xfail carrying its measured score.
"""

from __future__ import annotations

from .class_checks import HoldoutSetTests
from .holdout10 import CLASSES, CONTRADICTIONS, FIXTURES

# The untuned reader (main f4cfd05) on these fixtures: the estimate for unseen reports.
FIRST = {
    "html": "1486/1821 (81.60%), non-zero 70.82%, 0 unflagged",
    "docx": "837/1011 (82.79%), non-zero 62.46%, 0 unflagged",
    "pdf": "2323/2832 (82.03%), non-zero 68.38%, 0 unflagged",
    "pdftotext": "1617/2832 (57.10%), non-zero 47.62%, 0 unflagged",
    "pdftotext-layout": "1794/2832 (63.35%), non-zero 52.47%, 0 unflagged",
    "pymupdf4llm": "2309/2832 (81.53%), non-zero 67.12%, 0 unflagged",
    "markitdown": "2328/2832 (82.20%), non-zero 67.90%, 0 unflagged",
    "crawler": "914/1821 (50.19%), non-zero 38.90%, 3 unflagged: table 二's cells run together with "
    "the 上年数 / 增减 after them (行政处罚442344+98 read 442344)",
    "crawler-nospace": "880/1821 (48.33%), non-zero 34.66%, 3 unflagged: as crawler",
}
# Below the thresholds, each with its measured score and what breaks it
NOT_YET = {
    "html": "1558/1821 cells (85.56%), non-zero 79.59%: table 三 with a 占比 column after 总计 is read "
    "a column over, flagged, or left unread (o2019-a: 总计 read 100 for 48 from ``100.0%``; o2019-a, "
    "o2021-a, o2024-a, o2025-b: 263 cells); tables 二 and 四 are read",
    "docx": "889/1011 cells (87.93%), non-zero 77.08%: as html (table 三 with a 占比 column read a "
    "column over or unread: o2021-a-word 95 cells)",
    "pdf": "2447/2832 cells (86.41%), non-zero 78.86%: as html, in the chromium and the Word prints "
    "alike (table 三's 占比 column); the 续表, the 占比 row and the 上年 / 同比 row of table 四 are read",
    "pdftotext": "1757/2832 cells (62.04%), non-zero 56.26%: table 三 lost in most reports: the 续表 "
    "caption and header repeated mid-table, the 占比 row or column (o2020-a, o2023-a, o2025-b: 112–161 "
    "cells each); table 二 of the Word prints left unread where its labels and figures come apart "
    "(o2021-a-word, o2025-a-word: 19 cells)",
    "pdftotext-layout": "1890/2832 cells (66.74%), non-zero 60.72%: table 三 with a 占比 column left "
    "unread (o2021-a, o2024-a, o2025-b, o2019-a-word: 150–168 cells each); table 二 of the 2019 "
    "template with extra columns left unread (o2020-b and its Word print: 28 cells); o2019-a's plain "
    "table 四 left unread (its header lines interleaved, ``结果维持 … 未经复议直接起诉`` on one line: 15 cells)",
    "pymupdf4llm": "2447/2832 cells (86.41%), non-zero 78.66%: as pdf (table 三's 占比 column)",
    "markitdown": "2470/2832 cells (87.22%), non-zero 79.73%: as pdf (table 三's 占比 column); the Word "
    "print's 续表 with the 占比 row loses 总计 and 结转 (o2023-a-word)",
    "crawler": "1019/1821 cells (55.96%), non-zero 49.86%: table 三 with a 占比 column runs each row's "
    "percentage into its 总计 (``…0620100.0%``) and is left unread (o2021-a, o2024-a, o2025-b: 175 "
    "cells each); table 二 of the 2019 template run together and left unread (o2019-a, o2020-a, "
    "o2020-b: 49 cells); the fees run ``1076.59676.20+400.39`` read into the label (flagged); table "
    "四's run of this year's figures cut only in part (o2024-a: 7 cells)",
    "crawler-nospace": "995/1821 cells (54.64%), non-zero 47.26%: as crawler",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome), with their cause
UNFLAGGED: dict[str, str] = {}
# contradicting reports (o2020-b: 结转下年度 +10, with a Word original; o2023-a: a table 三 total, with
# a Word original) not read as printed, with what breaks them
CONTRADICTING = {
    "pdftotext-layout": "o2020-b-word: table 二 of the 2019 template with its extra columns left unread; "
    "o2023-a-word: the 占比 row runs into 一、本年新收 (read 16 210 · 100 for 0 0 16 · 210)",
}


class TestHoldout10(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    UNFLAGGED = UNFLAGGED
    CONTRADICTING = CONTRADICTING
    CONTRADICTION_CLASSES = ("html", "docx", "pdf", "pdftotext-layout", "pymupdf4llm", "markitdown")
