"""The ninth hold-out set: new figures in a province's 政务公开 集约化平台 page style (a front-end
framework's markup: the tables as CSS grid or flex ``<div>`` rows, no ``<table>``; thousands
separators, full-width digits, zero cells as ``—`` ``/`` ``-`` ``无``; 【一】 / 第一部分 headings,
captions above the tables; table 四 transposed; and its Word original) no reader was built on
(``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "v2020-b": ("row_total", "requests.row_sum"),
    "v2023-a": ("appeal_total", "appeals.group_sum"),
}
