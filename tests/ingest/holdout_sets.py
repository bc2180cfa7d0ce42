"""How the hold-out sets after the first are made: their figures drawn, their classes written.

Each set (``holdout2`` … ``holdout19``) keeps what makes it a set of its own: its reports (seed,
size, template, page style), its agencies, its page layout and the equations it breaks on purpose.
What they share is here, so that the sets differ only in what they print:

* ``draw_reports``: the figures of every report by the first hold-out's machinery
  (``holdout/generate.py``: table 二, 三 and 四 in that order from the report's seed), an optional
  per-set adjustment (万元 money, a row printed as zero), then the set's contradiction, checked by
  ``Report.from_dict``;
* ``write_classes``: each report's gold and page, the page printed by chromium and (for the
  reports marked ``word``) through LibreOffice's Word route, and every class of issue 9 made from
  them by the same tools as every other set (``wild``'s ``FROM_PDF`` / ``FROM_HTML``, the
  publishers' ``html_to_docx``), and a set's classes of its own made from the PDFs (``more``: PDF
  → text) or from the web page as saved (``more_html``: HTML → text);
* ``main``: the command line of a set's ``generate.py``.

A set's reports are tuples ``(name, template, year, agency, seed, applications, word, style)``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from gongkai.libreoffice import convert
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES
from tests.ingest.holdout.generate import _active, _appeals, _contradict, _requests
from tests.ingest.holdout2 import CLASSES
from tests.ingest.make_files import print_with_chromium
from tests.ingest.publishers.generate import html_to_docx
from tests.ingest.wild import generate as wild

EXTENSIONS = {"html": ".html", "docx": ".docx", "pdf": ".pdf", "pymupdf4llm": ".md", "markitdown": ".md"}
ReportSpec = tuple[str, str, int, int, int, int, bool, Any]
Data = dict[str, Any]
LayOut = Callable[[Data, Any], str]  # (report data, style) → the page's HTML


def draw_figures(template_id: str, seed: int, size: int) -> tuple[random.Random, Data]:
    """Table 二, 三 and 四 drawn by the first hold-out's machinery, in the order it draws them; the
    generator is returned for what is drawn after (a contradiction)."""
    rng = random.Random(seed)
    template = TEMPLATES[template_id]
    drawn = {part: draw(rng, template, size) for part, draw in (("active", _active), ("requests", _requests))}
    drawn["appeals"] = _appeals(rng, template, size)
    return rng, drawn


def money_in_wan(data: Data) -> None:
    """The 2019 template's procurement money as printed in 万元 with two decimals (so the gold's
    yuan are a whole number of 100 yuan)."""
    if "procurement" in data["active"]:
        amount = data["active"]["procurement"]
        amount["amount_yuan"] = round(round(amount["amount_yuan"] * 40, 2) * 10_000, 2)


def draw_reports(
    reports: Iterable[ReportSpec],
    agencies: tuple[str, ...],
    contradictions: dict[str, str],
    adjust: Callable[[Data, Any], None] | None = None,
) -> dict[str, Data]:
    """Every report's data: figures drawn from its seed and size, ``adjust(data, style)`` (what the
    set's style prints differently), then the contradiction of ``contradictions`` (report → what is
    printed wrong), checked to be valid report data."""
    out: dict[str, Data] = {}
    for name, template_id, year, agency, seed, size, _word, style in reports:
        rng, figures = draw_figures(template_id, seed, size)
        data = {"agency": agencies[agency], "year": year, "template": template_id, **figures}
        if adjust is not None:
            adjust(data, style)
        if name in contradictions:
            _contradict(data, contradictions[name], rng)
        Report.from_dict(data, name)  # valid report data (contradictions and all), or stop here
        out[name] = data
    return out


def write_classes(
    out: Path,
    data: dict[str, Data],
    reports: Iterable[ReportSpec],
    lay_out: LayOut,
    style_name: str,
    word_lay_out: LayOut | None = None,
    word_finish: Callable[[Path, Any], None] | None = None,
    more: dict[str, Callable[[Path], str]] | None = None,
    write_more: Callable[[Path, str], None] = wild._write,
    more_html: dict[str, Callable[[str], str]] | None = None,
    suffixes: dict[str, str] | None = None,
) -> dict[str, int]:
    """Write a hold-out set: each report's gold and page (``lay_out(data, style)``), the page printed
    by chromium and, for the reports marked ``word``, the page (``word_lay_out``'s when given: what
    the office pastes into Word may be laid out otherwise) through LibreOffice's Word route, and
    every class of issue 9 made from them by the same tools; ``word_finish(docx, style)`` edits each
    Word file (what the office does in Word: a landscape section) before it is printed; ``more``
    (class → PDF → text) are a set's classes of its own, each PDF's text written by ``write_more``
    as ``<stem>.txt``; ``more_html`` (class → page → text) the same from each web page (not the
    Word originals: a crawler saves the page), written as ``<stem><suffix>`` (``suffixes``' or
    ``.txt``)."""
    specs = tuple(reports)
    more = more or {}
    more_html = more_html or {}
    suffixes = suffixes or {}
    classes = (*CLASSES, *more, *more_html)
    for cls in (*classes, "gold"):
        shutil.rmtree(out / cls, ignore_errors=True)
        (out / cls).mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix=f"gongkai-{style_name}-") as tmp_name:
        tmp = Path(tmp_name)
        pdfs: list[Path] = []
        word_pages: list[Path] = []
        for name, _template, _year, _agency, _seed, _size, word, style in specs:
            d = data[name]
            (out / "gold" / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", "utf-8")
            page = lay_out(d, style)
            stem = f"{name}~{style_name}"
            (out / "html" / f"{stem}.html").write_text(page, encoding="utf-8")
            for cls in ("crawler", "crawler-nospace"):
                wild._write(out / cls / f"{stem}.txt", wild.FROM_HTML[cls](page))
            for cls, text_of in more_html.items():
                write_more(out / cls / f"{stem}{suffixes.get(cls, '.txt')}", text_of(page))
            path = tmp / f"{stem}.html"
            path.write_text(page, encoding="utf-8")
            pdf = tmp / f"{stem}.pdf"
            print_with_chromium(path, pdf)
            pdfs.append(pdf)
            if word:
                copy = tmp / "word" / f"{stem}-word.html"
                copy.parent.mkdir(exist_ok=True)
                copy.write_text(page if word_lay_out is None else word_lay_out(d, style), encoding="utf-8")
                word_pages.append(copy)
        docx = html_to_docx(word_pages, tmp / "docx")
        if word_finish is not None:
            styles = {f"{name}~{style_name}-word": style for name, *_rest, style in specs}
            for path in docx:
                word_finish(path, styles[path.stem])
        for path in docx:
            shutil.copy(path, out / "docx" / path.name)
        pdfs += convert(docx, tmp / "word-pdf", "pdf")
        for pdf in pdfs:
            shutil.copy(pdf, out / "pdf" / pdf.name)
            for cls, convert_pdf in wild.FROM_PDF.items():
                wild._write(out / cls / f"{pdf.stem}{EXTENSIONS.get(cls, '.txt')}", convert_pdf(pdf))
            for cls, extract in more.items():
                write_more(out / cls / f"{pdf.stem}.txt", extract(pdf))
    return {cls: len(list((out / cls).iterdir())) for cls in classes}


def main(doc: str, fixtures: Path, write: Callable[[Path], dict[str, int]]) -> int:
    """A set's ``generate.py`` command line: ``write(out)`` into ``--out`` (default the set's
    fixtures), then how many files each class got."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--out", type=Path, default=fixtures, help="where to write (default: fixtures/)")
    args = parser.parse_args()
    for cls, n in write(args.out).items():
        print(f"{cls:18} {n} files")
    return 0
