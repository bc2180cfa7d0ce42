"""Issue 9, seventh hold-out: a development zone's committee or a provincial department's page
style the reader was NOT built on, read in every class.

``tests/ingest/holdout7/generate.py`` draws new figures with the first hold-out's machinery (both
templates, nine reports of 2019–2025 from three to 3,800 applications, two printed with a
contradiction) and lays them out as a 开发区管委会 or a 省级厅 posts its report on its 政务公开
platform, each report its own ``Style``: a 序号 column at the left of tables 二 and 三 (every
figure row numbered 1, 2, 3 …); table 三's 总计 column right after the labels, or a 小计 column
after the five organisations under 法人或其他组织; table 二's zeros blank with an empty row after
each 第二十条 item; figures with a unit and a space (``12 件``) in tables 三 and 四; OCR-like
misprints in the labels (己获取, 尚末审结, 末经复议直接起诉, 逾期末按, 仍不明); table 四's header in
two rows (行政复议 and the two 行政诉讼 groups side by side); thousands separators; printed by
chromium (tables broken by the print where they fall, the header not repeated), and for five
reports the Word original (the tables whole, ``border="1"``) through LibreOffice's Word route.

The first score, taken before the reader was changed for anything found here, is the estimate for
reports never seen; it is kept in ``FIRST`` (cells · non-zero cells · unflagged wrong). Thresholds
as for the other sets: ≥ 99.5% of cells, ≥ 99% of non-zero cells, nothing refused, no wrong value
outside ``uncertain``; a class not there yet is a strict xfail carrying its measured score.
"""

from __future__ import annotations

from .class_checks import HoldoutSetTests
from .holdout7 import CLASSES, CONTRADICTIONS, FIXTURES

# The untuned reader (main 105f740) on these fixtures: the estimate for unseen reports.
FIRST = {
    "html": "1276/1821 (70.07%), non-zero 48.00%",
    "docx": "638/1011 (63.11%), non-zero 49.67%",
    "pdf": "1933/2832 (68.26%), non-zero 50.65%",
    "pdftotext": "1797/2832 (63.45%), non-zero 46.94%, 1 unflagged",
    "pdftotext-layout": "1947/2832 (68.75%), non-zero 48.75%",
    "pymupdf4llm": "2052/2832 (72.46%), non-zero 58.67%",
    "markitdown": "2074/2832 (73.23%), non-zero 60.14%, 6 unflagged",
    "crawler": "942/1821 (51.73%), non-zero 25.14%, 3 unflagged",
    "crawler-nospace": "994/1821 (54.59%), non-zero 25.57%, 3 unflagged",
}
SERIAL = "the 序号 column read as table 三's first figure column, every figure one column to the right"
ORDER = "总计 read as 自然人 where it is printed first; the 小计 column read as 其他 or 总计"
# Below the thresholds (html and docx read every cell since ``serials`` takes the 序号 column out and
# ``column_order`` puts table 三's columns back in the template's order from the header's grid)
NOT_YET = {
    "pdftotext": "1951/2832 cells (68.89%), non-zero 54.18%: ``text_without_serials`` and "
    "``text_column_order`` (总计/小计 placed by the header words and every row's sums) read only tables "
    "whose rows each hold one figure per column; the Word prints' cells come one a line with units "
    f"wrapped apart (``768 件`` / ``件``) and rows whose number went missing ({SERIAL}; {ORDER}); "
    "the Word prints whose labels wrap often are read blank-separated (``wrapped_labels``) but rows' "
    "figures printed ahead of their labels (``（二）部分公开 38 11 0 4 2 0``) stay on the row before",
    "pdftotext-layout": "2353/2832 cells (83.09%), non-zero 72.22%: as pdftotext; a number printed on "
    f"the line of a tall row's figures (``4   4 0 0 0 1 0 5``) is read as its first figure ({SERIAL})",
    "pymupdf4llm": "2694/2832 cells (95.13%), non-zero 91.11%: the 序号 run and table 三's header order are "
    "read on pipe tables; z2022-a's header (总计 first) is set as one paragraph cell (``申请人情况 总计 自然 "
    "法人或其他组织 人``) in a table of its own, its titles' columns lost: read in the template's order",
    "markitdown": "2548/2832 cells (89.97%), non-zero 81.36%: as pymupdf4llm (z2022-a); z2023-a's titles "
    "and figures in cells shared across columns and rows (``人 商业`` over ``企业``, ``3   0``, ``0 0 3`` "
    "above its row); table 二's figures of z2019-a/z2021-a/z2022-a's Word originals lost",
    "crawler": "1759/1821 cells (96.60%), non-zero 91.71%: the 序号 numbers are taken off the rows' ends "
    "(``text_without_serials``) and table 三's runs cut in the order its header states (``text_order``); "
    "table 二's runs (blank zeros run together, a 序号 before each item) are left unknown or flagged; "
    "z2024-a's table 四 (its total changed, in a two-row header) cut where the other groups add up, flagged",
    "crawler-nospace": "1759/1821 cells (96.60%), non-zero 91.71%: as crawler",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome), with their cause
UNFLAGGED: dict[str, str] = {}
# contradicting reports (z2021-b: a table 三 total; z2024-a: a table 四 total, with a Word original)
Z2024 = "z2024-a (its table 四 total changed) is not read as printed: its table 三 has a 序号 column"
CONTRADICTING = {name: Z2024 for name in ("pdftotext-layout",)}


class TestHoldout7(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    UNFLAGGED = UNFLAGGED
    CONTRADICTING = CONTRADICTING
    # docx has one contradicting report only (z2024-a; z2021-b has no Word original), fewer than the
    # class check asks for: it is checked in test_serial_columns
    CONTRADICTION_CLASSES = ("html", "pdf", "pdftotext-layout", "pymupdf4llm", "markitdown")
