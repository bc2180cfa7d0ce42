"""Issue 9, thirteenth hold-out: an old 政务 site's report published as preformatted text, its
tables drawn with box-drawing characters or ASCII rules, a style the reader was NOT built on, read
in every class.

``tests/ingest/holdout13/generate.py`` draws new figures with the first hold-out's machinery (both
templates, eight reports of 2019–2025 from 12 to 1,350 applications, one 2019 report's money in
万元, two printed with a contradiction) and lays them out as such a site publishes them, each report
its own ``Style``: the tables in ``<pre>`` as text (``boxes.py``), outlined by ``┌─┬─┐│├┼┤└┴┘``
(full width) or ASCII ``+---+|`` rules drawn only where two cells meet, so that merged cells stay
open; every label wrapped inside its cell at its column's width (a long table 三 label over two or
three lines, 法人或其他组织's five labels two characters a line, 自然人 as ``自然`` / ``人``); table
三's section and group labels one character a line in narrow columns merged down over their rows
(as the statute's form), or rows of their own with blank figure cells; table 四's labels two or one
characters a line; padding in spaces or full-width spaces; the caption (``表2  收到和处理…``) and
单位：件 as lines of the text; the prose in paragraphs around the ``<pre>`` tables, or the whole
report one ``<pre>`` with its prose hard-wrapped at 38 characters. Printed by chromium in a
monospaced CJK font sized so that the widest table fits the page, and for three reports the Word
original (the same text as preformatted paragraphs) through LibreOffice's Word route. The gold is
the statutory cells only.

The first score, taken before the reader was changed for anything found here, is the estimate for
reports never seen; it is kept in ``FIRST`` (cells · non-zero cells · unflagged wrong). Thresholds
as for the other sets: ≥ 99.5% of cells, ≥ 99% of non-zero cells, nothing refused, no wrong value
outside ``uncertain``; a class not there yet is a strict xfail carrying its measured score.
"""

from __future__ import annotations

from .class_checks import HoldoutSetTests
from .holdout13 import CLASSES, CONTRADICTIONS, FIXTURES

# The untuned reader (main 53995c0) on these fixtures: the estimate for unseen reports. Every file
# refused but in pdftotext (a cell a line) and the ASCII drawings of the crawler classes: no reader
# took a drawn table for a table.
FIRST = {
    "html": "0/1620 (0.00%), non-zero 0.00%, 0 unflagged, 8 of 8 refused",
    "docx": "0/607 (0.00%), non-zero 0.00%, 0 unflagged, 3 of 3 refused",
    "pdf": "810/2227 (36.37%), non-zero 34.65%, 0 unflagged, 7 of 11 refused",
    "pdftotext": "676/2227 (30.35%), non-zero 21.34%, 4 unflagged, 0 refused",
    "pdftotext-layout": "810/2227 (36.37%), non-zero 34.65%, 0 unflagged, 7 of 11 refused",
    # (the three ASCII drawings not read in five minutes each: the pipe path on a 4,000-character
    # line of a page's cells run together; counted as nothing read)
    "pymupdf4llm": "203/2227 (9.12%), non-zero 6.35%, 0 unflagged, 7 of 11 refused, 3 not read in 5 min",
    "markitdown": "810/2227 (36.37%), non-zero 34.65%, 0 unflagged, 7 of 11 refused",
    "crawler": "601/1620 (37.10%), non-zero 34.86%, 0 unflagged, 5 of 8 refused",
    "crawler-nospace": "601/1620 (37.10%), non-zero 34.86%, 0 unflagged, 5 of 8 refused",
}
# Below the thresholds, each with its measured score and what breaks it
NOT_YET = {
    "pymupdf4llm": "1860/2227 cells (83.52%), non-zero 84.53%: every figure the Word prints' text "
    "holds is read; the rest is absent from the files (left unknown, nothing wrong): p2019-a-word's "
    "table 三 but its first row (the file holds its header and 一、本年新收 only), p2024-a-word's "
    "table 三 (its header only) and its 行政许可 and 行政事业性收费 rows (their items' headers "
    "without them), p2022-a-word's last three rows of table 三 and its table 四 (pictures: "
    "``picture … intentionally omitted``)",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome), with their cause
UNFLAGGED: dict[str, str] = {}
# contradicting reports (p2020-a: a table 三 row total, whole-<pre> ASCII; p2023-b: a table 四
# total) not read as printed, with what breaks them
CONTRADICTING: dict[str, str] = {}


class TestHoldout13(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    UNFLAGGED = UNFLAGGED
    CONTRADICTING = CONTRADICTING
    # docx left out: neither contradicting report has a Word original
    CONTRADICTION_CLASSES = ("html", "pdf", "pdftotext-layout", "pymupdf4llm", "markitdown")
