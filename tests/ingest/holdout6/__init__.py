"""The sixth hold-out set: new figures in a city-level bureau's page style (its paginated document
converted to the web page: tables broken across pages with their headers repeated, 斜线表头, table
二's 第二十条 citation at the right, table 四 transposed; and its Word original) no reader was built
on (``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "c2020-b": ("row_total", "requests.row_sum"),
    "c2022-a": ("carried_forward", "requests.column_balance"),
    "c2024-b": ("appeal_total", "appeals.group_sum"),
}
