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
    "pdftotext": "2805/2832 cells (99.05%), non-zero 97.38%: table 三 read whole in every report (its "
    "shares dropped also one a line, wrapped before the ``%`` or printed apart under a bare 占比; the "
    "续表 caption blanked: ``share_text``, ``continued_captions``); still lost: table 二 with its 上年数 · "
    "增减 columns printed in blocks (o2019-a, o2020-b: 9–10 cells each), 现行有效 where its 上年数 · 增减 "
    "follow (o2021-a, o2024-a, o2025-a: 2 each, flagged), table 四's 未经复议直接起诉 in o2019-a's Word "
    "print (2, flagged)",
    "crawler": "1803/1821 cells (99.01%), non-zero 97.67%: table 三's run-on shares (``…0620100.0%``) "
    "are cut off by the row sum, a note's marker run into the figures (``数量注2431…``) set apart, "
    "table 二's 上年数 · 同比 / 增减 cells taken off where the change pins them (``change_runs``); "
    "still lost: table 二 runs nothing decides read as flagged guesses (o2019-a, o2020-a, o2023-a, "
    "o2025-b: 3–7 cells each), a signed 本年增/减 run into last year's figure and its change "
    "(``行政强制8-21921-2``: o2019-a), a circled marker before a signed run (``行政许可①0-41684``: "
    "o2020-a), the 2019 fees row with dashes for last year (``0-4——``: o2020-b)",
    "crawler-nospace": "1803/1821 cells (99.01%), non-zero 97.67%: as crawler",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome), with their cause
UNFLAGGED: dict[str, str] = {}
# contradicting reports (o2020-b: 结转下年度 +10, with a Word original; o2023-a: a table 三 total, with
# a Word original) not read as printed, with what breaks them
CONTRADICTING: dict[str, str] = {}


class TestHoldout10(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    UNFLAGGED = UNFLAGGED
    CONTRADICTING = CONTRADICTING
    CONTRADICTION_CLASSES = ("html", "docx", "pdf", "pdftotext-layout", "pymupdf4llm", "markitdown")
