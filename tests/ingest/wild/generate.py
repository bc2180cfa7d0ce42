"""Make the "wild layouts" fixtures: published-report text as real tools produce it.

    .venv/bin/python -m tests.ingest.wild.generate [--out DIR] [--keep-pdf DIR]

Researchers and supervisors rarely hold a report as its agency's web page: they hold the text a
crawler saved, the text ``pdftotext`` made of the PDF, or Markdown from a PDF converter. This script
makes those inputs with the real tools, never by hand, from report data whose figures are known:

* every gold report of ``../shared/corpus/gold`` (real figures, many zeros), and
* a few reports synthesised from them (``synth-*``): the same agencies, both templates, figures
  drawn by a seeded random walk so that most cells are non-zero, counts run to three and four
  digits and table 四 has non-zero groups, while every statutory equation still holds (row sums,
  outcome sums, the column balance, table 四's group totals). Run-together digits are only
  decidable by that arithmetic, so the fixtures must carry it.

Each report is rendered by the project's own renderer (HTML, and PDF through LibreOffice as
``gongkai render --to pdf`` does), then turned into one file per class under ``fixtures/``:

=====================  =====================================================================
class                  made by
=====================  =====================================================================
pdftotext              ``pdftotext`` (poppler) in its default mode: one fragment per line
pdftotext-layout       ``pdftotext -layout``: the page's columns kept with spaces
pymupdf4llm            ``pymupdf4llm.to_markdown`` (PDF → Markdown, no model)
markitdown             ``markitdown`` with its PDF extra (pdfminer; no model)
crawler                the HTML's text with every tag removed and whitespace collapsed to one
                       space (selectolax ``text(separator="")``): one line, cells run together
crawler-nospace        the same with no whitespace at all, as some crawlers store it
crawler-partial        the text with a space between every element (``text(separator=" ")``),
                       then each space kept or dropped by a seeded coin: a page whose cells are
                       set apart only where their markup happened to carry a line break
                       (``一、本年新收…数量310 000031``, the shape issue 9 quotes)
=====================  =====================================================================

and ``fixtures/gold/<name>.json``: the report data each file must read back to, named as
``gongkai read --out`` names its output so that ``score_reports.py --gold fixtures/gold --pred OUT``
pairs them. Everything is deterministic: the same tools give the same files.

Needs: poppler-utils and LibreOffice (scripts/install), and the dev extra (pymupdf4llm, markitdown).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gongkai.render.batch import Job, render_document, render_files
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES, Kind, Template

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
GOLD = REPO.parent / "shared" / "corpus" / "gold"
FIXTURES = HERE / "fixtures"

CLASSES = (
    "pdftotext",
    "pdftotext-layout",
    "pymupdf4llm",
    "markitdown",
    "crawler",
    "crawler-nospace",
    "crawler-partial",
)
EXTENSIONS = {"pymupdf4llm": ".md", "markitdown": ".md"}

# (name, gold report it starts from, template, year, scale of its figures, seed)
SYNTHESISED = (
    ("synth-2019-small", "000_21925bfca89cb37b", "2019", 2020, 12, 1),
    ("synth-2019-large", "002_7c7920e851bb8139", "2019", 2020, 2500, 2),
    ("synth-2019-mixed", "001_cf5ac85f95ca13ec", "2019", 2019, 300, 3),
    ("synth-2021-small", "shuyang-fgj-2023", "2021", 2023, 9, 4),
    ("synth-2021-large", "000_21925bfca89cb37b", "2021", 2022, 4000, 5),
    ("synth-2021-mixed", "004_26dfd29bd5682613", "2021", 2021, 150, 6),
)


# ---------------------------------------------------------------------------------------------
# Synthesised report data: consistent, mostly non-zero
# ---------------------------------------------------------------------------------------------


def _count(rng: random.Random, scale: int, zero: float = 0.25) -> int:
    """A count with a spread of digit lengths: often small, sometimes near ``scale``."""
    if rng.random() < zero:
        return 0
    return max(1, int(scale ** rng.random()))


def _active(rng: random.Random, template: Template, scale: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for row in template.active_rows:
        cells: dict[str, Any] = {}
        for f in row.fields:
            if f.kind is Kind.CHANGE:
                cells[f.key] = rng.randint(-scale // 10 - 3, scale // 5 + 5) if rng.random() > 0.2 else 0
            elif f.kind is Kind.MONEY:
                whole = _count(rng, scale * 1000, 0.1)
                cells[f.key] = round(whole + rng.randint(0, 99) / 100, 2) if rng.random() < 0.5 else whole
            else:
                cells[f.key] = _count(rng, scale * 10, 0.2)
        out[row.key] = cells
    # 本年新公开数量 ≤ 对外公开总数量 and the like: a total is never below its part
    for cells in out.values():
        if "total_published" in cells:
            cells["new_published"] = min(cells["new_published"], cells["new_made"])
            cells["total_published"] = max(cells["total_published"], cells["new_published"])
    return out


def _requests(rng: random.Random, template: Template, scale: int) -> dict[str, list[int]]:
    """Table 三 whose row sums, outcome sums and column balance all hold."""
    columns = len(template.request_columns)
    total = template.total_column
    outcomes = [row.key for row in template.outcome_rows]
    table: dict[str, list[int]] = {}
    # column 0 (natural persons) carries most applications; organisation columns are sparse
    column_scale = [scale] + [max(2, scale // rng.choice((3, 10, 40))) for _ in range(columns - 2)]
    for key in outcomes:
        row = [_count(rng, column_scale[c], 0.3 if c == 0 else 0.7) for c in range(total)]
        table[key] = [*row, sum(row)]
    processed = [sum(table[k][c] for k in outcomes) for c in range(total)]
    forward = [_count(rng, max(2, column_scale[c] // 5), 0.5 if c == 0 else 0.85) for c in range(total)]
    over = [min(processed[c] + forward[c], _count(rng, max(2, column_scale[c] // 5), 0.5)) for c in range(total)]
    new = [processed[c] + forward[c] - over[c] for c in range(total)]
    for key, row in (
        ("new_received", new),
        ("carried_over", over),
        ("total_processed", processed),
        ("carried_forward", forward),
    ):
        table[key] = [*row, sum(row)]
    return {row.key: table[row.key] for row in template.request_rows}


def _appeals(rng: random.Random, template: Template, scale: int) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for group in template.appeal_groups:
        cells = {f.key: _count(rng, max(3, scale // 8), 0.4) for f in template.appeal_fields if f.key != "total"}
        cells["total"] = sum(cells.values())
        out[group.key] = cells
    return out


def synthesise(base: dict[str, Any], template_id: str, year: int, scale: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    template = TEMPLATES[template_id]
    return {
        "agency": base["agency"],
        "year": year,
        "template": template_id,
        "active": _active(rng, template, scale),
        "requests": _requests(rng, template, scale),
        "appeals": _appeals(rng, template, scale),
    }


def reports() -> dict[str, dict[str, Any]]:
    """Every report to render, by fixture name: the gold ones, then the synthesised ones."""
    gold = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(GOLD.glob("*.json"))}
    made = dict(gold)
    for name, base, template_id, year, scale, seed in SYNTHESISED:
        made[name] = synthesise(gold[base], template_id, year, scale, seed)
        Report.from_dict(made[name], name)  # valid report data, or stop here
    return made


# ---------------------------------------------------------------------------------------------
# The tools
# ---------------------------------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is not installed (poppler-utils / libreoffice of scripts/install)")
    return found


def pdftotext(pdf: Path, layout: bool) -> str:
    args = [_tool("pdftotext"), *(["-layout"] if layout else []), "-enc", "UTF-8", str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pymupdf4llm_markdown(pdf: Path) -> str:
    import pymupdf4llm

    text: str = pymupdf4llm.to_markdown(str(pdf), show_progress=False)
    return text


def markitdown_markdown(pdf: Path) -> str:
    from markitdown import MarkItDown

    return MarkItDown(enable_plugins=False).convert(str(pdf)).text_content


def crawler_text(html: str, spaces: bool, separator: str = "", seed: int | None = None) -> str:
    """The page's text as a crawler stores it: no tags, whitespace collapsed (or gone); with a
    ``seed``, each space kept or dropped by a coin of that seed."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, head"):
        node.decompose()
    body = tree.body or tree.root
    text = body.text(separator=separator) if body is not None else ""
    if seed is not None:
        coin = random.Random(seed)
        text = re.sub(r"\s+", lambda m: " " if coin.random() < 0.5 else "", text).strip()
        return text + "\n"
    if not spaces:
        return re.sub(r"\s+", "", text) + "\n"
    return re.sub(r"\s+", " ", text).strip() + "\n"


