"""Make the "other publishers" fixtures: report pages laid out as agencies' sites and Word files
lay them out (``layouts.py``), not by gongkai's renderer, then turned into what readers hold.

    .venv/bin/python -m tests.ingest.publishers.generate [--out DIR] [--keep-pdf DIR]

The reports are the wild-layout set (``tests/ingest/wild/generate.py``: the gold reports and
consistent synthesised ones, most cells non-zero, many multi-digit) and a few more synthesised
here with other seeds. Each report is laid out by two of the four publishers (in turn), and each
page is

* printed to PDF by Debian's chromium (headless), and, for the Word-like publishers, opened in
  LibreOffice, saved as DOCX and printed from that (``-word`` in the name);
* kept as it is (``pdf``: the subset ``PDF_FIXTURES``, what ``gongkai read`` reads directly), and
  turned into the classes of issue 9 with the real tools: ``pdftotext`` (default, ``-layout``),
  ``pymupdf4llm`` and ``markitdown`` Markdown of every PDF, the page's crawler text (with and
  without spaces); plus the page itself (``html``) and the Word file (``docx``).

Files are named ``<report>~<publisher>[-word].<ext>``; ``fixtures/gold/<report>.json`` holds the
figures each must read back to. Deterministic: the same tools give the same files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from gongkai.libreoffice import convert, find_soffice
from gongkai.report.model import Report
from tests.ingest.make_files import print_with_chromium
from tests.ingest.publishers.layouts import PUBLISHERS, WORD_ROUTE
from tests.ingest.publishers.scoring import CLASSES  # the classes scored are the classes made
from tests.ingest.wild import generate as wild

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"

EXTENSIONS = {"html": ".html", "docx": ".docx", "pdf": ".pdf", "pymupdf4llm": ".md", "markitdown": ".md"}

# The PDFs kept as the ``pdf`` class (all 48 would be 20 MB; the text classes are made from every
# one): each publisher's browser print once, and Word prints of both Word-route publishers, the
# reports chosen for what is hard in them (table 四 with few figures, 2019 mixed, huge and dense).
PDF_FIXTURES = (
    "synth-2021-medium~wordgov-word",
    "004_26dfd29bd5682613~wordgov-word",
    "synth-2019-mixed~wordgov-word",
    "003_4339039e26702392~wps-word",
    "synth-2021-dense~wps-word",
    "synth-2019-small~wps-word",
    "004_26dfd29bd5682613~wordgov",
    "synth-2021-medium~cms",
    "synth-2019-huge~plain",
    "synth-2021-dense~wps",
)

# More consistent reports with figures of other sizes: (name, base gold, template, year, scale, seed)
MORE = (
    ("synth-2021-medium", "002_7c7920e851bb8139", "2021", 2024, 60, 21),
    ("synth-2019-huge", "004_26dfd29bd5682613", "2019", 2020, 9000, 22),
    ("synth-2021-dense", "003_4339039e26702392", "2021", 2022, 700, 23),
    ("synth-2019-tiny", "shuyang-fgj-2023", "2019", 2019, 4, 24),
)


def reports() -> dict[str, dict[str, Any]]:
    made = wild.reports()
    gold = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(wild.GOLD.glob("*.json"))}
    for name, base, template_id, year, scale, seed in MORE:
        made[name] = wild.synthesise(gold[base], template_id, year, scale, seed)
        Report.from_dict(made[name], name)
    return made


def pages() -> list[tuple[str, str, str]]:
    """(report name, publisher, page HTML): each report by two publishers, in turn."""
    names = list(PUBLISHERS)
    out = []
    for i, (name, data) in enumerate(reports().items()):
        for publisher in (names[i % len(names)], names[(i + 1) % len(names)]):
            out.append((name, publisher, PUBLISHERS[publisher](data)))
    return out


def html_to_docx(sources: list[Path], outdir: Path) -> list[Path]:
    """Open web pages in LibreOffice Writer and save them as Word (what an office does when it
    copies its page into Word)."""
    soffice = find_soffice()
    if soffice is None:
        raise SystemExit("LibreOffice is not installed (scripts/install)")
    with tempfile.TemporaryDirectory(prefix="gongkai-lo-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--infilter=HTML (StarWriter)",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(outdir),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=900,
        )
    outputs = [outdir / f"{p.stem}.docx" for p in sources]
    missing = [str(p) for p in outputs if not p.exists()]
    if missing:
        raise SystemExit(f"LibreOffice did not write {missing}")
    return outputs


def generate(out: Path, keep_pdf: Path | None = None, every_pdf: bool = False) -> dict[str, int]:
    data = reports()
    for cls in (*CLASSES, "gold"):
        shutil.rmtree(out / cls, ignore_errors=True)
        (out / cls).mkdir(parents=True)
    for name, d in data.items():
        (out / "gold" / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", "utf-8")
    with tempfile.TemporaryDirectory(prefix="gongkai-pub-") as tmp_name:
        tmp = Path(tmp_name)
        pdfs: list[Path] = []
        word_pages: list[Path] = []
        for name, publisher, page in pages():
            stem = f"{name}~{publisher}"
            path = tmp / f"{stem}.html"
            path.write_text(page, encoding="utf-8")
            (out / "html" / path.name).write_text(page, encoding="utf-8")
            for cls, convert_html in wild.FROM_HTML.items():
                if cls not in CLASSES:  # the wild set's extra crawler variants
                    continue
                wild._write(out / cls / f"{stem}.txt", convert_html(page))
            pdf = tmp / f"{stem}.pdf"
            print_with_chromium(path, pdf)
            pdfs.append(pdf)
            if publisher in WORD_ROUTE:
                word = tmp / "word" / f"{stem}-word.html"
                word.parent.mkdir(exist_ok=True)
                shutil.copy(path, word)
                word_pages.append(word)
        if word_pages:
            docx = html_to_docx(word_pages, tmp / "docx")
            for word_file in docx:
                shutil.copy(word_file, out / "docx" / word_file.name)
            pdfs += convert(docx, tmp / "word-pdf", "pdf")
        for pdf in pdfs:
            if every_pdf or pdf.stem in PDF_FIXTURES:
                shutil.copy(pdf, out / "pdf" / pdf.name)
            if keep_pdf is not None:
                keep_pdf.mkdir(parents=True, exist_ok=True)
                shutil.copy(pdf, keep_pdf / pdf.name)
            for cls, convert_pdf in wild.FROM_PDF.items():
                wild._write(out / cls / f"{pdf.stem}{EXTENSIONS.get(cls, '.txt')}", convert_pdf(pdf))
    return {cls: len(list((out / cls).iterdir())) for cls in CLASSES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=FIXTURES, help="where to write (default: fixtures/)")
    parser.add_argument("--keep-pdf", type=Path, help="also keep the PDFs in this folder")
    parser.add_argument("--every-pdf", action="store_true", help="the pdf class gets every PDF, not PDF_FIXTURES")
    args = parser.parse_args()
    for cls, n in generate(args.out, args.keep_pdf, args.every_pdf).items():
        print(f"{cls:18} {n} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
