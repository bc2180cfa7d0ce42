"""The fifth hold-out set: new figures in a township / street office's page style (a 红头 document on
the county portal, and its Word copy) no reader was built on (``generate.py``); scored before any
reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "t2020-b": ("row_total", "requests.row_sum"),
    "t2022-b": ("appeal_total", "appeals.group_sum"),
    "t2024-b": ("carried_forward", "requests.column_balance"),
}
