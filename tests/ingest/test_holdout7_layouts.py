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
# ``column_order`` puts table 三's columns back in the template's order from the header's grid;
# pymupdf4llm since ``serials`` skips a converter's blank first column and ``text_column_order`` reads
# z2022-a's header words, set as a paragraph above the pipe table)
NOT_YET = {
    "pdftotext": "2630/2832 cells (92.87%), non-zero 87.92%: the 序号 numbers are taken out wherever the rows "
    "keep their sums only without them (``text_serial_tokens``: ending, beginning or inside a row's figures, "
    "or alone after later rows) and table 三's columns put in the order the header words state "
    "(``text_column_order``, by the header's words above 申请人情况 too, and beside records the flow split); "
    "the platform print's wrapped units put back (``flow_units``: ``439 件 292`` / ``件 32 件 …``, ``件0``); "
    "z2024-a's flex rows (two figures by each label among the 序号 numbers, the rest after the last label) "
    "read by the rows' sums (``serial_leads``); "
    "z2024-a's Word print puts table 三's first row's cells around its header, z2022-a's Word print its cells one a "
    f"line with units wrapped apart (``768 件`` / ``件``), and z2022-a's first rows' figures a row early "
    f"({SERIAL}; {ORDER})",
    "crawler": "1801/1821 cells (98.90%), non-zero 97.57%: the 序号 numbers are taken off the rows' ends "
    "(``text_without_serials``) and table 三's runs cut in the order its header states (``text_order``); "
    "table 二's runs (blank zeros run together, a 序号 before each item) are left unknown or flagged; "
    "z2024-a's table 四 (its total changed, in a two-row header) cut where the other groups add up, flagged",
    "crawler-nospace": "1801/1821 cells (98.90%), non-zero 97.57%: as crawler",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome), with their cause
UNFLAGGED: dict[str, str] = {}
# contradicting reports (z2021-b: a table 三 total; z2024-a: a table 四 total, with a Word original)
# (pdftotext-layout reads z2024-a as printed since ``text_serial_tokens`` takes its 序号 numbers out)
CONTRADICTING: dict[str, str] = {}


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
