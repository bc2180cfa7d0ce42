"""The eighteenth hold-out set: new figures in a city or county agency's report PDF CONVERTED BACK
into an editable or web document (the "Word version" or web page of a report the office had only as
PDF, or a researcher's conversion): pdf2docx's DOCX, LibreOffice's PDF import as DOCX (every line a
positioned text frame), poppler's ``pdftohtml`` and PyMuPDF's HTML (every run an absolutely
positioned element), besides every class of issue 9, no reader was built on (``generate.py``);
scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# the converters of a PDF back into a document, each a class of its own (``generate.CONVERTERS``)
CONVERTED = ("docx-pdf2docx", "docx-lo", "html-pdftohtml", "html-pymupdf")
CLASSES = (*HOLDOUT2_CLASSES, *CONVERTED)
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "v2020-a": ("carried_forward", "requests.column_balance"),
    "v2023-a": ("appeal_total", "appeals.group_sum"),
}
