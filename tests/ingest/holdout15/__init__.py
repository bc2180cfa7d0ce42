"""The fifteenth hold-out set: new figures in reports published as searchable scans (a paper
report scanned and passed through the scanner's OCR, the PDF's text layer that OCR's output):
digits read as look-alike letters in some figures (``1O``, ``l2``, ``S``), label characters read as
look-alike characters (己/已, 末/未, 申/甲/由, 人/入 …) or dropped or doubled, spurious blanks inside
labels and between the digits of one figure, table rules read as ``|`` ``丨`` ``l`` ``I`` ``［`` at
cell borders, an OCR slip in the title's agency name and year, ASCII punctuation for full-width,
and rows split into two text lines; and their Word originals (the OCR's Word export), no reader
was built on (``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "s2020-a": ("carried_forward", "requests.column_balance"),
    "s2023-b": ("row_total", "requests.row_sum"),
}
