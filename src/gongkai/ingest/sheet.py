"""Many reports as one sheet: a row per report, a column per statutory cell (for analysts).

Column headers are built from ``report/templates.py`` (表二·规章·本年新制作数量 …). Reports of both
templates share one sheet: the columns are the union, in printed order, and a cell a report's
template does not have stays empty. CSV is written as UTF-8 with a byte-order mark so that Excel
and WPS open it as Chinese text; ``.xlsx`` through openpyxl.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.ingest.vocabulary import TEMPLATES_BOTH, vocabulary
from gongkai.report.model import Report

CellId = tuple[str, str, str | int]  # (table, row key, column key or index)
LEAD_COLUMNS = ("文件", "发布机关", "年度", "模板", "错误数", "不确定数", "读取错误")


@dataclass(frozen=True)
class SheetRow:
    """One input file: its report, or the reason it could not be read."""

    file: str
    report: Report | None = None
    error: str | None = None


def statutory_columns() -> list[tuple[CellId, str]]:
    """Every statutory cell of both templates once, in printed order, with its Chinese header."""
    columns: dict[CellId, str] = {}
    for template in TEMPLATES_BOTH:
        for row in template.active_rows:
            for f in row.fields:
                columns.setdefault(("active", row.key, f.key), f"表二·{row.label}·{f.label}")
    by_key = {row.key: (t, row) for t in reversed(TEMPLATES_BOTH) for row in t.request_rows}
    for entry in vocabulary().request_rows:
        template, request_row = by_key[entry.key]
        for column in template.request_columns:
            columns.setdefault(
                ("requests", request_row.key, column.index), f"表三·{request_row.full_label}·{column.full_label}"
            )
    template = TEMPLATES_BOTH[0]
    for group in template.appeal_groups:
        for af in template.appeal_fields:
            columns.setdefault(("appeals", group.key, af.key), f"表四·{group.full_label}·{af.label}")
    return list(columns.items())


def _values(row: SheetRow, cells: list[CellId]) -> list[Any]:
    report = row.report
    if report is None:
        return [row.file, "", "", "", "", "", row.error or ""]
    errors = sum(1 for f in report.findings or [] if f.is_error)
    lead: list[Any] = [
        row.file,
        report.agency,
        report.year,
        report.template.id,
        errors,
        len(report.uncertain or []),
        "",
    ]
    present = {(table, key, column): value for table, key, column, value in report.cells()}
    return lead + [present.get(cell) for cell in cells]


def write_sheet(rows: Iterable[SheetRow], path: Path) -> int:
    """Write ``rows`` to ``path`` (.csv or .xlsx); returns the number of rows written."""
    columns = statutory_columns()
    cells = [cell for cell, _ in columns]
    header = [*LEAD_COLUMNS, *(title for _, title in columns)]
    count = 0
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("年度报告")
        sheet.append(header)
        for row in rows:
            sheet.append(_values(row, cells))
            count += 1
        book.save(path)
        return count
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in _values(row, cells)])
            count += 1
    return count
