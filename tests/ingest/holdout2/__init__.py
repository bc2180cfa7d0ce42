"""The second hold-out set: new figures in a gazette page style no reader was built on (``generate.py``)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = (
    "html",
    "docx",
    "pdf",
    "pdftotext",
    "pdftotext-layout",
    "pymupdf4llm",
    "markitdown",
    "crawler",
    "crawler-nospace",
)
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "g2020-b": ("row_total", "requests.row_sum"),
    "g2022-b": ("carried_forward", "requests.column_balance"),
}
