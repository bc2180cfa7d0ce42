"""Issue 9, fourth hold-out: a department-site page style (tables pasted from Excel) the reader was
NOT built on, read in every class.

``tests/ingest/holdout4/generate.py`` draws new figures with the first hold-out's machinery (both
templates, eight reports from 3 to 66,000 applications, two printed with a contradiction) and lays
them out as city and provincial departments' (市/省 厅局) sites print them, each report its own
``Style``: a 信息公开目录 box (索引号, 发文日期) above the article, Excel-pasted tables (``x:num``
cells, the table's title in its first row, an empty last row), full-width digits (``１２３``) or
thousands separators, ``单位：件`` above a table or as its first row, zeros printed ``0`` in one
table and ``-`` or blank in the next, table 二 as one small table per 第二十条 item or with its
columns in another order, table 三's applicant header in one row with a ``备注`` column, row labels
reworded (本年度新收…, 信访、举报、投诉类申请), table 四 as two tables (行政复议; 行政诉讼 with
its groups as rows) totalled 合计 or 小计, notes with figures under the tables and a running header
and footer on every printed page; printed by chromium and through LibreOffice's Word route.

The first score, taken before the reader was changed for anything found here, is the estimate for
reports never seen; it is kept in ``FIRST`` (cells · non-zero cells · unflagged wrong). Thresholds
as for the other sets: ≥ 99.5% of cells, ≥ 99% of non-zero cells, nothing refused, no wrong value
outside ``uncertain``; a class not there yet is a strict xfail carrying its measured score.
"""

from __future__ import annotations

from .class_checks import HoldoutSetTests
from .holdout4 import CLASSES, CONTRADICTIONS, FIXTURES

# The untuned reader (branch start, 34ceb82) on these fixtures: the estimate for unseen reports.
FIRST = {
    "html": "1618/1618 (100%), non-zero 100%",
    "docx": "1011/1011 (100%), non-zero 100%",
    "pdf": "2608/2629 (99.20%), non-zero 98.46%: the row after a page cut lost under the running "
    "footer and header (flagged)",
    "pdftotext": "1206/2629 (45.87%), non-zero 42.27%",
    "pdftotext-layout": "2261/2629 (86.00%), non-zero 78.57%",
    "pymupdf4llm": "2284/2629 (86.88%), non-zero 78.31%",
    "markitdown": "2180/2629 (82.92%), non-zero 73.78%",
    "crawler": "872/1618 (53.89%), non-zero 70.17%, 8 unflagged: agency read with the running header "
    "or the index box's 发文日期, year read from 发文日期 (the year after)",
    "crawler-nospace": "872/1618 (53.89%), non-zero 70.17%, 8 unflagged: as crawler",
}
# Below the thresholds now
NOT_YET = {
    "pdftotext": "2148/2629 cells (81.70%), non-zero 85.31%: table 三 in every report but b2024-e (its Word "
    "print's full-width digits wrapped, tails after the row's next figures, read by wrapped_stream), full-width "
    "digits wrapped (a row's twin heads, 35 35 over 0 / 7, join either way where no column sum is read; "
    "b2022-c's Word print: blank zeros and wrapped digits in a flow neither of rows nor of columns; "
    "b2022-c's Excel print: blank zeros, 其他 and 总计 in a band after the "
    "last label: its rows are cut (blank_bands), but which organisation columns hold its figures "
    "the sums leave open, and its table 二 is misread), - zeros dropped as hyphens where a cell's "
    "flow goes on (b2019-a's Word print: "
    "columns printed in row bands, 总计's first rows last, nearly every cell -), labels wrapped in "
    "narrow Excel columns; rows printed a cell a line (b2023-d, b2021-a) have the organisation "
    "columns of their figures unknown where the table's sums leave the placement open",
    "markitdown": "2545/2629 cells (96.80%), non-zero 97.10%: b2022-c's table 三 prints zeros blank "
    "in pipe cells holding two or three columns (自然人 商业企业 | 科研 社会公益 法律服务 | 其他 总计): "
    "which column of a cell a lone figure stands in is unknown (flagged)",
    "crawler": "1525/1618 cells (94.25%), non-zero 93.56%: table 三 with blank zeros run together "
    "(b2022-c: columns 1-5 undecidable, moving a column of figures into a blank one keeps every sum), "
    "table 二's runs (规章 rows of b2023-d, b2024-e; 2019 rows with separators, b2020-b): no equation "
    "cuts them (b2022-b's 行政复议 group, 1,540+463+308+462 = 2,773 ≠ 2,774, is cut by its separators "
    "and the prose's total, read as printed, in doubt)",
    "crawler-nospace": "1525/1618 cells (94.25%), non-zero 93.56%: as crawler",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome)
UNFLAGGED: dict[str, str] = {}
# contradicting reports (b2020-b, b2022-b) read as printed; where table 三's rows are lost the
# balance cannot be checked (their cells are reported unknown instead)
CONTRADICTING: dict[str, str] = {}


class TestHoldout4(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    UNFLAGGED = UNFLAGGED
    CONTRADICTING = CONTRADICTING
    CONTRADICTION_CLASSES = ("html", "pdf", "pdftotext-layout", "pymupdf4llm", "markitdown")
