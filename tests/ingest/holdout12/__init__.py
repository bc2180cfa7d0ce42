"""The twelfth hold-out set: new figures in a 国务院部门 / 省厅 report whose statutory tables were made
in Excel and published as Excel's web-page export (thousands separators, zero shown as ``-``, the
accounting format's padded figures, table 三's numbering in a narrow column of its own and its
section and group labels in bold rows of their own, 法人或其他组织 over five two-line labels, the
header rows printed again on every page, page breaks at arbitrary rows, fit-to-width tiny type,
``第 1 页，共 5 页`` footers) and its Word original, no reader was built on (``generate.py``); scored
before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "x2021-b": ("appeal_total", "appeals.group_sum"),
    "x2024-a": ("carried_forward", "requests.column_balance"),
}
