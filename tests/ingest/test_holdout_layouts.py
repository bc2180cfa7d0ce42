"""Issue 9 hold-out: reports and a page style the reader was NOT built on, read in every class.

``tests/ingest/holdout/generate.py`` draws new figures (both templates, many non-zero, every
equation true except in three reports printed with a contradiction) and lays them out as a
provincial portal does (单位：件 caption row, table 三's labels in one column with their full
numbering, table 四 split into 行政复议 and 行政诉讼 tables, 其它 for 其他, a label with a character
lost), printed by chromium and through LibreOffice's Word route (tables without rules). The first
score, taken before the reader was changed for anything found here, is the honest estimate for
reports never seen; it is kept in ``FIRST`` for the record.

Thresholds as for the other sets: ≥ 99.5% of cells, ≥ 99% of non-zero cells, nothing refused, no
wrong value outside ``uncertain``. A class not there yet is a strict xfail with its measured score.
"""

from __future__ import annotations

from .class_checks import HoldoutSetTests
from .holdout import CLASSES, CONTRADICTIONS, FIXTURES

# Before any change made for this set (the branch's starting reader on these fixtures): the estimate
# for unseen reports. (The very first run, before the ruled metadata box was added to the style,
# gave the same for pdf and -layout, pdftotext 39.92%, pymupdf4llm 95.39%, markitdown 96.60%.)
FIRST = {
    "pdf": "404/1011 (39.96%), non-zero 33.58%, 3 refused: the Word prints' statutory tables draw no rules",
    "pdftotext": "790/1821 (43.38%), non-zero 35.56%, 1 unflagged: a table's last figure dropped as a page number",
    "pdftotext-layout": "1771/1821 (97.25%), non-zero 95.16%: table 四 split in two tables",
    "pymupdf4llm": "1753/1821 (96.27%), non-zero 93.41%",
    "markitdown": "1758/1821 (96.54%), non-zero 94.77%",
    "crawler": "675/1214 (55.60%), non-zero 46.30%",
    "crawler-nospace": "817/1214 (67.30%), non-zero 59.32%",
}
NOT_YET = {
    "crawler": "1207/1214 cells (99.42%), non-zero 98.96%: table 二's rows run together: the likeliest cut "
    "is read, flagged, and is wrong in some rows (46033246246033 read 4603 32462 46033); table 四's run-on flow",
    "crawler-nospace": "1207/1214 cells (99.42%), non-zero 98.96%: as crawler",
}


class TestHoldout(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    CONTRADICTION_CLASSES = ("pdf", "pdftotext-layout")


def test_a_lone_figure_ending_a_page_is_no_page_number_when_no_page_is_numbered() -> None:
    """A browser's print has no page numbers: the figure ending a page is a table's last cell
    (the hold-out found one dropped silently). Numbered pages still lose their numbers."""
    from gongkai.ingest.page_numbers import drop_page_numbers

    unnumbered = ["行政强制", "51", "-1", "4", "", "\f第二十条第（八）项", "0", "3", "1", ""]
    assert drop_page_numbers(unnumbered) == unnumbered
    numbered = ["行政强制", "51", "-1", "4", "1", "\f第二十条第（八）项", "0", "3", "2"]
    kept = drop_page_numbers(numbered)
    assert kept[4] == "" and kept[8] == "" and kept[3] == "4"