FROM_PDF: dict[str, Callable[[Path], str]] = {
    "pdftotext": lambda pdf: pdftotext(pdf, layout=False),
    "pdftotext-layout": lambda pdf: pdftotext(pdf, layout=True),
    "pymupdf4llm": pymupdf4llm_markdown,
    "markitdown": markitdown_markdown,
}
FROM_HTML: dict[str, Callable[[str], str]] = {
    "crawler": lambda html: crawler_text(html, spaces=True),
    "crawler-nospace": lambda html: crawler_text(html, spaces=False),
    "crawler-partial": lambda html: crawler_text(html, spaces=True, separator=" ", seed=len(html)),
}


def generate(out: Path, keep_pdf: Path | None = None) -> dict[str, int]:
    """Write every fixture under ``out``; return how many files each class got."""
    data = reports()
    parsed = {name: Report.from_dict(d, name) for name, d in data.items()}
    for cls in (*CLASSES, "gold"):
        shutil.rmtree(out / cls, ignore_errors=True)
        (out / cls).mkdir(parents=True)
    for name, d in data.items():
        (out / "gold" / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", "utf-8")
    with tempfile.TemporaryDirectory(prefix="gongkai-wild-") as tmp:
        jobs = [Job(report, Path(tmp) / f"{name}.pdf") for name, report in parsed.items()]
        render_files(jobs, "pdf")
        failed = [f"{job.out}: {job.error}" for job in jobs if job.error]
        if failed:
            raise SystemExit("\n".join(failed))
        for name, report in parsed.items():
            pdf = Path(tmp) / f"{name}.pdf"
            if keep_pdf is not None:
                keep_pdf.mkdir(parents=True, exist_ok=True)
                shutil.copy(pdf, keep_pdf / pdf.name)
            for cls, convert in FROM_PDF.items():
                _write(out / cls / f"{name}{EXTENSIONS.get(cls, '.txt')}", convert(pdf))
            html = render_document(report, "html").decode("utf-8")
            for cls, convert_html in FROM_HTML.items():
                _write(out / cls / f"{name}{EXTENSIONS.get(cls, '.txt')}", convert_html(html))
    return {cls: len(list((out / cls).iterdir())) for cls in CLASSES}


def _write(path: Path, text: str) -> None:
    # pdftotext ends pages with a form feed; keep the text as the tool gave it, trailing spaces aside
    lines = [line.rstrip() for line in text.split("\n")]
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=FIXTURES, help="where to write (default: fixtures/)")
    parser.add_argument("--keep-pdf", type=Path, help="also keep the rendered PDFs in this folder")
    args = parser.parse_args()
    counts = generate(args.out, args.keep_pdf)
    for cls, n in counts.items():
        print(f"{cls:18} {n} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
