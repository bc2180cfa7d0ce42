"""The eleventh hold-out set: new figures in a 县 department's report typeset as a 公文 in WPS
(三线表 tables without vertical rules, cell borders or merged cells, group titles centred over blank
cells, 分散对齐 labels spread by spaces or by the cell's alignment, zebra rows, right-aligned
figures, ``— 3 —`` page numbers, the tables as 附件 after the signature, 抄送 / 印发 lines, table 三
broken across pages without its header repeated) and its Word original, no reader was built on
(``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "c2020-b": ("carried_forward", "requests.column_balance"),
    "c2023-a": ("row_total", "requests.row_sum"),
}
