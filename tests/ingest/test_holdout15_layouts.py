"""Issue 9, fifteenth hold-out: reports published as SEARCHABLE SCANS (a paper report scanned and
passed through the scanner's OCR, the PDF's text layer that OCR's output), a style the reader was
NOT built on, read in every class.

``tests/ingest/holdout15/generate.py`` draws new figures with the first hold-out's machinery (both
templates, eight reports of 2019–2025 from 24 to 1,320 applications, two printed with a
contradiction) and lays them out as such an OCR reads the scanned page, each report its own
``Style`` (``layout.py``): digits read as look-alike letters in some figures (``1O``, ``l2``, ``S``,
``B``, ``Z``), label characters read as look-alikes (申/甲/由, 人/入, 己/已, 末/未, 于/千, 八/人) or
dropped or doubled, blanks inside labels and between the digits of one figure (``1 2``), table
rules read as ``|`` ``丨`` ``l`` ``I`` ``［`` at cell borders, the title's agency and year with an OCR
slip (``民政后2o19年``), ASCII punctuation for full-width, rows whose figures sit on a text line of
their own. The misreadings are in the page's text, so chromium prints them into the PDF's text
layer and every class made from it carries them; for three reports the Word export goes through
LibreOffice's Word route. The gold is the statutory cells only.

The first score, taken before the reader was changed for anything found here, is the estimate for
reports never seen; it is kept in ``FIRST`` (cells · non-zero cells · unflagged wrong). Thresholds
as for the other sets: ≥ 99.5% of cells, ≥ 99% of non-zero cells, nothing refused, no wrong value
outside ``uncertain``; a class not there yet is a strict xfail carrying its measured score.
"""

from __future__ import annotations

from .class_checks import HoldoutSetTests
from .holdout15 import CLASSES, CONTRADICTIONS, FIXTURES

