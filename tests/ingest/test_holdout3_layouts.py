"""Issue 9, third hold-out: a county-portal page style the reader was NOT built on, read in every class.

``tests/ingest/holdout3/generate.py`` draws new figures with the first hold-out's machinery (both
templates, eight reports from 5 to 47,000 applications, two printed with a contradiction) and lays
them out as county sites paste Word tables into their CMS, each report its own ``Style``: the
article inside a layout table or a div grid beside a column of links, table 三's applicant header
in two rows (自然人 / 法人或其他组织 over five / 总计), labels spread with full-width spaces or
broken by ``<br>``, numbering mixed in one table ((四) beside （三）, 1、 / （1） / 1．), figures
right-aligned with a trailing 件/个 or a leading 0, zeros as 0, blank, / or —, table 四's group
headers on two lines, table 三 cut by a page with its page number in a row of the table or
between its halves, and 2021-template reports printing （六）其他处理 as one row; printed by
chromium and through LibreOffice's Word route.

The first score, taken before the reader was changed for anything found here, is the estimate for
reports never seen; it is kept in ``FIRST`` (cells · non-zero cells · unflagged wrong). Thresholds
as for the other sets: ≥ 99.5% of cells, ≥ 99% of non-zero cells, nothing refused, no wrong value
outside ``uncertain``; a class not there yet is a strict xfail carrying its measured score.
"""

from __future__ import annotations

from .class_checks import HoldoutSetTests
from .holdout3 import CLASSES, CONTRADICTIONS, FIXTURES

# The untuned reader (branch start, 33390ac) on these fixtures: the estimate for unseen reports.
FIRST = {
    "html": "1613/1618 (99.69%), non-zero 99.86%: a page-number row inside table 三 read as a figure (flagged)",
    "docx": "808/808 (100%), non-zero 100%",
    "pdf": "2426/2426 (100%), non-zero 100%",
    "pdftotext": "1125/2426 (46.37%), non-zero 38.43%, 18 unflagged: table 三 rows read one row off",
    "pdftotext-layout": "2022/2426 (83.35%), non-zero 70.89%, 4 unflagged: agency read with the side column's heading",
    "pymupdf4llm": "2370/2426 (97.69%), non-zero 95.39%, 4 unflagged: agency read with the side column's heading",
    "markitdown": "1966/2426 (81.04%), non-zero 73.72%",
    "crawler": "684/1618 (42.27%), non-zero 36.47%",
    "crawler-nospace": "716/1618 (44.25%), non-zero 36.89%",
}
# Below the thresholds now
NOT_YET = {
    "pdftotext": "2206/2426 cells (90.93%), non-zero 87.75%: table 三 with blank zeros printed apart "
    "from labels (c2019-a: its organisation columns forced 0 by the prose's totals and the equations, "
    "which rows hold its 5 requests not said), table 四 of a Word print (c2023-c; its table 三, "
    "figures+件 with tall rows' 总计 printed later, read by deferred_totals), column blocks mixed "
    "with blank zeros (c2023-e: 自然人, 总计 and zero rows "
    "read, the organisation columns not said), table 二 cut by a page (c2020-b from 行政强制 on) or its "
    "last column printed after table 三's heading (c2022-b)",
    "crawler": "1509/1618 cells (93.26%), non-zero 90.88%: blank zeros vanished, their columns undecidable "
    "(c2023-e: the same columns blank in every row, any 3 of the 5 organisation columns adding up alike; "
    "table 二 of c2019-a: 行政处罚5 and 收费9 place one figure in 3 or 2 columns, no relation deciding; "
    "c2023-e's 复议 cut 24 11 1 7 or 24 1 11 7, "
    "the same parts: no likelihood tells them apart)",
    "crawler-nospace": "1509/1618 cells (93.26%), non-zero 90.88%: as crawler (a page number run into "
    "a row, 02—————02—3—三、本年度办理结果（五）…, is dropped where the table's group heading repeats after it)",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome)
UNFLAGGED: dict[str, str] = {}  # none now (was: pdftotext 18, -layout 4, pymupdf4llm 4; see FIRST)
# contradicting reports (c2020-b, c2022-b) read as printed; html loses c2020-b's 重复申请 to the
# page-number row inside table 三 (-layout reads both as printed since its wrapped rows are put together)
CONTRADICTING = {
    "html": "c2020-b: the page-number row (— 3 —) inside table 三 taken for 重复申请's last cells",
}


class TestHoldout3(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    UNFLAGGED = UNFLAGGED
    CONTRADICTING = CONTRADICTING
    CONTRADICTION_CLASSES = ("html", "pdf", "pdftotext-layout")
