"""The seventeenth hold-out set: new figures in a city or county agency's 信息公开专栏 page (the
catalogue's 索引号 / 发布机构 / 生成日期 block above the article, shaded table headers, right-aligned
figures, a 附件 line), printed to PDF by chromium and (three of them) their Word originals through
LibreOffice, then turned into text as researchers' Python scripts do it: pypdf (plain and layout
mode), pdfminer.six, pdfplumber's layout text and PDFium (``generate.py``); no reader was built on
them; scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES
from .extractors import FROM_PDF

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# the classes of issue 9, made by the same generator code, and the Python extractors' own
CLASSES = (*HOLDOUT2_CLASSES, *FROM_PDF)
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "k2020-a": ("carried_forward", "requests.column_balance"),
    "k2023-b": ("row_total", "requests.row_sum"),
}
