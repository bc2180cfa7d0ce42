"""The seventh hold-out set: new figures in a development zone's committee or a provincial
department's page style (a 序号 column in tables 二 and 三, table 三's applicant columns in another
order or with a 小计, blank zeros and empty rows in table 二, figures with a unit, OCR-like label
misprints, table 四's header in two rows; and its Word original) no reader was built on
(``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "z2021-b": ("row_total", "requests.row_sum"),
    "z2024-a": ("appeal_total", "appeals.group_sum"),
}
