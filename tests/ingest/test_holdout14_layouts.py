"""Issue 9, fourteenth hold-out: reports published as PDFs whose TEXT LAYER is defective as real
producers (WPS, old Word, fonts subset without a proper ToUnicode map) make it, a style the reader
was NOT built on, read in every class.

``tests/ingest/holdout14/generate.py`` draws new figures with the first hold-out's machinery (both
templates, eight reports of 2019–2025 from 16 to 1,180 applications, two printed with a
contradiction) and lays them out as such a producer prints them, each report its own ``Style``
(``layout.py``): common characters as the look-alike Kangxi radicals (``⼀ ⼆ ⼈ ⽂ ⾏ ⽅ ⾦``), CJK
Radicals Supplement code points (``⺠ ⻓ ⻔``) or compatibility ideographs (``不 年 理``), in the
whole page or only in the text of one font (the headings', the tables', table 三's or 四's); short
labels 分散对齐 with spaces or full-width spaces (``自 然 人``); table 三 and 四's figures in full-width
digits or with a trailing 件 (``12件``); a running title at the top of every page and ``— 3 —`` at
the bottom, printed between the rows of a table crossing pages; table 三 on a landscape page. The
defective characters are in the page's text, so chromium prints them into the PDF's text layer and
every class made from it carries them as a real producer's does; for three reports the Word
original goes through LibreOffice's Word route. The gold is the statutory cells only.

The first score, taken before the reader was changed for anything found here, is the estimate for
reports never seen; it is kept in ``FIRST`` (cells · non-zero cells · unflagged wrong). Thresholds
as for the other sets: ≥ 99.5% of cells, ≥ 99% of non-zero cells, nothing refused, no wrong value
outside ``uncertain``; a class not there yet is a strict xfail carrying its measured score.
"""

from __future__ import annotations

from .class_checks import HoldoutSetTests
from .holdout14 import CLASSES, CONTRADICTIONS, FIXTURES

# The untuned reader (main 5d6d39f) on these fixtures: the estimate for unseen reports. The PDF
# reader folds every radical; the agency's name in the Radicals Supplement (⻓ ⺠ ⻔) is read as
# printed in the page and Word classes (unflagged); the text classes lose letter-spaced labels'
# rows, figures wrapped in narrow cells and rows around the page furniture.
FIRST = {
    "html": "1618/1620 (99.88%), non-zero 100.00%, 2 unflagged, 0 refused",
    "docx": "605/607 (99.67%), non-zero 100.00%, 2 unflagged, 0 refused",
    "pdf": "2227/2227 (100.00%), non-zero 100.00%, 0 unflagged, 0 refused",
    "pdftotext": "1678/2227 (75.35%), non-zero 69.14%, 4 unflagged, 0 refused",
    "pdftotext-layout": "2184/2227 (98.07%), non-zero 97.15%, 2 unflagged, 0 refused",
    "pymupdf4llm": "2031/2227 (91.20%), non-zero 88.19%, 0 unflagged, 0 refused",
    "markitdown": "2122/2227 (95.29%), non-zero 92.26%, 0 unflagged, 0 refused",
    "crawler": "1537/1620 (94.88%), non-zero 91.24%, 0 unflagged, 0 refused",
    "crawler-nospace": "1591/1620 (98.21%), non-zero 96.70%, 0 unflagged, 0 refused",
}
# Below the thresholds, each with its measured score and what breaks it
NOT_YET = {
    "pdftotext": "1871/2227 cells (84.01%), non-zero 78.31%: pdftotext's reading order of these "
    "pages: t2023-b-word's table 三 with tall rows' first cells by their wrapped labels and the other "
    "figures (with their 件) in a flow apart (t2022-a-word's read by ``deferred_totals`` since its "
    "spread ``3`` / ``. 其`` / ``他`` label is joined: ``spread_labels``); table 三's rows continued "
    "on the next page read in column blocks (the 自然人 figure by each label, the other columns four "
    "rows a block, the first rows' 总计 past table 四's heading: t2019-a, t2023-a); full-width figures "
    "wrapped digit by digit where the sums hold either way (t2023-a's ``1 … 1`` / ``6`` / ``6``) or "
    "their heads stand over 件 cells (t2025-a's ``4`` / ``1 5`` over ``0 0件 … 8 8``); table 二 "
    "across a page read in column blocks with the running title and ``—1—`` among them (t2020-a)",
    "pdftotext-layout": "2205/2227 cells (99.01%), non-zero 98.57%: full-width figures a narrow cell "
    "wrapped digit by digit, heads over the row's 件 cells (``４ · １ ５`` over ``０ ０件 … ８ ８``, t2025-a) "
    "where the sums hold either way or the tail is the unit (t2023-a's ``１ … １`` over ``６ … ６`` read "
    "since ``requests`` offers the row's wrapped tails joined beside its dropped zeros); t2022-a-word's "
    "(六) rows, their labels wrapped around 3 . 其 他 spread wide, read one row off (flagged: the "
    "figures stand between the labels of a row printing none and their own, ``blank_neighbours``)",
    "pymupdf4llm": "2144/2227 cells (96.27%), non-zero 95.32%: t2019-a-word's first rows of table 三 "
    "in a region pymupdf4llm omitted as a picture (not in its text); t2023-b-word's first row of table "
    "三 set as a line of text above the table (``一、本年新收政府信息408 77 件 104 …``, its wrapped "
    "units in the table's first row), its last rows omitted as a picture, and table 四 set as one "
    "line with the wrapped totals first (``14 10 17 5 件3 件…``)",
    "markitdown": "2193/2227 cells (98.47%), non-zero 97.76%: t2023-b-word's wrapped figures where a "
    "cell holds two columns' figures and both orders add up (``59`` over ``0件``), a head two lines "
    "above its row past a label piece; "
    "t2025-a's figures wrapped on three levels (a loose ``１`` above the table, ``２`` in the row: "
    "12) or with their units on the next page; t2023-a's ``１ １`` · ``６ ６`` loose around a row "
    "of zeros (16 first or last alike); t2020-a's 2019 (六)其他处理 and (七)总计 rows, t2025-a's "
    "3.补正后申请内容仍不明确 row (flagged or unknown)",
    "crawler": "1601/1620 cells (98.83%), non-zero 97.56%: table 二's figures run together "
    "(``规章11011``) where no equation tells the cut (flagged)",
    "crawler-nospace": "1601/1620 cells (98.83%), non-zero 97.56%: table 二's figures run together "
    "where no equation tells the cut (flagged)",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome), with their cause
UNFLAGGED: dict[str, str] = {}
# contradicting reports (t2021-a: a table 三 row total, headings and table 三 broken, 件 figures,
# landscape; t2024-a: a table 四 total, compatibility ideographs) not read as printed
CONTRADICTING: dict[str, str] = {
    "markitdown": "t2021-a's table 三 on its landscape page, figures with 件: (一)予以公开's 总计 on its "
    "label's line (``三、本年度办理 104``), which adds up first or last alike (flagged)",
}


class TestHoldout14(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    UNFLAGGED = UNFLAGGED
    CONTRADICTING = CONTRADICTING
    # docx left out: neither contradicting report has a Word original
    CONTRADICTION_CLASSES = ("html", "pdf", "pdftotext-layout", "pymupdf4llm", "markitdown")
