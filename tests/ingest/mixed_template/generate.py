"""Make the mixed-template and damaged-label fixtures: real PDFs and real converter output.

    .venv/bin/python -m tests.ingest.mixed_template.generate

A published 2021-template report was found printing the 2019 template's single row
（六）其他处理 where 2021 has three sub-rows, and a row label with characters missing. This
script prints such reports with the project's own renderer (DOCX → PDF through LibreOffice),
changing only the grid of table 三 before it is typeset, and passes each PDF through the two
PDF-to-Markdown converters researchers use (pymupdf4llm, markitdown). For every case it writes
``CASE.pdf``, ``CASE.pymupdf4llm.md``, ``CASE.markitdown.md`` and ``CASE.expected.json`` (what
a correct reading gives: zeros for the three sub-rows when the printed row is all zero, null
when it is not — only its sum is printed). Nothing here is typed by hand but the choice of cases.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from gongkai.render.compose import compose
from gongkai.render.layout import GridCell, GridTable, Role
from gongkai.render.to_docx import render_docx
from gongkai.render.to_pdf import docx_to_pdf
from gongkai.report.model import Report
from gongkai.report.templates import ACCEPTED, OTHER_HANDLING, TEMPLATE_2021
from tests.ingest.corpus import GOLD

HERE = Path(__file__).resolve().parent

# Row labels damaged the way PDFs and OCR damage them: characters dropped, one misread.
DAMAGE = {
    "mixed-zero": {"unavailable_not_held": ("drop", 2), "denied_process_info": ("misread", 3)},
    "mixed-sum": {"not_processed_duplicate": ("drop", 1), "denied_state_secret": ("misread", 4)},
}
_LOOKALIKE = {"秘": "祕", "密": "蜜", "四": "匹", "类": "粪", "过": "过", "重": "熏", "复": "夏"}


def _gold(prefix: str) -> dict[str, Any]:
    return Report.load(next(GOLD.glob(f"{prefix}*.json"))).to_dict()


def _cases() -> dict[str, dict[str, Any]]:
    zero = _gold("shuyang")  # a 2021 report whose 其他处理 rows are all 0
    busy = _gold("000")  # a 2019 report with a non-zero 其他处理 row, moved to the 2021 template
    busy.update(template="2021", year=2022)
    busy["active"] = {
        "regulations": {"made": 2, "repealed": 1, "in_force": 15},
        "normative_documents": {"made": 12, "repealed": 3, "in_force": 108},
        "licensing": {"decisions": 146653},
        "punishment": {"decisions": 212618},
        "coercion": {"decisions": 8844},
        "fees": {"amount_10k_yuan": 271.53},
    }
    requests = busy["requests"]
    other = requests.pop("other")
    requests["other_no_correction"] = [min(1, v) for v in other]
    requests["other_unpaid_fee"] = [0] * 7
    requests["other_other"] = [v - min(1, v) for v in other]
    busy["requests"] = {row.key: requests[row.key] for row in TEMPLATE_2021.request_rows}
    return {"mixed-zero": zero, "mixed-sum": busy}


def _damaged(label: str, how: str, at: int) -> str:
    if how == "drop":  # characters lost at the end of the cell (a glyph the font lacked, a cut)
        return label[: len(label) - at]
    char = label[at]
    return label[:at] + _LOOKALIKE.get(char, "口") + label[at + 1 :]


def _mixed_grid(table: GridTable, damage: dict[str, tuple[str, int]]) -> GridTable:
    """Table 三 with its three 其他处理 rows printed as 2019's one row (their sum), and some
    row labels damaged."""
    printed = {row.printed: row.key for row in TEMPLATE_2021.request_rows}
    rows: list[tuple[GridCell, ...]] = []
    merged: list[list[int]] = []
    for row in table.rows:
        values = [c for c in row if c.role is Role.VALUE]
        group = next((c for c in row if c.role is Role.LABEL and c.text == OTHER_HANDLING), None)
        if group is not None or (merged and len(merged) < 3):
            merged.append([c.value or 0 for c in values])  # type: ignore[misc]
            if len(merged) < 3:
                continue
            sums = [sum(column) for column in zip(*merged, strict=True)]
            cells = [GridCell(OTHER_HANDLING, Role.LABEL, colspan=2)]
            cells += [dataclasses.replace(c, text=str(v), value=v) for c, v in zip(values, sums, strict=True)]
            rows.append(tuple(cells))
            merged.append([])  # done
            continue
        cells = []
        for cell in row:
            if cell.role is Role.LABEL and cell.text == ACCEPTED:
                cell = dataclasses.replace(cell, rowspan=cell.rowspan - 2)
            key = printed.get(cell.text) if cell.role is Role.LABEL else None
            if key in damage:
                how, at = damage[key]
                number = TEMPLATE_2021.request_row(key).number
                cell = dataclasses.replace(cell, text=number + _damaged(cell.text[len(number) :], how, at))
            cells.append(cell)
        rows.append(tuple(cells))
    return dataclasses.replace(table, rows=tuple(rows))


def _expected(data: dict[str, Any]) -> dict[str, Any]:
    expected = copy.deepcopy(data)
    parts = [row.key for row in TEMPLATE_2021.request_rows if row.group == OTHER_HANDLING]
    zero = all(v == 0 for key in parts for v in data["requests"][key])
    for key in parts:
        expected["requests"][key] = [0] * 7 if zero else [None] * 7
    return expected


def main() -> int:
    import pymupdf4llm
    from markitdown import MarkItDown

    markitdown = MarkItDown()
    with tempfile.TemporaryDirectory() as work:
        docx_files = []
        for name, data in _cases().items():
            composition = compose(Report.from_dict(data))
            for part in composition.parts:
                if part.table is not None and part.table.key == "requests":
                    part.table = _mixed_grid(part.table, DAMAGE[name])
            docx = Path(work) / f"{name}.docx"
            docx.write_bytes(render_docx(composition))
            docx_files.append(docx)
            (HERE / f"{name}.expected.json").write_text(
                json.dumps(_expected(data), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        for pdf in docx_to_pdf(docx_files, HERE):
            stem = pdf.stem
            (HERE / f"{stem}.pymupdf4llm.md").write_text(
                pymupdf4llm.to_markdown(str(pdf), show_progress=False), encoding="utf-8"
            )
            (HERE / f"{stem}.markitdown.md").write_text(markitdown.convert(str(pdf)).text_content, encoding="utf-8")
    versions = {"pymupdf4llm": getattr(pymupdf4llm, "__version__", "?"), "markitdown": _version("markitdown")}
    (HERE / "converters.json").write_text(json.dumps(versions, indent=1) + "\n", encoding="utf-8")
    return 0


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    sys.exit(main())
