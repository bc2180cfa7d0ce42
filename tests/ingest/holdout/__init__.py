"""The hold-out set: reports and a page style the reader was not built on (``generate.py``)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = ("pdf", "pdftotext", "pdftotext-layout", "pymupdf4llm", "markitdown", "crawler", "crawler-nospace")
# report → the equation its printed figures break on purpose (``generate.CONTRADICTIONS``) and the
# rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "h2019-b": ("row_total", "requests.row_sum"),
    "h2021-c": ("appeal_total", "appeals.group_sum"),
    "h2021-d": ("carried_forward", "requests.column_balance"),
}
