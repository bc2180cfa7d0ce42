"""The fourteenth hold-out set: new figures in reports published as PDFs whose text layer is
defective as real producers make it (common characters as Kangxi radicals, CJK Radicals Supplement
code points or compatibility ideographs, in the whole page or only in one font; 分散对齐 labels
typed with spaces; full-width digits and figures with a trailing 件; a running title and ``— 3 —``
between the rows of a table that crosses pages; table 三 on a landscape page) and their Word
originals, no reader was built on (``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "t2021-a": ("row_total", "requests.row_sum"),
    "t2024-a": ("appeal_total", "appeals.group_sum"),
}
