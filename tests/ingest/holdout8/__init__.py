"""The eighth hold-out set: new figures in a city government office's or a county bureau's 微信公众号
article style (WeChat markup, vertical group cells, table 三 cut by columns, non-statutory tables
alike the statute's, footnote markers, table 二 transposed, abbreviated labels; and its Word
original) no reader was built on (``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "w2021-b": ("row_total", "requests.row_sum"),
    "w2024-a": ("appeal_total", "appeals.group_sum"),
}
