"""Make the eighteenth hold-out set: new report figures in a city or county agency's report PDF
converted back into an editable or web document, no reader was built on.

    PYTHONPATH=/path/to/pdf2docx .venv/bin/python -m tests.ingest.holdout18.generate [--out DIR]

(``pdf2docx`` is in the ``fixtures`` extra; the committed fixtures mean the tests never need it.)
The figures are drawn by the first hold-out's machinery (``holdout_sets.draw_reports``) with new
seeds and the sizes of city and county departments; both templates, 2019 to 2025; every equation
holds except in the reports of ``CONTRADICTIONS`` (read AS PRINTED, reported by ``check_report``).

Each report is laid out by ``layout.agency`` with a ``Style`` of its own, printed by chromium
(three also as their Word original through LibreOffice's Word route), and every class of issue 9
made by ``holdout_sets.write_classes``. Then every PDF of the set is converted back by the tools
that publish or collect such files (``CONVERTERS``):

* ``docx-pdf2docx``: ``pdf2docx`` (tables rebuilt from the rules it finds, the rest paragraphs
  with tabs and positioned runs, floating frames);
* ``docx-lo``: LibreOffice's PDF import saved as DOCX (``--infilter=writer_pdf_import``: every text
  line a text frame placed on the page, no table);
* ``html-pdftohtml``: poppler's ``pdftohtml -s -i -noframes`` (every run an absolutely positioned
  ``<p>`` with ``top``/``left``, no ``<table>``);
* ``html-pymupdf``: PyMuPDF's ``page.get_text("html")`` page by page (positioned ``<p>`` spans).

Written: ``fixtures/<class>/<report>~agency[-word].<ext>`` and ``fixtures/gold/<report>.json``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.ingest.holdout18 import CONTRADICTIONS as BROKEN
from tests.ingest.holdout18 import CONVERTED, FIXTURES
from tests.ingest.holdout18.layout import Style, agency, original
from tests.ingest.holdout_sets import draw_reports, main, write_classes

AGENCIES = (
    "金华市市场监督管理局",
    "金华市自然资源和规划局",
    "武义县教育局",
    "武义县卫生健康局",
    "浦江县民政局",
    "浦江县交通运输局",
    "金华市婺城区人民政府办公室",
)

# (name, template, year, agency, seed, applications, the Word original too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("v2019-a", "2019", 2019, 0, 1801, 88, True, Style(index="002592001/2020-00031", label=7.0, head=True)),
    ("v2020-a", "2019", 2020, 1, 1802, 35, False, Style(index="002592014/2021-00012", font=10, split=True)),
    ("v2021-a", "2021", 2021, 2, 1803, 9, False, Style(index="0025933107/2022-00004", topic="教育", label=11.0)),
    ("v2022-a", "2021", 2022, 3, 1804, 265, True, Style(index="0025933108/2023-00019", topic="卫生", font=11)),
    ("v2023-a", "2021", 2023, 4, 1805, 143, False, Style(index="0025934002/2024-00007", split=True, head=True)),
    ("v2023-b", "2021", 2023, 5, 1806, 18, False, Style(index="0025934011/2024-00002", topic="交通", label=6.5)),
    ("v2024-a", "2021", 2024, 6, 1807, 1510, True, Style(index="0025931201/2025-00044", font=9.5, head=True)),
    ("v2025-a", "2021", 2025, 0, 1808, 602, False, Style(index="002592001/2026-00015", font=11.5, split=True)),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    return draw_reports(REPORTS, AGENCIES, CONTRADICTIONS)


def pdf2docx(pdfs: list[Path], out: Path) -> None:
    from pdf2docx import Converter  # the fixtures extra; generation only

    for pdf in pdfs:
        converter = Converter(str(pdf))
        try:
            converter.convert(str(out / f"{pdf.stem}.docx"))
        finally:
            converter.close()


def libreoffice_import(pdfs: list[Path], out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="gongkai-lo-") as profile:
        command = ["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore"]
        command += ["--infilter=writer_pdf_import", "--convert-to", "docx", "--outdir", str(out), *map(str, pdfs)]
        subprocess.run(command, check=True, capture_output=True, timeout=600)


def pdftohtml(pdfs: list[Path], out: Path) -> None:
    for pdf in pdfs:
        target = out / f"{pdf.stem}.html"
        subprocess.run(["pdftohtml", "-s", "-i", "-noframes", "-q", str(pdf), str(target)], check=True, timeout=120)


def pymupdf_html(pdfs: list[Path], out: Path) -> None:
    import pymupdf

    for pdf in pdfs:
        with pymupdf.open(pdf) as document:
            pages = "\n".join(page.get_text("html") for page in document)
        page = f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{pages}\n</body></html>\n'
        (out / f"{pdf.stem}.html").write_text(page, encoding="utf-8")


CONVERTERS: dict[str, Callable[[list[Path], Path], None]] = {
    "docx-pdf2docx": pdf2docx,
    "docx-lo": libreoffice_import,
    "html-pdftohtml": pdftohtml,
    "html-pymupdf": pymupdf_html,
}
assert tuple(CONVERTERS) == CONVERTED


def generate(out: Path) -> dict[str, int]:
    counts = write_classes(out, reports(), REPORTS, agency, "agency", original)
    pdfs = sorted((out / "pdf").iterdir())
    for cls, convert in CONVERTERS.items():
        shutil.rmtree(out / cls, ignore_errors=True)
        (out / cls).mkdir(parents=True)
        convert(pdfs, out / cls)
        counts[cls] = len(list((out / cls).iterdir()))
    return counts


if __name__ == "__main__":
    sys.exit(main(__doc__ or "", FIXTURES, generate))
