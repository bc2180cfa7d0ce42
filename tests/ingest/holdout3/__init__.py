"""The third hold-out set: new figures in a county-portal page style no reader was built on
(``generate.py``); scored before any reader change was made for it."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "c2020-b": ("appeal_total", "appeals.group_sum"),
    "c2022-b": ("row_total", "requests.row_sum"),
}
