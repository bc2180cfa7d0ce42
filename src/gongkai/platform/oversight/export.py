"""Every table of the oversight pages as CSV (UTF-8 with BOM, so Excel and WPS open it as Chinese
text) or XLSX, from the same headers and rows the page shows."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_response(name: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> HttpResponse:
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(list(headers))
        for row in rows:
            sheet.append(list(row))
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(headers)
        writer.writerows(rows)
        response = HttpResponse(("\ufeff" + text.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    suffix = "xlsx" if fmt == "xlsx" else "csv"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.{suffix}"
    return response
