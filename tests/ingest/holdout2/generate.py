"""Make the second hold-out set: new report figures in a gazette page style no reader was built on.

    PYTHONPATH=src .venv/bin/python tests/ingest/holdout2/generate.py [--out DIR]

The first hold-out (``tests/ingest/holdout``) has been tuned on since it was scored; this set is
the fresh estimate for reports nobody has seen. Its figures are drawn by the first hold-out's
machinery (``holdout/generate.py``: sizes, applicant shares, outcomes, table 四 groups, table 二
counts and money; imported, not copied), with new seeds and sizes from a handful of applications
to tens of thousands. Every equation holds except in the reports of ``CONTRADICTIONS``, where one
printed figure is changed after the fact: those are read AS PRINTED (the gold keeps the changed
figure) and ``check_report`` must report them.

Each report is laid out by ``layout.gazette`` with a ``Style`` of its own (both templates, zeros
as 0 / — / blank, thousands separators, captions 表一 / 附表2, numbering variants, table 三 cut
with its header repeated, notes under the tables, 万元 with two decimals), printed to PDF by
chromium, and half of them opened in LibreOffice, saved as Word and printed from Word; then turned
into the classes of issue 9 by the same code as the other sets (``wild``'s ``FROM_PDF`` /
``FROM_HTML``, the publishers' ``html_to_docx``). Written: ``fixtures/<class>/<report>~gazette
[-word].<ext>`` and ``fixtures/gold/<report>.json``; deterministic.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from gongkai.libreoffice import convert  # noqa: E402
from gongkai.report.model import Report  # noqa: E402
from gongkai.report.templates import TEMPLATES  # noqa: E402
from tests.ingest.holdout.generate import _active, _appeals, _contradict, _requests  # noqa: E402
from tests.ingest.holdout2 import CLASSES, FIXTURES  # noqa: E402
from tests.ingest.holdout2 import CONTRADICTIONS as BROKEN  # noqa: E402
from tests.ingest.holdout2.layout import Style, gazette  # noqa: E402
from tests.ingest.make_files import print_with_chromium  # noqa: E402
from tests.ingest.publishers.generate import html_to_docx  # noqa: E402
from tests.ingest.wild import generate as wild  # noqa: E402

EXTENSIONS = {"html": ".html", "docx": ".docx", "pdf": ".pdf", "pymupdf4llm": ".md", "markitdown": ".md"}
AGENCIES = (
    "市发展和改革委员会",
    "县教育局",
    "区人民政府",
    "市交通运输局",
    "县卫生健康局",
    "街道办事处",
    "市财政局",
    "省水利厅",
)

# (name, template, year, agency, seed, applications, through Word too, style)
REPORTS: tuple[tuple[str, str, int, int, int, int, bool, Style], ...] = (
    ("g2019-a", "2019", 2019, 0, 201, 7, True, Style(caption="表", corner="blank", font=11)),
    (
        "g2020-b",
        "2019",
        2020,
        1,
        202,
        31_000,
        False,
        Style(zero="—", thousands=True, wan=True, breaks=True, notes=True, split="thead", width=760),
    ),
    (
        "g2020-c",
        "2019",
        2020,
        2,
        203,
        640,
        True,
        Style(zero="", labels="numbered", split="continued", notes=True, numbering="ascii", rules="css", font=12),
    ),
    (
        "g2021-a",
        "2021",
        2021,
        3,
        204,
        95,
        True,
        Style(zero="—", caption="附表", breaks=True, numbering="dun", corner="项目"),
    ),
    (
        "g2022-b",
        "2021",
        2022,
        4,
        205,
        5_400,
        False,
        Style(
            thousands=True, wan=True, notes=True, split="thead", numbering="fullwidth", total="合计", font=12, width=620
        ),
    ),
    ("g2022-c", "2021", 2022, 5, 206, 23, True, Style(zero="", numbering="ascii", caption="表", rules="css")),
    ("g2023-d", "2021", 2023, 6, 207, 2, False, Style(corner="blank", font=9, width=900)),
    (
        "g2024-e",
        "2021",
        2024,
        7,
        208,
        1_800,
        True,
        Style(zero="—", labels="numbered", split="continued", caption="附表", total="合计", breaks=True, notes=True),
    ),
)
# report → what is printed wrong in it (after the figures were drawn consistent)
CONTRADICTIONS = {name: what for name, (what, _rule) in BROKEN.items()}


def reports() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, template_id, year, agency, seed, size, _word, style in REPORTS:
        rng = random.Random(seed)
        template = TEMPLATES[template_id]
        data = {
            "agency": AGENCIES[agency],
            "year": year,
            "template": template_id,
            "active": _active(rng, template, size),
            "requests": _requests(rng, template, size),
            "appeals": _appeals(rng, template, size),
        }
        if style.wan and "procurement" in data["active"]:  # printed in 万元 with two decimals
            amount = data["active"]["procurement"]
            amount["amount_yuan"] = round(round(amount["amount_yuan"] * 40, 2) * 10_000, 2)
        if name in CONTRADICTIONS:
            _contradict(data, CONTRADICTIONS[name], rng)
        Report.from_dict(data, name)  # valid report data (contradictions and all), or stop here
        out[name] = data
    return out


def generate(out: Path) -> dict[str, int]:
    return write_classes(out, reports(), REPORTS, gazette, "gazette")


def write_classes(
    out: Path,
    data: dict[str, dict[str, Any]],
    reports: Iterable[tuple[Any, ...]],
    lay_out: Callable[[dict[str, Any], Any], str],
    style_name: str,
) -> dict[str, int]:
    """Write a hold-out set: each report's gold and page (``lay_out(data, style)``), the page printed
    by chromium and, for the reports marked ``word``, through LibreOffice's Word route, and every
    class of issue 9 made from them by the same tools. Shared by the hold-out sets after the first."""
    for cls in (*CLASSES, "gold"):
        shutil.rmtree(out / cls, ignore_errors=True)
        (out / cls).mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix=f"gongkai-{style_name}-") as tmp_name:
        tmp = Path(tmp_name)
        pdfs: list[Path] = []
        word_pages: list[Path] = []
        for name, _template, _year, _agency, _seed, _size, word, style in reports:
            d = data[name]
            (out / "gold" / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", "utf-8")
            page = lay_out(d, style)
            stem = f"{name}~{style_name}"
            (out / "html" / f"{stem}.html").write_text(page, encoding="utf-8")
            for cls in ("crawler", "crawler-nospace"):
                wild._write(out / cls / f"{stem}.txt", wild.FROM_HTML[cls](page))
            path = tmp / f"{stem}.html"
            path.write_text(page, encoding="utf-8")
            pdf = tmp / f"{stem}.pdf"
            print_with_chromium(path, pdf)
            pdfs.append(pdf)
            if word:
                copy = tmp / "word" / f"{stem}-word.html"
                copy.parent.mkdir(exist_ok=True)
                shutil.copy(path, copy)
                word_pages.append(copy)
        docx = html_to_docx(word_pages, tmp / "docx")
        for path in docx:
            shutil.copy(path, out / "docx" / path.name)
        pdfs += convert(docx, tmp / "word-pdf", "pdf")
        for pdf in pdfs:
            shutil.copy(pdf, out / "pdf" / pdf.name)
            for cls, convert_pdf in wild.FROM_PDF.items():
                wild._write(out / cls / f"{pdf.stem}{EXTENSIONS.get(cls, '.txt')}", convert_pdf(pdf))
    return {cls: len(list((out / cls).iterdir())) for cls in CLASSES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=FIXTURES, help="where to write (default: fixtures/)")
    args = parser.parse_args()
    for cls, n in generate(args.out).items():
        print(f"{cls:18} {n} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