# The untuned reader (h-fresh15 at 582e5c8, main's) on these fixtures: the estimate for unseen reports.
# Figures with a letter for a digit, a blank inside or a rule mark beside them are no figures to
# any reader (flagged misses, most of the loss); the agency's name is read wrong and unflagged
# where the intro's 中华人民共和国 is read 中华入民共和国 (the name cut at 人民 / 民).
FIRST = {
    "html": "963/1620 (59.44%), non-zero 37.35%, 0 unflagged, 0 refused",
    "docx": "401/607 (66.06%), non-zero 50.67%, 0 unflagged, 0 refused",
    "pdf": "1386/2227 (62.24%), non-zero 43.42%, 6 unflagged, 0 refused",
    "pdftotext": "1089/2227 (48.90%), non-zero 26.65%, 4 unflagged, 0 refused",
    "pdftotext-layout": "1339/2227 (60.13%), non-zero 42.28%, 8 unflagged, 0 refused",
    "pymupdf4llm": "1344/2227 (60.35%), non-zero 38.68%, 4 unflagged, 0 refused",
    "markitdown": "1397/2227 (62.73%), non-zero 42.39%, 7 unflagged, 0 refused",
    "crawler": "683/1620 (42.16%), non-zero 26.79%, 0 unflagged, 0 refused",
    "crawler-nospace": "751/1620 (46.36%), non-zero 28.87%, 0 unflagged, 0 refused",
}
# Below the thresholds, each with its measured score and what breaks it
NOT_YET = {
    "pdf": "2179/2227 cells (97.84%), non-zero 95.99%: all in the OCR's Word prints (~ocr-word): rows "
    "whose figures sit below their labels or run one cell off (s2023-b-word's table 三 and 四, "
    "s2021-a-word's 其他处理 rows missing) (flagged)",
    "pdftotext": "1693/2227 cells (76.02%), non-zero 64.61%: the OCR's Word prints (s2021-a-word, "
    "s2023-b-word) whose wrapped labels and rows split into two text lines the flow readers do not place; "
    "table 三's last rows with their first cells by their labels and the rest in blocks after them, "
    "spaced figures among them (s2021-a's ``29 8 0`` / ``47 5 4 406``); s2020-a's dense marks and blanks "
    "(``113 I 13 2 0 ［ 14`` / ``0 l3I 173``) where neither the blanks nor the row's width tell a rule's "
    "mark from a 1 or two cells from one spaced figure (flagged); rules' marks touching a figure "
    "(``9［``, ``6|``) read since ``ocr_figures`` / ``ocr_bar_edges``",
    "pdftotext-layout": "2093/2227 cells (93.98%), non-zero 89.40%: a figure's spurious blank (``1 05``) "
    "or a mark inside it (``4［8``) and a rule's mark beside a figure (``74 I``: 74 or 741) where no "
    "equation tells; s2023-b-word's table 三 rows split into two text lines; read since "
    "``ocr_figures`` / ``ocr_bar_edges``: a rule's ``［`` ``丨`` touching a figure (``O［``), a row's "
    "``||`` 11 where the row needs it, a glued bar (``6|``, ``I1``) as the one reading whose sum holds",
    "pymupdf4llm": "2140/2227 cells (96.09%), non-zero 92.59%: spaced figures in a pipe cell (``1 1``, "
    "``29 8``) offered as one figure or two and misread label stretches (``甲请人无正当理由…``) read since "
    "``spaced_joins`` and ``ocr_label_runs``; left: table 二's rule ``|`` read as a pipe "
    "(``|74 I||32［|74|``: 32 or 132, no equation tells; doubted), s2021-a-word's tables 二 and 三's "
    "last rows pictures (absent from the file) and its 其他处理 labels wrapped five characters a line, "
    "s2023-b-word's rows split over three pipe rows with marks between (``|||43 I|10|4|5|o|4|66|``)",
    "markitdown": "2067/2227 cells (92.82%), non-zero 86.63%: a spaced figure in pdfminer's cell over "
    "two columns (``| 0 1 1 |``: 0 and 11) read since ``spaced_joins`` where the sums choose; left: "
    "rule marks read as figures in those cells (``| 0 l |``, ``| 0 ［2 l |``), table 三 rows split in "
    "two (s2022-a, s2023-b)",
    "crawler": "1603/1620 cells (98.95%), non-zero 97.47%: table 二's rows whose cut no equation decides "
    "(s2021-a's ``规章18175725`` read 181 75 725 for 18 1757 25; a procurement or other-services row, flagged "
    "guesses)",
    "crawler-nospace": "1535/1620 cells (94.75%), non-zero 90.18%: the same table 二 cuts, a label's item number "
    "glued to a run without its stop (``1900065302重复申请``), and table 四 runs whose bar marks read several ways "
    "that add up (``11l002OI001l0IO12``: s2022-a), flagged",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome), with their cause
UNFLAGGED: dict[str, str] = {}
# contradicting reports (s2020-a: table 三's carried-forward column, 2019 template, rule marks and
# blanks; s2023-b: a table 三 row total, title slip) not read as printed
CONTRADICTING: dict[str, str] = {
    "pdf": "s2020-a's carried_over row ``I3 … 3l`` read 13 … 31 (l a rule's mark or a 1): the broken "
    "column balance leaves no reading the equations confirm (flagged)",
    "pdftotext-layout": "s2020-a's table 三 rows around its ``丨`` marks read one cell off (flagged)",
    "pymupdf4llm": "s2020-a's table 四 row with the rules' marks as cells of their own "
    "(``|I|0|0|1 I|2|1|0丨|…|0|O|||2|``): one pending cell read 0 (flagged); table 三 read as printed "
    "since ``spaced_joins``",
    "markitdown": "s2020-a's rule marks and spaced figures in pdfminer's pipe cells (flagged)",
}


class TestHoldout15(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    UNFLAGGED = UNFLAGGED
    CONTRADICTING = CONTRADICTING
    # docx left out: only one contradicting report (s2023-b) has a Word original
    CONTRADICTION_CLASSES = ("html", "pdf", "pdftotext-layout", "pymupdf4llm", "markitdown")
