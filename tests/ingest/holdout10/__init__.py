"""The tenth hold-out set: new figures in a 市 / 区 人民政府办公室 main report page style that adds
non-statutory comparison material inside the statutory tables (上年数 / 增减 / 同比 columns in
table 二, a 占比 column or row in table 三, a 上年 or 同比 row in table 四), footnote markers on
labels with notes under the tables, table 三 broken across pages with a 续表 caption and its header
repeated, and the Word original with table 三 in a landscape section) no reader was built on
(``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "o2020-b": ("carried_forward", "requests.column_balance"),
    "o2023-a": ("row_total", "requests.row_sum"),
}
