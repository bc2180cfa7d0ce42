"""Make the hold-out fixtures: new report figures in a page style no reader was built on.

    .venv/bin/python -m tests.ingest.holdout.generate [--out DIR]

The other fixture sets were made while the reader was tuned on them; this one says how it does
on reports it has not seen. Its figures are drawn here, not taken from the corpus or the wild
generator: per report a size (applications from a handful to tens of thousands, log-uniform),
applicants spread over the seven columns as offices see them (natural persons most, some
organisation columns empty), outcomes drawn around the shares real reports print (予以公开 and
本机关不掌握 large, most 不予公开 reasons rare), carried-over and carried-forward counts, table 四
groups with their totals, table 二 counts and fees with 万元 decimals. Every equation holds,
except in the reports named in ``CONTRADICTIONS``, where one printed figure is changed after the
fact (a row total, a table 四 total, 结转下年度继续办理): those must be read AS PRINTED (the gold
keeps the changed figure) and ``check_report`` must report the contradiction.

Each report is laid out by ``layout.province`` (a new style, see there), printed to PDF by
chromium, and, for half of them, opened in LibreOffice, saved as Word and printed from Word;
then turned into the classes of issue 9 by the same code as the other fixture sets (``wild``'s
``FROM_PDF`` / ``FROM_HTML``, the publishers' ``html_to_docx``). Written: ``fixtures/<class>/
<report>~province[-word].<ext>`` and ``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from gongkai.libreoffice import convert
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES, Kind, Template
from tests.ingest.holdout import CLASSES, FIXTURES
from tests.ingest.holdout import CONTRADICTIONS as BROKEN
from tests.ingest.holdout.layout import province
from tests.ingest.make_files import print_with_chromium
from tests.ingest.publishers.generate import html_to_docx
from tests.ingest.wild import generate as wild

EXTENSIONS = {"pdf": ".pdf", "pymupdf4llm": ".md", "markitdown": ".md"}

AGENCIES = ("省自然资源厅", "市住房和城乡建设局", "县人民政府办公室", "区市场监督管理局", "省生态环境厅", "镇人民政府")
# (name, template, year, agency, seed, through Word too, label with a character dropped)
REPORTS = (
    ("h2019-a", "2019", 2019, 0, 101, True, ""),
    ("h2019-b", "2019", 2020, 1, 102, False, "政府信息"),
    ("h2021-a", "2021", 2021, 2, 103, True, ""),
    ("h2021-b", "2021", 2022, 3, 104, False, "不予"),
    ("h2021-c", "2021", 2023, 4, 105, True, ""),
    ("h2021-d", "2021", 2024, 5, 106, False, ""),
)
# The PDFs kept as the ``pdf`` class (the text classes are made from all nine): the three Word
# prints (tables without rules) and two browser prints with contradictions and a misspelled label.
PDF_FIXTURES = (
    "h2019-a~province-word",
    "h2021-a~province-word",
    "h2021-c~province-word",
    "h2019-b~province",
    "h2021-d~province",
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}

# Rough shares of outcomes in published reports (weights, jittered per report; some rows left 0).
_OUTCOME_WEIGHT = {
    "granted": 30,
    "partially_granted": 6,
    "unavailable_not_held": 20,
    "not_processed_petition": 5,
    "not_processed_duplicate": 3,
    "not_processed_confirmation": 3,
    "other": 4,
    "other_other": 3,
    "other_no_correction": 2,
}


def _split(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """``total`` units over ``weights``: each unit's place drawn (small totals), or the shares
    rounded with the remainder drawn (large ones); always sums to ``total``."""
    if total <= 0 or not any(weights):
        return [0] * len(weights)
    if total <= 400:
        out = [0] * len(weights)
        for i in rng.choices(range(len(weights)), weights=weights, k=total):
            out[i] += 1
        return out
    whole = sum(weights)
    out = [int(total * w / whole) for w in weights]
    for i in rng.choices(range(len(weights)), weights=weights, k=total - sum(out)):
        out[i] += 1
    return out


def _active(rng: random.Random, template: Template, size: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for row in template.active_rows:
        cells: dict[str, Any] = {}
        for f in row.fields:
            if f.kind is Kind.MONEY:
                cells[f.key] = round(rng.uniform(0, 60 * size**0.5), 2)
            elif f.kind is Kind.CHANGE:
                cells[f.key] = rng.randint(-5, 12)
            else:
                cells[f.key] = int(rng.uniform(0, 1) ** 2 * size * rng.choice((0.2, 1, 5)))
        out[row.key] = cells
    for cells in out.values():  # what is in force / published includes what was made this year
        for made, total in (("made", "in_force"), ("new_published", "total_published")):
            if made in cells:
                cells[total] = max(cells[total], cells[made])
        if "new_made" in cells:
            cells["new_published"] = min(cells["new_published"], cells["new_made"])
    return out


def _requests(rng: random.Random, template: Template, size: int) -> dict[str, list[int]]:
    columns = template.total_column  # the applicant columns, 总计 after them
    share = [rng.uniform(0.5, 0.95)]
    rest = 1 - share[0]
    organisations = [rng.random() if rng.random() < 0.7 else 0.0 for _ in range(columns - 1)]
    share += [rest * w / (sum(organisations) or 1) for w in organisations]
    new = _split(rng, size, share)
    over = [int(n * rng.uniform(0, 0.12)) for n in new]
    forward = [int((n + o) * rng.uniform(0, 0.1)) for n, o in zip(new, over, strict=True)]
    processed = [n + o - f for n, o, f in zip(new, over, forward, strict=True)]
    outcomes = [row.key for row in template.outcome_rows]
    weights = [_OUTCOME_WEIGHT.get(k, 1.0) * rng.uniform(0.3, 1.7) if rng.random() < 0.8 else 0.0 for k in outcomes]
    table: dict[str, list[int]] = {k: [0] * columns for k in outcomes}
    for c in range(columns):
        for k, n in zip(outcomes, _split(rng, processed[c], weights), strict=True):
            table[k][c] = n
    table |= {"new_received": new, "carried_over": over, "total_processed": processed, "carried_forward": forward}
    return {row.key: [*table[row.key], sum(table[row.key])] for row in template.request_rows}


def _appeals(rng: random.Random, template: Template, size: int) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    cases = max(1, int(size * rng.uniform(0.005, 0.05)))
    for group in template.appeal_groups:
        fields = [f.key for f in template.appeal_fields if f.key != "total"]
        n = int(cases * rng.uniform(0.2, 1.0))
        cells = dict(zip(fields, _split(rng, n, [5, 1.5, 1, 1.5][: len(fields)]), strict=True))
        cells["total"] = sum(cells.values())
        out[group.key] = cells
    return out


def _contradict(data: dict[str, Any], what: str, rng: random.Random) -> None:
    """Change one printed figure so that an equation breaks (the report is printed that way)."""
    requests, appeals = data["requests"], data["appeals"]
    if what == "row_total":
        busiest = max((k for k in requests if k != "new_received"), key=lambda k: requests[k][-1])
        requests[busiest][-1] += rng.randint(1, 9)
    elif what == "appeal_total":
        group = max(appeals, key=lambda g: appeals[g]["total"])
        appeals[group]["total"] += 1
    elif what == "carried_forward":
        requests["carried_forward"][0] += 10
        requests["carried_forward"][-1] += 10


def reports() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, template_id, year, agency, seed, _word, _misspell in REPORTS:
        rng = random.Random(seed)
        template = TEMPLATES[template_id]
        size = int(10 ** rng.uniform(0.8, 4.3))
        data = {
            "agency": AGENCIES[agency],
            "year": year,
            "template": template_id,
            "active": _active(rng, template, size),
            "requests": _requests(rng, template, size),
            "appeals": _appeals(rng, template, size),
        }
        if name in CONTRADICTIONS:
            _contradict(data, CONTRADICTIONS[name], rng)
        Report.from_dict(data, name)  # valid report data (contradictions and all), or stop here
        out[name] = data
    return out


def generate(out: Path, every_pdf: bool = False) -> dict[str, int]:
    data = reports()
    for cls in (*CLASSES, "gold"):
        shutil.rmtree(out / cls, ignore_errors=True)
        (out / cls).mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="gongkai-holdout-") as tmp_name:
        tmp = Path(tmp_name)
        pdfs: list[Path] = []
        word_pages: list[Path] = []
        for name, _template, _year, _agency, _seed, word, misspell in REPORTS:
            d = data[name]
            (out / "gold" / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", "utf-8")
            page = province(d, misspell)
            stem = f"{name}~province"
            path = tmp / f"{stem}.html"
            path.write_text(page, encoding="utf-8")
            for cls in ("crawler", "crawler-nospace"):
                wild._write(out / cls / f"{stem}.txt", wild.FROM_HTML[cls](page))
            pdf = tmp / f"{stem}.pdf"
            print_with_chromium(path, pdf)
            pdfs.append(pdf)
            if word:
                copy = tmp / "word" / f"{stem}-word.html"
                copy.parent.mkdir(exist_ok=True)
                shutil.copy(path, copy)
                word_pages.append(copy)
        pdfs += convert(html_to_docx(word_pages, tmp / "docx"), tmp / "word-pdf", "pdf")
        for pdf in pdfs:
            if every_pdf or pdf.stem in PDF_FIXTURES:
                shutil.copy(pdf, out / "pdf" / pdf.name)
            for cls, convert_pdf in wild.FROM_PDF.items():
                wild._write(out / cls / f"{pdf.stem}{EXTENSIONS.get(cls, '.txt')}", convert_pdf(pdf))
    return {cls: len(list((out / cls).iterdir())) for cls in CLASSES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=FIXTURES, help="where to write (default: fixtures/)")
    parser.add_argument("--every-pdf", action="store_true", help="the pdf class gets every PDF, not PDF_FIXTURES")
    args = parser.parse_args()
    for cls, n in generate(args.out, args.every_pdf).items():
        print(f"{cls:18} {n} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
